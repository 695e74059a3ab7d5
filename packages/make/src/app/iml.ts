// Helpers that write IML source text. Kept apart so that the generator never concatenates
// user-facing text into an expression by hand.

/** A string literal inside `{{ }}`. IML has no escapes, so the quote must not occur in the text. */
export function imlString(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  throw new Error(`Cannot write an IML string literal holding both quote kinds: ${text}`);
}

/** `{{expr}}`. */
export function iml(expression: string): string {
  return `{{${expression}}}`;
}
