// Classify Batch takes any list up to MAX_BATCH_ITEMS and sends it in chunks, by Make's pagination
// (developers.make.com, Pagination: `body` "overrides the original request body no matter the value
// of mergeWithParent", `headers` merge, `condition` decides whether to send the next request) and a
// `temp` counter (Make: temp "is not persisted and will be lost after the module is done executing").
// Decision 0415.
import { LIMITS } from '@classifaily/core';

/** The most items one bundle takes: 40 requests of 25, within Make's time for one module. */
export const MAX_BATCH_ITEMS = 1_000;

/** Worst case JSON bytes of one UTF-16 unit of text: a control character written `\u001f`. */
const WORST_BYTES = 6;
/** Bytes of a full chunk that are not item texts: references, categories, keys, punctuation. */
const OVERHEAD =
  LIMITS.batchMaxItems * (LIMITS.itemIdMaxLength * WORST_BYTES + 32) +
  LIMITS.categoriesMax * (LIMITS.categoryMaxLength * WORST_BYTES + 4) +
  1_024;
/** The item text (in characters) a chunk may hold so that its body stays under the API's limit. */
const CHUNK_TEXT_BUDGET = Math.floor((LIMITS.requestBodyMaxBytes - OVERHEAD) / WORST_BYTES);
/** Chunk sizes tried in turn: 25 while the texts fit, fewer for long texts; 1 always fits. */
const SIZES = [LIMITS.batchMaxItems, 12, 6, 3, 1];

/**
 * IML has no loops: a chunk is `slice(items, offset, offset + size)`, its size the first of SIZES
 * whose texts fit the budget, so that no chunk can pass the API's body limit (a 413).
 */
export function chunkAt(items: string, offset: string): string {
  const texts = (n: number) =>
    `length(join(map(slice(${items}, ${offset}, ${offset} + ${n}), 'input'), ''))`;
  const size = SIZES.slice(0, -1).reduceRight(
    (smaller, n) => `if(${texts(n)} <= ${CHUNK_TEXT_BUDGET}, ${n}, ${smaller})`,
    String(SIZES.at(-1)),
  );
  return `slice(${items}, ${offset}, ${offset} + ${size})`;
}

/** temp: where this chunk started and the next starts (one result per item sent). */
export const CHUNK_TEMP = {
  offset: '{{ifempty(temp.next, 0)}}',
  next: '{{ifempty(temp.next, 0) + length(body.results)}}',
};
