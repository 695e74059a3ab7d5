// What a category's name says, beyond its words: a negated name ("not_spam", "non-toxic",
// "not_a_lead") means the complement of its base, so its words must not count for it.
import { isStopword, nameWords } from './text';

const NEGATING_PREFIXES = new Set(['not', 'non', 'no']);

export interface NameMeaning {
  /** The words that say what the category (or, when negated, its base) is about. */
  words: string[];
  /** Whether the name is the complement of `words` ("not_spam" → spam, negated). */
  negated: boolean;
}

export function nameMeaning(name: string): NameMeaning {
  const all = nameWords(name);
  const negated = all.length > 1 && NEGATING_PREFIXES.has(all[0]!);
  const rest = negated ? all.slice(1) : all;
  return { words: rest.filter((w) => !isStopword(w)), negated };
}
