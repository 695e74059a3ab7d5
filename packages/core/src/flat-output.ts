// Outputs for a platform whose fields are flat, named by safe keys (Zapier's Filters and Paths test
// `scores__billing`, not `scores.billing`): every category's score becomes its own field. Category
// names are the user's own ("Billing & Payments"); each gets a key made of [a-z0-9_] (the name
// itself when it already is one). The hash that keeps keys apart is the platform's (sync) sha256.
import { classificationOutputFields } from './catalog/outputs';

/** The hex sha256 of a text. */
export type Sha256Hex = (text: string) => string;

const SCORE_PREFIX = 'scores__';
const SCORES_LABEL = classificationOutputFields.find((field) => field.key === 'scores')!.label;

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, once NFKD has split them off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const hasScores = (
  output: Record<string, unknown>,
): output is Record<string, unknown> & { scores: Record<string, number> } =>
  typeof output.scores === 'object' &&
  output.scores !== null &&
  Object.values(output.scores).every((value) => typeof value === 'number');

/** The flat score fields, keyed with the platform's sha256. */
export function flatScores(sha256: Sha256Hex) {
  /**
   * The score field key of each category of one list, `scores__<safe name>`. A name that is already
   * a safe key keeps it; another whose safe form is empty or shared with another category of the
   * list gets a short hash of the exact name, so keys stay unique and do not depend on list order.
   */
  function keys(categories: readonly string[]): Map<string, string> {
    const counts = new Map<string, number>();
    for (const name of categories) counts.set(slug(name), (counts.get(slug(name)) ?? 0) + 1);
    const keyed = new Map<string, string>();
    for (const name of categories) {
      const safe = slug(name);
      const unique = safe === name || (safe !== '' && counts.get(safe) === 1);
      const hash = sha256(name).slice(0, 6);
      keyed.set(name, `${SCORE_PREFIX}${unique ? safe : `${safe || 'category'}_${hash}`}`);
    }
    return keyed;
  }

  /**
   * `{scores: {billing: 0.9}}` → `{scores__billing: 0.9}`. An output without scores (the API need
   * not send them) gets no score fields, never zeros; one whose scores are not numbers stays as it is.
   */
  function flatten<T extends Record<string, unknown>>(output: T): Omit<T, 'scores'> {
    if (!hasScores(output)) return output;
    const { scores, ...rest } = output;
    const named = keys(Object.keys(scores));
    const flat: Record<string, number> = {};
    for (const [category, score] of Object.entries(scores)) flat[named.get(category)!] = score;
    return { ...rest, ...flat };
  }

  /** One number field per category, labelled "Scores: <category>"; `prefix` before each key. */
  const fields = (categories: readonly string[], prefix = '') =>
    [...keys(categories)].map(([category, key]) => ({
      key: `${prefix}${key}`,
      label: `${SCORES_LABEL}: ${category}`,
      type: 'number' as const,
    }));

  return { keys, flatten, fields };
}
