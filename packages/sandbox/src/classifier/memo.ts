// The classifier remembers what it works out per word (a stem, a vector, a valence, broader terms)
// because texts share most of their words. A sandbox runs for days on whatever text arrives, so each
// memo is bounded: when full it forgets everything at once, which costs no bookkeeping per entry
// and only a moment of recomputing the common words.

/** A Map that is emptied when it reaches `limit` entries. */
export class Memo<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  /** Stores `value` under `key` (first emptying a full memo) and returns it. */
  remember(key: K, value: V): V {
    if (this.size >= this.limit) this.clear();
    this.set(key, value);
    return value;
  }
}
