// The largest answer the contract allows, derived from its limits, so that the client stops reading
// anything bigger (a 300 MB page from a misconfigured proxy, a gzip bomb) instead of growing the
// host until it dies. The largest is a page of schemaListMaxLimit schemas, each with categoriesMax
// categories of the longest name and description; every code point is counted at its longest JSON
// spelling (6 bytes: a control character written \u001f), with room for the JSON around each value.
import { LIMITS as L } from './generated/limits';

const BYTES_PER_CODE_POINT = 6;
const BYTES_AROUND_VALUE = 64;

function worstBytes(codePoints: number, values: number): number {
  return codePoints * BYTES_PER_CODE_POINT + values * BYTES_AROUND_VALUE;
}

const largestSchemaListPage = worstBytes(
  L.schemaListMaxLimit *
    (L.schemaNameMaxLength +
      L.categoriesMax * (L.categoryMaxLength + L.categoryDescriptionMaxLength)),
  L.schemaListMaxLimit * (4 + 2 * L.categoriesMax),
);

const largestBatchAnswer = worstBytes(
  L.batchMaxItems *
    (L.itemIdMaxLength +
      L.categoryMaxLength +
      L.explanationMaxLength +
      L.categoriesMax * L.categoryMaxLength),
  L.batchMaxItems * (6 + L.categoriesMax),
);

/** Bytes of decoded body past which the client stops reading an answer (about 19 MB). */
export const MAX_ANSWER_BYTES = Math.max(largestSchemaListPage, largestBatchAnswer) + 64 * 1024;
