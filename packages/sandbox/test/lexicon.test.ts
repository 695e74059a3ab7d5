// The lexicon's own consistency: a term listed twice in a concept is dead weight (a category keeps
// the larger weight of a term, so the copy never counts), and a concept named in `includes` or
// `beside` must exist, or the index would look up nothing.
import { CONCEPTS } from '../src/classifier/lexicon';

describe('the lexicon', () => {
  it('lists each term once per concept', () => {
    const repeated = CONCEPTS.flatMap((c) => {
      const terms = [...c.strong, ...(c.weak ?? [])];
      return terms.filter((t, i) => terms.indexOf(t) !== i).map((t) => `${c.id}: ${t}`);
    });
    expect(repeated).toEqual([]);
  });

  it('names only concepts that exist in includes and beside', () => {
    const ids = new Set(CONCEPTS.map((c) => c.id));
    const missing = CONCEPTS.flatMap((c) =>
      [...(c.includes ?? []), ...(c.beside ?? [])].filter((id) => !ids.has(id)),
    );
    expect(missing).toEqual([]);
  });
});
