// Core's rule of what counts as text (decision 0005), applied to every text field a request carries:
// only whitespace, control or format characters → `<kind>_empty`; a lone UTF-16 surrogate →
// `<kind>_malformed`. A batch item's input is not here: it fails alone, in its own result.
import { isBlankText, isWellFormedText, type FieldError } from '@classifaily/core';

type Kind = 'input' | 'category' | 'name' | 'description';

/** Blank text counts as empty for these kinds; a description may be blank. */
const MUST_HAVE_TEXT = new Set<Kind>(['input', 'category', 'name']);

function textProblem(value: unknown, field: string, kind: Kind): FieldError | undefined {
  if (typeof value !== 'string') return undefined; // the spec's type check says what is wrong
  if (MUST_HAVE_TEXT.has(kind) && isBlankText(value))
    return {
      field,
      code: `${kind}_empty`,
      message: 'has nothing to read: only spaces or invisible characters',
    };
  if (!isWellFormedText(value))
    return {
      field,
      code: `${kind}_malformed`,
      message:
        'contains a broken character (half of an emoji or a symbol, often from cutting a text short)',
    };
  return undefined;
}

/** `<kind>_empty` is a value breaking a rule (422); `<kind>_malformed` is not text at all (400). */
export function isMalformedText(error: FieldError): boolean {
  return error.code.endsWith('_malformed');
}

const entries = (value: unknown): Array<[number, unknown]> =>
  Array.isArray(value) ? [...(value as unknown[]).entries()] : [];
const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;

/** The text problems of a request body, by operation. */
export function textProblems(operationId: string, body: unknown): FieldError[] {
  const found: Array<FieldError | undefined> = [];
  const categoryNames = () =>
    entries(field(body, 'categories')).forEach(([i, name]) =>
      found.push(textProblem(name, `categories[${i}]`, 'category')),
    );
  switch (operationId) {
    case 'classify':
      found.push(textProblem(field(body, 'input'), 'input', 'input'));
      categoryNames();
      break;
    case 'classifyBatch':
      categoryNames();
      break;
    case 'createSchema':
      found.push(textProblem(field(body, 'name'), 'name', 'name'));
      entries(field(body, 'categories')).forEach(([i, category]) => {
        found.push(textProblem(field(category, 'name'), `categories[${i}].name`, 'category'));
        found.push(
          textProblem(
            field(category, 'description'),
            `categories[${i}].description`,
            'description',
          ),
        );
      });
      break;
  }
  return found.filter((e): e is FieldError => e !== undefined);
}
