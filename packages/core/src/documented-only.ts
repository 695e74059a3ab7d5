// The documented-only suite (issue 26, decision 0036): the features every adapter runs in its own
// host against `classifaily-sandbox --documented-only`, an API with only what the vendor's page
// documents. A feature that needs an assumption that API lacks is reported unavailable (and its
// absence checked: no field, never a made-up value), not failed; a case a host cannot run may be
// skipped only under an assumption of the generated table. The report prints the counts.
import { ASSUMPTIONS, type AssumptionKey } from './generated/assumptions';

/** What `--documented-only` does not answer: features that need these are unavailable there. */
export const ABSENT_WHEN_DOCUMENTED_ONLY: readonly AssumptionKey[] = [
  'me-endpoint',
  'result-id',
  'scores',
];

export interface DocumentedOnlyCase {
  name: string;
  /** The assumption the feature needs; absent: it rests on what the vendor documents. */
  needs?: AssumptionKey;
}

/** Every adapter's documented-only suite runs each of these in its host. */
export const DOCUMENTED_ONLY_CASES = {
  connection: {
    name: 'the connection test accepts a good key, without /v1/me and billing nothing',
  },
  wrongKey: { name: 'the connection test refuses a wrong key' },
  accountLabel: { name: 'the connection is labelled with the account', needs: 'me-endpoint' },
  classify: { name: 'Classify: label, confidence, review flag; the id from the top level' },
  scores: { name: "Classify: every category's score", needs: 'scores' },
  batch: { name: 'Classify Batch: one result per item, in order', needs: 'batch-endpoint' },
  batchIds: { name: 'Classify Batch: each result with its classification id', needs: 'result-id' },
} as const satisfies Record<string, DocumentedOnlyCase>;

export type DocumentedOnlyCaseKey = keyof typeof DOCUMENTED_ONLY_CASES;

/** Counts what a documented-only suite did, and refuses a skip the assumptions table does not name. */
export class DocumentedOnlyReport {
  readonly passed: DocumentedOnlyCaseKey[] = [];
  readonly unavailable: DocumentedOnlyCaseKey[] = [];
  readonly skipped: { key: DocumentedOnlyCaseKey; assumption: AssumptionKey }[] = [];

  constructor(readonly host: string) {}

  /**
   * Records a case that ran. One whose assumption the documented-only API lacks is unavailable:
   * the suite has checked that the feature is absent, not invented.
   */
  ran(key: DocumentedOnlyCaseKey): void {
    const needs = (DOCUMENTED_ONLY_CASES[key] as DocumentedOnlyCase).needs;
    if (needs && ABSENT_WHEN_DOCUMENTED_ONLY.includes(needs)) this.unavailable.push(key);
    else this.passed.push(key);
  }

  /** A case this host cannot run: only under an assumption the generated table names. */
  skip(key: DocumentedOnlyCaseKey, assumption: string): void {
    if (!Object.hasOwn(ASSUMPTIONS, assumption))
      throw new Error(
        `"${key}" may be skipped only under an assumption of docs/api/assumptions.md, not "${assumption}".`,
      );
    this.skipped.push({ key, assumption: assumption as AssumptionKey });
  }

  /** Every case accounted for, once. */
  missing(): DocumentedOnlyCaseKey[] {
    const seen = new Set([...this.passed, ...this.unavailable, ...this.skipped.map((s) => s.key)]);
    return (Object.keys(DOCUMENTED_ONLY_CASES) as DocumentedOnlyCaseKey[]).filter(
      (k) => !seen.has(k),
    );
  }

  summary(): string {
    const needs = (k: DocumentedOnlyCaseKey) =>
      (DOCUMENTED_ONLY_CASES[k] as DocumentedOnlyCase).needs;
    const unavailable = this.unavailable.map((k) => `${k}: needs ${needs(k)}`).join(', ');
    const skipped = this.skipped.map((s) => `${s.key}: ${s.assumption}`).join(', ');
    return (
      `documented-only (${this.host}): ${this.passed.length} passed, ` +
      `${this.unavailable.length} unavailable${unavailable ? ` (${unavailable})` : ''}, ` +
      `${this.skipped.length} skipped${skipped ? ` (${skipped})` : ''}`
    );
  }
}
