// The report's chart, as inline SVG (no script, no font, nothing fetched): coverage and precision
// against the threshold from 0.50 to 0.99, the target precision as a dashed line, the vendor's
// 0.80 rule and the recommended threshold as marked verticals. Elements carry data- attributes
// so that the browser test can find them and check where they were drawn.
import { DEFAULT_REVIEW_THRESHOLD, type ThresholdRow } from '@classifaily/core';
import { escapeHtml } from './html';

export const CHART = { width: 760, height: 400, left: 60, right: 24, top: 24, bottom: 84 };
/** The x axis runs over the thresholds a user can choose, rounded out to whole tenths. */
const X_DOMAIN = [0.5, 1] as const;

const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;

export const xOf = (threshold: number): number =>
  CHART.left + ((threshold - X_DOMAIN[0]) / (X_DOMAIN[1] - X_DOMAIN[0])) * plotWidth;
export const yOf = (share: number): number => CHART.top + (1 - share) * plotHeight;

const round = (value: number) => Math.round(value * 100) / 100;

/** A path through the points that have a value; a gap (precision null) lifts the pen. */
function pathOf(
  rows: readonly ThresholdRow[],
  value: (row: ThresholdRow) => number | null,
): string {
  let pen = 'M';
  const parts: string[] = [];
  for (const row of rows) {
    const v = value(row);
    if (v === null) {
      pen = 'M';
      continue;
    }
    parts.push(`${pen}${round(xOf(row.threshold))},${round(yOf(v))}`);
    pen = 'L';
  }
  return parts.join(' ');
}

export interface ChartInput {
  thresholds: readonly ThresholdRow[];
  targetPrecision: number;
  recommendedThreshold: number | null;
}

export function chartSvg({
  thresholds,
  targetPrecision,
  recommendedThreshold,
}: ChartInput): string {
  const bottom = CHART.top + plotHeight;
  const right = CHART.left + plotWidth;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map(
    (share) =>
      `<line class="grid" x1="${CHART.left}" x2="${right}" y1="${yOf(share)}" y2="${yOf(share)}"/>` +
      `<text class="tick" x="${CHART.left - 8}" y="${yOf(share) + 4}" text-anchor="end">${share * 100}%</text>`,
  );
  const xTicks = [0.5, 0.6, 0.7, 0.8, 0.9, 1].map(
    (t) =>
      `<line class="axis" x1="${xOf(t)}" x2="${xOf(t)}" y1="${bottom}" y2="${bottom + 5}"/>` +
      `<text class="tick" data-tick="${t.toFixed(2)}" x="${xOf(t)}" y="${bottom + 20}" text-anchor="middle">${t.toFixed(2)}</text>`,
  );
  const marker = (threshold: number, kind: 'rule' | 'recommended', label: string, dy: number) =>
    `<g class="marker ${kind}" data-marker="${kind}" data-threshold="${threshold.toFixed(2)}">` +
    `<line x1="${round(xOf(threshold))}" x2="${round(xOf(threshold))}" y1="${CHART.top}" y2="${bottom}"/>` +
    `<text x="${round(xOf(threshold)) + 5}" y="${CHART.top + 14 + dy}">${escapeHtml(label)}</text></g>`;
  const recommended =
    recommendedThreshold === null
      ? ''
      : marker(
          recommendedThreshold,
          'recommended',
          `recommended ${recommendedThreshold.toFixed(2)}`,
          recommendedThreshold === DEFAULT_REVIEW_THRESHOLD ? 16 : 0,
        );
  const legendY = CHART.height - 10;
  return [
    `<svg class="chart" viewBox="0 0 ${CHART.width} ${CHART.height}" width="${CHART.width}" height="${CHART.height}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">Coverage and precision against the review threshold, 0.50 to 0.99</title>`,
    ...yTicks,
    `<line class="axis" x1="${CHART.left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    ...xTicks,
    `<text class="axis-title" x="${CHART.left + plotWidth / 2}" y="${bottom + 40}" text-anchor="middle">Review threshold</text>`,
    `<g class="target" data-target="${targetPrecision}"><line x1="${CHART.left}" x2="${right}" y1="${round(yOf(targetPrecision))}" y2="${round(yOf(targetPrecision))}"/>` +
      `<text x="${CHART.left + 6}" y="${round(yOf(targetPrecision)) + 14}">target precision ${Math.round(targetPrecision * 1000) / 10}%</text></g>`,
    marker(DEFAULT_REVIEW_THRESHOLD, 'rule', `the ${DEFAULT_REVIEW_THRESHOLD.toFixed(2)} rule`, 0),
    recommended,
    `<path class="series coverage" data-series="coverage" d="${pathOf(thresholds, (row) => row.coverage)}"/>`,
    `<path class="series precision" data-series="precision" d="${pathOf(thresholds, (row) => row.precision)}"/>`,
    `<g class="legend"><line class="coverage" x1="${CHART.left}" x2="${CHART.left + 24}" y1="${legendY - 4}" y2="${legendY - 4}"/>` +
      `<text x="${CHART.left + 30}" y="${legendY}">coverage: share acted on automatically</text>` +
      `<line class="precision" x1="${CHART.left + 300}" x2="${CHART.left + 324}" y1="${legendY - 4}" y2="${legendY - 4}"/>` +
      `<text x="${CHART.left + 330}" y="${legendY}">precision: share of those that are right</text></g>`,
    `</svg>`,
  ].join('\n');
}
