// One way to write an error for a person, used by every adapter (decision 0014): the message, the
// fields it concerns by their labels, what to do, anything the platform adds, and the request id
// to quote to support: "The text to classify is empty. Field: Text to Classify. Correct the field … (request req_1)".
import * as fields from './catalog/fields';
import { redact, type ClassifailyError } from './errors';
import type { FieldError } from './types';

/** What formatError reads: a ClassifailyError, or any object shaped like one. */
export type FormattableError = Pick<ClassifailyError, 'message'> &
  Partial<Pick<ClassifailyError, 'hint' | 'requestId'>> & {
    fieldErrors?: readonly FieldError[];
  };

export interface FormatOptions {
  /** The label of each field an error can name, by its key. Default: the catalog's labels. */
  labels?: Readonly<Record<string, string>>;
  /** Start with the message. Default true; false where the platform shows the message apart (n8n). */
  message?: boolean;
  /** What the platform adds after core's hint ("In n8n: open the credential…"). */
  advice?: string;
}

/** The catalog's label of every field key (the first one wins: `name` is the schema's). */
export const FIELD_LABELS: Readonly<Record<string, string>> = (() => {
  const labels: Record<string, string> = {};
  for (const spec of Object.values(fields)) {
    if (typeof spec === 'object' && !(spec.key in labels)) labels[spec.key] = spec.label;
  }
  labels.input = fields.input.label;
  return labels;
})();

/** How a field path names its field: `root[index].child` ("items[3].input"); Make's IML reads it too. */
export const FIELD_PATH = /^\/?(\w+)(?:\[(\d+)\])?(?:[./](\w+))?/;

/** The part a person quotes to support: "(request req_1)"; Make's IML writes the same words. */
export const requestNote = (requestId: string) => `(request ${requestId})`;

export function formatError(error: FormattableError, options: FormatOptions = {}): string {
  const labels = options.labels ?? FIELD_LABELS;
  const named = fieldLabels(error.fieldErrors, labels);
  const parts = [
    options.message === false ? '' : error.message,
    named.length ? `${named.length > 1 ? 'Fields' : 'Field'}: ${named.join(', ')}.` : '',
    error.hint ?? '',
    options.advice ?? '',
    error.requestId ? requestNote(error.requestId) : '',
  ];
  return redact(
    parts
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(' '),
  );
}

/** "items[3].input" → "Items line 4: Text to Classify"; "categories[0]" → "Categories"; unknown keys as they are. */
function fieldLabels(
  errors: readonly FieldError[] | undefined,
  labels: Readonly<Record<string, string>>,
): string[] {
  const named = (errors ?? []).map(({ field }) => {
    const match = FIELD_PATH.exec(field ?? '');
    if (!match) return field;
    const [, root = '', index, child] = match;
    const label = (key: string) => (Object.hasOwn(labels, key) ? labels[key]! : key);
    if (child && index !== undefined)
      return `${label(root)} line ${Number(index) + 1}: ${label(child)}`;
    return label(root);
  });
  return [...new Set(named.filter((label): label is string => Boolean(label)))];
}
