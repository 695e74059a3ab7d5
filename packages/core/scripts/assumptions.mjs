// What the contract assumes beyond the vendor's getting-started page (docs/api/vendor-getting-started.txt),
// read from the OpenAPI document's marks: every path, field and header carries
// `x-classifaily-source: documented` (with the page's own words, checked here to be on the page) or
// `assumed` (with the key of an `x-classifaily-assumptions` entry). generate.mjs writes the table
// docs/api/assumptions.md and src/generated/assumptions.ts from it; an unmarked item, an unknown key
// or a quote the page does not have fails the generator and so `pnpm lint`.

const PLATFORMS = [
  ['n8n', 'n8n'],
  ['zapier', 'Zapier'],
  ['make', 'Make'],
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Every path, field and header of the document, as `{ where, node }`. */
function markable(spec) {
  const out = [];
  const params = (list, where) => {
    for (const p of list ?? [])
      if (!p.$ref) out.push({ where: `${where} ${p.in} ${p.name}`, node: p });
  };
  for (const [path, item] of Object.entries(spec.paths)) {
    out.push({ where: `path ${path}`, node: item });
    params(item.parameters, path);
    for (const m of METHODS) if (item[m]) params(item[m].parameters, `${m.toUpperCase()} ${path}`);
  }
  for (const p of Object.values(spec.components.parameters ?? {}))
    out.push({ where: `header ${p.name}`, node: p });
  for (const [name, h] of Object.entries(spec.components.headers ?? {}))
    out.push({ where: `header ${name}`, node: h });
  for (const [name, s] of Object.entries(spec.components.securitySchemes ?? {}))
    out.push({ where: `header Authorization (${name})`, node: s });
  for (const [name, s] of Object.entries(spec.components.schemas))
    for (const [prop, p] of Object.entries(s.properties ?? {}))
      out.push({ where: `field ${name}.${prop}`, node: p });
  return out;
}

/** Checks the marks; returns the documented items and the assumptions with the items marked with each. */
export function readAssumptions(spec, vendorPage) {
  const page = squash(vendorPage);
  const entries = spec['x-classifaily-assumptions'] ?? {};
  const problems = [];
  const documented = [];
  const marked = Object.fromEntries(Object.keys(entries).map((key) => [key, []]));
  for (const { where, node } of markable(spec)) {
    const source = node['x-classifaily-source'];
    const quote = node['x-classifaily-vendor-text'];
    if (quote !== undefined && !page.includes(squash(quote)))
      problems.push(`${where}: the vendor page does not say "${quote}"`);
    if (source === 'documented') {
      if (!quote) problems.push(`${where}: documented, but no x-classifaily-vendor-text`);
      else documented.push({ where, quote });
    } else if (source === 'assumed') {
      const key = node['x-classifaily-assumption'];
      if (!marked[key])
        problems.push(`${where}: assumed, but "${key}" is no x-classifaily-assumptions entry`);
      else marked[key].push(where);
    } else problems.push(`${where}: no x-classifaily-source (documented or assumed)`);
  }
  for (const [key, entry] of Object.entries(entries)) {
    if (!marked[key].length && !entry.where)
      problems.push(`assumption ${key}: nothing is marked with it`);
    // Every platform's list is written, if only as `[]` (nothing on that platform needs it), and
    // some platform needs each assumption.
    for (const [platform] of PLATFORMS)
      if (!Array.isArray(entry.needs?.[platform]))
        problems.push(`assumption ${key}: no needs.${platform}`);
    if (!PLATFORMS.some(([platform]) => entry.needs?.[platform]?.length))
      problems.push(`assumption ${key}: no platform needs it`);
  }
  if (problems.length) throw new Error(`The contract's source marks:\n  ${problems.join('\n  ')}`);
  return {
    documented,
    assumptions: Object.entries(entries).map(([key, e]) => ({ key, ...e, marked: marked[key] })),
  };
}

const cell = (s) => squash(s).replace(/\|/g, '\\|');

export function renderAssumptionsMarkdown({ documented, assumptions }) {
  const lines = [
    '<!-- Generated from packages/core/openapi/classifaily.openapi.yaml by packages/core/scripts/generate.mjs. Do not edit. -->',
    '',
    '# What the integrations assume about the Classifaily API',
    '',
    "The vendor's getting-started page ([vendor-getting-started.txt](vendor-getting-started.txt)) is all",
    'that is published about the API. Our OpenAPI document marks every path, field and header',
    '`documented` (quoting the page) or `assumed`. Below: each assumption, where the document makes it,',
    'which feature of which integration needs it, and what the integrations do when the API lacks it.',
    'The documented-only sandbox (`classifaily-sandbox --documented-only`) answers only what the page',
    'documents; the documented-only suites report a feature that needs an assumption as unavailable',
    'and may skip only the assumptions named here.',
    '',
    `${documented.length} items are documented; ${assumptions.reduce((n, a) => n + a.marked.length, 0)} items rest on ${assumptions.length} assumptions.`,
    '',
    '## Assumptions',
    '',
    `| assumption | key | ${PLATFORMS.map(([, label]) => `${label} needs it for`).join(' | ')} | without it |`,
    `|---|---|${PLATFORMS.map(() => '---|').join('')}---|`,
  ];
  for (const a of assumptions)
    lines.push(
      `| ${cell(a.title)} | \`${a.key}\` | ${PLATFORMS.map(([p]) => cell(a.needs[p].join('; ') || 'nothing')).join(' | ')} | ${cell(a.without)} |`,
    );
  lines.push('', '## Where the document makes each assumption', '');
  for (const a of assumptions) {
    const where = [...(a.where ? [squash(a.where)] : []), ...a.marked.map((m) => `\`${m}\``)];
    lines.push(`- **${a.key}**: ${where.join(', ')}`);
  }
  lines.push('', '## Documented by the vendor page', '', '| item | the page says |', '|---|---|');
  for (const d of documented) lines.push(`| \`${d.where}\` | ${cell(d.quote)} |`);
  return lines.join('\n') + '\n';
}

export function renderAssumptionsTs({ assumptions }) {
  const data = Object.fromEntries(
    assumptions.map((a) => [
      a.key,
      { title: squash(a.title), without: squash(a.without), needs: a.needs },
    ]),
  );
  return (
    '\n/** What the integrations assume beyond the vendor page, by key (docs/api/assumptions.md). */\n' +
    `export const ASSUMPTIONS = ${JSON.stringify(data, null, 2)} as const;\n\n` +
    'export type AssumptionKey = keyof typeof ASSUMPTIONS;\n'
  );
}
