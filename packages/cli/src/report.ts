// `--out report.html`: one self-contained page (decision 0603). Its style and its chart are inline;
// it has no script, and its Content-Security-Policy lets it load nothing at all, so it opens the
// same offline, from an e-mail attachment or a shared drive, and a text that looks like markup
// stays text (every text is escaped as well).
import { DEFAULT_REVIEW_THRESHOLD } from '@classifaily/core';
import { chartSvg } from './chart';
import { escapeHtml } from './html';
import { worstMistakes, type Results } from './results';
import { apiName, caution, countOf, decimal, percent, thresholdNote, verdict } from './summary';

/** Wrong answers listed in the report, the most confident first. */
export const REPORT_MISTAKES = 20;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #dfe3ea; --coverage: #2f6fdf; --precision: #d9480f; --ok: #2b8a3e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 860px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; }
p { margin: 8px 0; }
.source { color: var(--muted); }
.verdict { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--ok); border-radius: 6px; padding: 14px 18px; margin: 20px 0; }
.verdict.none { border-left-color: var(--precision); }
.verdict .threshold { font-size: 30px; font-weight: 700; }
.verdict .caution { color: var(--muted); font-size: 14px; }
.figures { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 13px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 13px; }
td.num, th.num { text-align: right; }
.confusion td.diagonal { background: #e6f4ea; font-weight: 600; }
.confusion td.off { background: #fdecea; }
.mistakes td.text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 420px; }
.mistakes .why { color: var(--muted); font-size: 13px; }
tr.rule td, tr.recommended td { font-weight: 600; }
svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .grid { stroke: var(--line); }
svg .axis { stroke: #8a93a3; }
svg .tick, svg .axis-title, svg .legend text { fill: var(--muted); }
svg .series { fill: none; stroke-width: 2.5; }
svg .coverage { stroke: var(--coverage); stroke-width: 2.5; }
svg .precision { stroke: var(--precision); stroke-width: 2.5; }
svg .target line { stroke: var(--precision); stroke-dasharray: 2 4; }
svg .target text { fill: var(--precision); }
svg .marker line { stroke-dasharray: 6 4; stroke-width: 1.5; }
svg .marker.rule line { stroke: #8a93a3; }
svg .marker.rule text { fill: var(--muted); }
svg .marker.recommended line { stroke: var(--ok); }
svg .marker.recommended text { fill: var(--ok); font-weight: 600; }
footer { margin-top: 32px; color: var(--muted); font-size: 13px; }
`;

const cell = (text: string, className?: string) =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;
const head = (text: string, className?: string) =>
  `<th${className ? ` class="${className}"` : ''} scope="col">${escapeHtml(text)}</th>`;

export function reportHtml(results: Results, version: string): string {
  const { evaluation, categories, rows, vendorRule, recommended } = results;
  const { n } = evaluation;
  const right = rows.filter((row) => row.predicted === row.label).length;
  const title = `Classifaily evaluation of ${results.file}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Which Review Threshold?</h1>
<p class="source">${n} labelled texts from <code>${escapeHtml(results.file)}</code>, classified by ${escapeHtml(apiName(results))} against ${categories.length} categories${results.schema ? ` (schema <code>${escapeHtml(results.schema)}</code>)` : ''}: ${escapeHtml(categories.join(', '))}.</p>

<section class="verdict${recommended ? '' : ' none'}" id="verdict">
${recommended ? `<div class="threshold">${decimal(recommended.threshold)}</div>` : ''}
<p>${escapeHtml(verdict(results))}</p>
${caution(results) ? `<p class="caution">${escapeHtml(caution(results)!)}</p>` : ''}
</section>

<div class="figures">
<div class="figure" id="accuracy"><b>${percent(evaluation.accuracy)}</b><span>accuracy (${right} of ${n} right)</span></div>
<div class="figure" id="vendor-rule"><b>${percent(vendorRule.coverage)}</b><span>acted on at ${decimal(DEFAULT_REVIEW_THRESHOLD)}, ${percent(vendorRule.precision)} right</span></div>
${recommended ? `<div class="figure" id="recommended"><b>${percent(recommended.coverage)}</b><span>acted on at ${decimal(recommended.threshold)}, ${percent(recommended.precision)} right</span></div>` : ''}
</div>

<h2>Coverage and precision by threshold</h2>
<p>A text is acted on automatically when its confidence is at or above the threshold; below, it goes to a person. Coverage is the share acted on; precision is how many of those got the right label.</p>
<div class="card">
${chartSvg(evaluation)}
</div>

<h2>Per category</h2>
<table class="per-category">
<thead><tr>${head('category')}${head('precision', 'num')}${head('recall', 'num')}${head('F1', 'num')}${head('texts', 'num')}</tr></thead>
<tbody>
${Object.entries(evaluation.perCategory)
  .map(
    ([category, f]) =>
      `<tr data-category="${escapeHtml(category)}">${cell(category)}${cell(percent(f.precision), 'num')}${cell(percent(f.recall), 'num')}${cell(decimal(f.f1), 'num')}${cell(String(f.support), 'num')}</tr>`,
  )
  .join('\n')}
</tbody>
</table>
<p class="source">Precision: of the texts given this label, how many had it. Recall: of the texts that had it, how many were given it. At every confidence, before any threshold.</p>

<h2>Confusion matrix</h2>
<div class="card">
<table class="confusion">
<thead><tr><th scope="col">a person said ↓ · the classifier said →</th>${Object.keys(
    evaluation.confusion,
  )
    .map((given) => head(given, 'num'))
    .join('')}</tr></thead>
<tbody>
${Object.entries(evaluation.confusion)
  .map(
    ([expected, counts]) =>
      `<tr data-expected="${escapeHtml(expected)}"><th scope="row">${escapeHtml(expected)}</th>${Object.entries(
        counts,
      )
        .map(([given, count]) =>
          cell(String(count), given === expected ? 'num diagonal' : count > 0 ? 'num off' : 'num'),
        )
        .join('')}</tr>`,
  )
  .join('\n')}
</tbody>
</table>
</div>

<h2>Worst mistakes</h2>
${mistakesTable(results)}

<h2>Every threshold</h2>
<details>
<summary>The table behind the chart: 0.50 to 0.99</summary>
<table class="thresholds">
<thead><tr>${head('threshold', 'num')}${head('acted on', 'num')}${head('texts', 'num')}${head('precision', 'num')}${head('')}</tr></thead>
<tbody>
${evaluation.thresholds
  .map((row) => {
    const note = thresholdNote(row.threshold, results);
    const kind = [
      row.threshold === DEFAULT_REVIEW_THRESHOLD ? 'rule' : '',
      row.threshold === evaluation.recommendedThreshold ? 'recommended' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `<tr data-threshold="${decimal(row.threshold)}"${kind ? ` class="${kind}"` : ''}>${cell(decimal(row.threshold), 'num')}${cell(percent(row.coverage), 'num')}${cell(String(countOf(row.coverage, n)), 'num')}${cell(percent(row.precision), 'num')}${cell(note)}</tr>`;
  })
  .join('\n')}
</tbody>
</table>
</details>

<footer>Made by <code>classifaily evaluate</code> ${escapeHtml(version)} (@classifaily/cli). Put the threshold in the Review Threshold field of the Classifaily step in n8n, Zapier or Make.</footer>
</main>
</body>
</html>
`;
}

function mistakesTable(results: Results): string {
  const mistakes = worstMistakes(results.rows, REPORT_MISTAKES);
  if (mistakes.length === 0)
    return '<p id="no-mistakes">No mistakes: every text got the label a person gave it.</p>';
  const wrong = results.rows.filter((row) => row.predicted !== row.label).length;
  return `<p>${wrong > mistakes.length ? `The ${mistakes.length} most confident of ${wrong} wrong answers` : `All ${wrong} wrong answers, the most confident first`}: the ones a workflow would most likely have acted on.</p>
<table class="mistakes">
<thead><tr>${head('line', 'num')}${head('text')}${head('a person said')}${head('the classifier said')}${head('confidence', 'num')}</tr></thead>
<tbody>
${mistakes
  .map(
    (row) =>
      `<tr data-line="${row.line}">${cell(String(row.line), 'num')}<td class="text">${escapeHtml(row.text)}${row.explanation ? `<div class="why">why: ${escapeHtml(row.explanation)}</div>` : ''}</td>${cell(row.label)}${cell(row.predicted)}${cell(decimal(row.confidence), 'num')}</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
}
