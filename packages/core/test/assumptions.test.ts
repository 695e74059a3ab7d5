// The contract's documented/assumed marks, the generated table, and what core makes of an answer
// that has only what the vendor documents.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ASSUMPTIONS, catalog, presentClassification, presentResult } from '../src';

const spec = parse(
  readFileSync(path.join(__dirname, '../openapi/classifaily.openapi.yaml'), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };

/** What the generator's check says of a document ('' when it passes); the script is ESM. */
function marksProblem(document: unknown): string {
  const script = `
    import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
    import { readAssumptions } from ${JSON.stringify(path.join(__dirname, '../scripts/assumptions.mjs'))};
    const page = readFileSync(${JSON.stringify(path.join(__dirname, '../../../docs/api/vendor-getting-started.txt'))}, 'utf8');
    try { readAssumptions(JSON.parse(readFileSync(0, 'utf8')), page); } catch (e) { process.stdout.write(e.message); }`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(document),
  }).toString();
}

describe('the assumptions table', () => {
  it('names, for every catalog operation on an assumed path, the feature on some platform', () => {
    for (const op of Object.values(catalog.operations)) {
      const item = spec.paths[op.path]!;
      if (item['x-classifaily-source'] === 'documented') continue;
      const key = item['x-classifaily-assumption'] as keyof typeof ASSUMPTIONS;
      const needs = Object.values(ASSUMPTIONS[key].needs).flat() as string[];
      // No platform has a Get Account step: `/v1/me` is read only by core's testConnection(),
      // Zapier's connection test (decisions 0036, 0038).
      const feature = op.key === catalog.operations.me.key ? 'Connection test' : op.label;
      expect({ op: op.label, named: needs.some((n) => n.startsWith(feature)) }).toEqual({
        op: op.label,
        named: true,
      });
    }
  });

  it("rests n8n's credential test and Make's connection validation on schemas, not /v1/me", () => {
    const { method, path: testPath, query } = catalog.credential.testRequest;
    const item = spec.paths[testPath]! as Record<string, { parameters?: { name: string }[] }>;
    expect(item['x-classifaily-assumption']).toBe('schemas');
    // A read the contract has (GET, with the query it takes), never a billed one.
    const params = item[method.toLowerCase()]!.parameters!.map((p) => p.name);
    expect(Object.keys(query).filter((q) => !params.includes(q))).toEqual([]);
    expect(ASSUMPTIONS.schemas.needs.n8n).toContain('Credential test');
    expect(ASSUMPTIONS.schemas.needs.make).toContain('Connection validation');
    expect(ASSUMPTIONS['me-endpoint'].needs).toMatchObject({ n8n: [], make: [] });
  });

  it('rests classify on what the vendor documents, and /v1/me, batch and schemas on assumptions', () => {
    expect(spec.paths['/v1/classify']!['x-classifaily-source']).toBe('documented');
    expect(spec.paths['/v1/me']!['x-classifaily-assumption']).toBe('me-endpoint');
    expect(spec.paths['/v1/classify/batch']!['x-classifaily-assumption']).toBe('batch-endpoint');
    expect(spec.paths['/v1/schemas']!['x-classifaily-assumption']).toBe('schemas');
  });

  it('fails the generator on an unmarked field or a quote the vendor page does not have', () => {
    const full = parse(
      readFileSync(path.join(__dirname, '../openapi/classifaily.openapi.yaml'), 'utf8'),
    );
    expect(marksProblem(full)).toBe('');
    const unmarked = structuredClone(full);
    delete unmarked.components.schemas.ClassificationResult.properties.scores[
      'x-classifaily-source'
    ];
    expect(marksProblem(unmarked)).toMatch(/ClassificationResult.scores: no x-classifaily-source/);
    const misquoted = structuredClone(full);
    misquoted.components.schemas.ClassificationResult.properties.label[
      'x-classifaily-vendor-text'
    ] = 'label is the best category.';
    expect(marksProblem(misquoted)).toMatch(/does not say "label is the best category."/);
  });
});

describe('an answer with only what the vendor documents', () => {
  const documented = {
    id: '42',
    status: 'completed' as const,
    type: 'text' as const,
    result: { label: 'account_access', confidence: 0.94 },
  };

  it('reads the classification id from the top level and leaves scores out', () => {
    const out = presentClassification(documented);
    expect(out).toEqual({
      id: '42',
      label: 'account_access',
      confidence: 0.94,
      needs_review: false,
    });
    expect('scores' in out).toBe(false);
  });

  it("prefers the result's own id, and leaves out an id a batch item does not have", () => {
    expect(
      presentClassification({ ...documented, result: { ...documented.result, id: 'cls_1' } }).id,
    ).toBe('cls_1');
    expect('id' in presentResult({ label: 'billing', confidence: 0.5 })).toBe(false);
  });
});
