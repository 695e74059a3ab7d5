// A step's inputs as a platform hands them over: values as the user typed or mapped them (numbers
// and booleans may arrive as text, a line-item group as an array of records). Each is read
// leniently here, by the catalog's keys, and checked by core's validation; a platform that types
// its fields itself (n8n) or runs no JavaScript (Make) needs none of this.
import * as F from './catalog/fields';
import type { ManyItem } from './queue';
import type { CreateSchemaRequest } from './types';
import { checkInput, MESSAGES, parseCategoryList, validationError } from './validation';

export type StepInput = Record<string, unknown>;

/** A text field's value; a number or anything else mapped into it becomes its text. */
export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/** A switch typed or mapped as text: true, yes, 1 or on (any case) is on. */
export function booleanOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return ['true', 'yes', '1', 'on'].includes(textOf(value).trim().toLowerCase());
}

/** The review threshold within the catalog's min and max, or its default when left empty. */
export function thresholdOf(input: StepInput): number {
  const spec = F.reviewThreshold;
  const value = input[spec.key];
  if (textOf(value).trim() === '') return Number(spec.default);
  const number = Number(value);
  if (!Number.isFinite(number) || number < spec.min || number > spec.max) {
    const message = `${spec.label} must be a number from ${spec.min} to ${spec.max} (got "${String(value).slice(0, 40)}").`;
    throw validationError([{ field: spec.key, code: 'out_of_range', message }]);
  }
  return number;
}

/** Categories typed as a list, or a saved schema: whichever Categories From says. */
export function targetOf(input: StepInput): { categories?: string[]; schema?: string } {
  if (input[F.categorySource.key] === 'schema') {
    const schema = input[F.schema.key];
    return { schema: typeof schema === 'string' ? schema.trim() : '' };
  }
  const raw = input[F.categories.key];
  if (raw === undefined || raw === null || raw === '') return {};
  return { categories: parseCategoryList(Array.isArray(raw) ? raw.map(String) : String(raw)) };
}

/** What a classification step sends besides its texts: the target, and Explain when it is on. */
export const classifyOptionsOf = (input: StepInput) => ({
  ...targetOf(input),
  ...(booleanOf(input[F.explain.key]) ? { explain: true as const } : {}),
});

/** The whole batch refused before anything is sent, naming Items. */
const refused = (code: string, message: string) =>
  validationError([{ field: F.items.key, code, message }], code);

/**
 * The lines of Items (text and reference each) as the queue's items. Refused whole, naming what to
 * map instead: a list of plain texts mapped onto Items itself, no line, or every text empty (a
 * mapping that gave nothing, such as a field name mistyped, not N bad texts).
 */
export function batchItemsOf(value: unknown): ManyItem[] {
  const lines = Array.isArray(value) ? (value as unknown[]) : [];
  const { label: itemsLabel } = F.items;
  const { label: textLabel } = F.itemInput;
  const plain = lines.findIndex((line) => !line || typeof line !== 'object');
  if (plain !== -1)
    throw refused(
      'item_not_a_line',
      `Line ${plain + 1} of ${itemsLabel} is a plain value, not a line with a ${textLabel}. Map your texts into the ${textLabel} field of ${itemsLabel}, one text per line.`,
    );
  const items = (lines as StepInput[]).map((line): ManyItem => {
    const reference = textOf(line[F.itemReference.key]);
    return { input: textOf(line[F.itemInput.key]), ...(reference === '' ? {} : { id: reference }) };
  });
  if (items.length === 0) throw refused('batch_empty', MESSAGES.batchEmpty);
  const blank = (item: ManyItem) =>
    ['input_empty', 'input_missing'].includes(checkInput(item.input)?.code ?? '');
  if (items.every(blank)) {
    const one = items.length === 1;
    throw refused(
      'batch_no_text',
      `${one ? 'The line' : `All ${items.length} lines`} of ${itemsLabel} ${one ? 'has' : 'have'} an empty ${textLabel}. Check what is mapped into ${textLabel}: the previous step may name that field differently.`,
    );
  }
  return items;
}

/**
 * A schema to create from a name and category lines (name and optional description each), every
 * value trimmed; an empty description is left out. `nameKey`: the key of a line's category name
 * where the platform renamed it.
 */
export function schemaRequestOf(
  input: StepInput,
  nameKey: string = F.schemaCategoryName.key,
): CreateSchemaRequest {
  const raw = input[F.schemaCategories.key];
  const lines = (Array.isArray(raw) ? raw : []) as (StepInput | null | undefined)[];
  const text = (value: unknown) => textOf(value).trim();
  return {
    name: text(input[F.schemaName.key]),
    categories: lines.map((line) => {
      const name = text(line?.[nameKey]);
      const description = text(line?.[F.schemaCategoryDescription.key]);
      return description === '' ? { name } : { name, description };
    }),
  };
}
