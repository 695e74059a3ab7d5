// Client-side validation with the spec's limits (LIMITS is generated from the OpenAPI document), so
// that every adapter refuses bad input before a request is sent, with the same plain-words messages.
import { LIMITS } from './generated/limits';
import { ValidationError } from './errors';
import { isBlankText, isWellFormedText, textLength } from './text';
import type { FieldError } from './types';

export const MESSAGES = {
  inputEmpty: 'The text to classify is empty.',
  inputTooLong: (length: number) =>
    `The text to classify is ${length.toLocaleString('en-US')} characters long; the limit is ${LIMITS.inputMaxLength.toLocaleString('en-US')}.`,
  inputMissing: 'The text to classify is missing: no value was given for it.',
  inputNotText: 'The text to classify must be text.',
  inputMalformed:
    'The text to classify contains a broken character (half of an emoji or a symbol, often from cutting a text short). Copy the text again from its source.',
  categoriesAndSchema: 'Give either a list of categories or a saved schema, not both.',
  categoriesOrSchema: 'Give a list of categories or pick a saved schema.',
  schemaMissing: 'No saved schema was picked: pick one from the list, or give its ID.',
  tooFewCategories: (count: number) =>
    `Give at least ${LIMITS.categoriesMin} categories to choose from (got ${count}).`,
  tooManyCategories: (count: number) =>
    `Give at most ${LIMITS.categoriesMax} categories (got ${count}).`,
  categoryEmpty: (position: number) => `Category ${position} is empty.`,
  categoryMalformed: (position: number) =>
    `Category ${position} contains a broken character (half of an emoji or a symbol). Type it again.`,
  categoryTooLong: (name: string) =>
    `The category "${name.slice(0, 40)}…" is longer than ${LIMITS.categoryMaxLength} characters.`,
  categoryDuplicate: (name: string) => `The category "${name}" is listed twice.`,
  schemaIdInvalid: (id: string) =>
    `"${id.slice(0, 80)}" is not a schema ID (schema IDs look like sch_abc123).`,
  batchEmpty: 'The batch has no items to classify.',
  batchTooLarge: (count: number) =>
    `A batch holds at most ${LIMITS.batchMaxItems} items (got ${count}). Split the list, or use classifyMany, which splits it for you.`,
  itemIdTooLong: `An item's reference is longer than ${LIMITS.itemIdMaxLength} characters.`,
  itemIdNotText: "An item's reference must be text.",
  itemTooLarge: (bytes: number) =>
    `The text to classify is too large to send: its request would be ${bytes.toLocaleString('en-US')} bytes; the limit is ${LIMITS.requestBodyMaxBytes.toLocaleString('en-US')}.`,
  schemaNameEmpty: 'The schema needs a name.',
  schemaNameToFind: 'Give the name of the schema to find.',
  schemaNameTooLong: `The schema name is longer than ${LIMITS.schemaNameMaxLength} characters.`,
  descriptionTooLong: (name: string) =>
    `The description of "${name}" is longer than ${LIMITS.categoryDescriptionMaxLength} characters.`,
} as const;

export const VALIDATION_HINT = 'Correct the field named in the message and run the step again.';

/** What a schema ID looks like, as a pattern's source: for a platform's own field check (n8n's "By ID"). */
export const SCHEMA_ID_PATTERN = '^sch_[A-Za-z0-9]{1,64}$';
const SCHEMA_ID = new RegExp(SCHEMA_ID_PATTERN);

/** The one shape of a client-side validation error: every problem's message, its fields, the hint. */
export function validationError(errors: FieldError[], code = 'validation_failed'): ValidationError {
  return new ValidationError(errors.map((e) => e.message).join(' '), {
    code,
    fieldErrors: errors,
    hint: VALIDATION_HINT,
  });
}

function fail(errors: FieldError[]): never {
  throw validationError(errors);
}

/** The problem with one text to classify, or undefined if it is fine. */
export function checkInput(input: unknown, field = 'input'): FieldError | undefined {
  if (input === undefined || input === null)
    return { field, code: 'input_missing', message: MESSAGES.inputMissing };
  if (typeof input !== 'string')
    return { field, code: 'input_not_text', message: MESSAGES.inputNotText };
  if (isBlankText(input)) return { field, code: 'input_empty', message: MESSAGES.inputEmpty };
  if (!isWellFormedText(input))
    return { field, code: 'input_malformed', message: MESSAGES.inputMalformed };
  // Code points are never more than UTF-16 units: a text that short is not counted.
  const length = input.length > LIMITS.inputMaxLength ? textLength(input) : input.length;
  if (length > LIMITS.inputMaxLength)
    return { field, code: 'input_too_long', message: MESSAGES.inputTooLong(length) };
  return undefined;
}

/** The problem with a batch item's own reference (`id`), or undefined if it is fine. */
export function checkItemId(id: unknown, field = 'id'): FieldError | undefined {
  if (id === undefined) return undefined;
  if (typeof id !== 'string')
    return { field, code: 'item_id_not_text', message: MESSAGES.itemIdNotText };
  if (id.length > LIMITS.itemIdMaxLength && textLength(id) > LIMITS.itemIdMaxLength)
    return { field, code: 'item_id_too_long', message: MESSAGES.itemIdTooLong };
  return undefined;
}

