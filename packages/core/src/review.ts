/**
 * The review rule, in one place: a classification whose confidence is below the threshold should go
 * to a person. 0.80 is the vendor's guidance: above it a workflow can act on its own.
 */
export const DEFAULT_REVIEW_THRESHOLD = 0.8;

export function needsReview(
  confidence: number,
  threshold: number = DEFAULT_REVIEW_THRESHOLD,
): boolean {
  return !(confidence >= threshold);
}