/** Problems with the choice of categories or schema (exactly one of them). */
export function checkTarget(categories: unknown, schema: unknown): FieldError[] {
  const hasCategories = categories !== undefined && categories !== null;
  const hasSchema = schema !== undefined && schema !== null && schema !== '';
  if (hasCategories && hasSchema)
    return [
      { field: 'categories', code: 'categories_and_schema', message: MESSAGES.categoriesAndSchema },
    ];
  // An empty schema is what a step set to use a saved schema sends when none was picked.
  if (!hasCategories && schema === '')
    return [{ field: 'schema', code: 'schema_missing', message: MESSAGES.schemaMissing }];
  if (!hasCategories && !hasSchema)
    return [
      { field: 'categories', code: 'categories_or_schema', message: MESSAGES.categoriesOrSchema },
    ];
  if (hasSchema) {
    return typeof schema === 'string' && SCHEMA_ID.test(schema)
      ? []
      : [
          {
            field: 'schema',
            code: 'schema_invalid',
            message: MESSAGES.schemaIdInvalid(String(schema)),
          },
        ];
  }
  return checkCategoryNames(categories, 'categories');
}

export function checkCategoryNames(categories: unknown, field: string): FieldError[] {
  if (!Array.isArray(categories))
    return [{ field, code: 'too_few_categories', message: MESSAGES.tooFewCategories(0) }];
  const errors: FieldError[] = [];
  if (categories.length < LIMITS.categoriesMin)
    errors.push({
      field,
      code: 'too_few_categories',
      message: MESSAGES.tooFewCategories(categories.length),
    });
  if (categories.length > LIMITS.categoriesMax)
    errors.push({
      field,
      code: 'too_many_categories',
      message: MESSAGES.tooManyCategories(categories.length),
    });
  const seen = new Set<string>();
  categories.forEach((name: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof name !== 'string' || isBlankText(name)) {
      errors.push({ field: at, code: 'category_empty', message: MESSAGES.categoryEmpty(i + 1) });
    } else if (!isWellFormedText(name)) {
      errors.push({
        field: at,
        code: 'category_malformed',
        message: MESSAGES.categoryMalformed(i + 1),
      });
    } else if (textLength(name) > LIMITS.categoryMaxLength) {
      errors.push({
        field: at,
        code: 'category_too_long',
        message: MESSAGES.categoryTooLong(name),
      });
    } else if (seen.has(name)) {
      errors.push({
        field: at,
        code: 'category_duplicate',
        message: MESSAGES.categoryDuplicate(name),
      });
    } else {
      seen.add(name);
    }
  });
  return errors;
}

export function validateClassify(body: {
  input: unknown;
  categories?: unknown;
  schema?: unknown;
}): void {
  const errors = [checkInput(body.input), ...checkTarget(body.categories, body.schema)].filter(
    (e): e is FieldError => e !== undefined,
  );
  if (errors.length) fail(errors);
}

/** Batch-level rules only; each item's input is checked on its own so one bad item fails alone. */
export function validateBatchShape(body: {
  items: unknown;
  categories?: unknown;
  schema?: unknown;
}): void {
  const errors: FieldError[] = [];
  if (!Array.isArray(body.items) || body.items.length === 0)
    errors.push({ field: 'items', code: 'batch_empty', message: MESSAGES.batchEmpty });
  else if (body.items.length > LIMITS.batchMaxItems)
    errors.push({
      field: 'items',
      code: 'batch_too_large',
      message: MESSAGES.batchTooLarge(body.items.length),
    });
  errors.push(...checkTarget(body.categories, body.schema));
  if (errors.length) fail(errors);
}

export function validateCreateSchema(body: { name: unknown; categories: unknown }): void {
  const errors: FieldError[] = [];
  if (typeof body.name !== 'string' || isBlankText(body.name))
    errors.push({ field: 'name', code: 'name_empty', message: MESSAGES.schemaNameEmpty });
  else if (textLength(body.name) > LIMITS.schemaNameMaxLength)
    errors.push({ field: 'name', code: 'name_too_long', message: MESSAGES.schemaNameTooLong });
  const categories = Array.isArray(body.categories) ? body.categories : [];
  const names = categories.map((c: unknown) =>
    c && typeof c === 'object' ? (c as { name?: unknown }).name : c,
  );
  errors.push(...checkCategoryNames(names, 'categories'));
  categories.forEach((c: unknown, i) => {
    const description =
      c && typeof c === 'object' ? (c as { description?: unknown }).description : undefined;
    if (
      typeof description === 'string' &&
      textLength(description) > LIMITS.categoryDescriptionMaxLength
    )
      errors.push({
        field: `categories[${i}].description`,
        code: 'description_too_long',
        message: MESSAGES.descriptionTooLong(String(names[i])),
      });
  });
  if (errors.length) fail(errors);
}

/** A name to look schemas up by: given blank, it would list every schema (`?name=`), so say so. */
export function validateSchemaNameFilter(name: unknown): void {
  if (name !== undefined && (typeof name !== 'string' || isBlankText(name)))
    fail([{ field: 'name', code: 'name_empty', message: MESSAGES.schemaNameToFind }]);
}

export function validateSchemaId(id: unknown): void {
  if (typeof id !== 'string' || !SCHEMA_ID.test(id))
    fail([
      { field: 'schema', code: 'schema_invalid', message: MESSAGES.schemaIdInvalid(String(id)) },
    ]);
}

/**
 * Splits a list typed by a person ("billing, refunds" or one per line) into clean category names.
 * Adapters whose platform hands over a single text field use this, so all of them split alike.
 */
export function parseCategoryList(value: string | readonly string[]): string[] {
  const parts =
    typeof value === 'string' ? value.split(/[\n,]/) : value.flatMap((v) => String(v).split(/\n/));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
