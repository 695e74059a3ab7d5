// Make's error directive, in core's words. Make runs no JavaScript, so core's formatError cannot run
// there: the generator asks core's errorFromResponse for the message and hint of every status (and
// of the codes core words apart) and writes them into IML in formatError's layout: the message (the
// API's detail where core shows it), the field errors, `Field:`/`Fields:` with the catalog's labels,
// the hint, `(request …)`. test/errors.test.ts proves the texts equal core's, status by status.
import { errorFromResponse, FIELD_LABELS } from '@classifaily/core';
import { iml, imlString } from './iml';

/** Core's error classes onto Make's error types (Make retries ConnectionError and RateLimitError). */
const MAKE_TYPE: Record<string, string> = {
  AuthenticationError: 'InvalidAccessTokenError',
  PermissionDeniedError: 'InvalidConfigurationError',
  NotFoundError: 'DataError',
  ValidationError: 'DataError',
  ConflictError: 'ConnectionError',
  RateLimitError: 'RateLimitError',
  ServerError: 'ConnectionError',
};

/** Problem codes that core words apart from the rest of their status (the test tries every code). */
const WORDED_CODES = ['revoked_api_key'];

/** Field errors written out: IML has no loop, so a longer list ends in "…" (decision 0408). */
export const FIELD_ERRORS_SHOWN = 3;

/** The app's common data: the label of every field an error can name (core's FIELD_LABELS). */
export const COMMON = { fieldLabels: FIELD_LABELS };

const PROBE = '\u0001';

/** Core's message and hint for a status (and code), as IML: the API's detail where core shows it. */
function said(status: number, code?: string) {
  const { name, message, hint } = errorFromResponse(status, { code }, undefined);
  const detail = errorFromResponse(status, { code, detail: PROBE }, undefined).message === PROBE;
  const expression = detail ? `ifempty(body.detail, ${imlString(message)})` : undefined;
  return { type: MAKE_TYPE[name]!, expression, message, hint };
}

const requestId = `ifempty(body.request_id, get(headers, 'x-request-id'))`;
const REQUEST = iml(`if(${requestId}, ' (request ' + ${requestId} + ')', '')`);

/** response.temp: the first field errors, and their labels, for the message to read. */
export function fieldErrorsTemp() {
  const detail = said(400).expression!;
  const slots = Array.from({ length: FIELD_ERRORS_SHOWN }, (_, i) => i + 1);
  const field = (k: number) => `body.errors[${k}].field`;
  const has = (k: number, then: string) => `if(length(body.errors) >= ${k}, ${then}, '')`;
  // formatError's labels: "items[3].input" → "Items line 4: Text", "categories[0]" → "Categories".
  const part = (k: number, n: number) =>
    `replace(${field(k)}, /^(\\/?(\\w+)(\\[(\\d+)\\][./](\\w+))?)?.*/, '$${n}')`;
  const label = (key: string) => `ifempty(get(common.fieldLabels, ${key}), ${key})`;
  const labelOf = (k: number) =>
    `ifempty(get(common.fieldLabels, ${part(k, 2)}), ifempty(${part(k, 2)}, ${field(k)})) + if(${part(k, 5)} != '', ' line ' + (parseNumber(${part(k, 4)}) + 1) + ': ' + ${label(part(k, 5))}, '')`;
  // Core's withFieldErrors: only the field errors the message does not already word, "; " apart.
  const message = (k: number) => `body.errors[${k}].message`;
  const pair = (k: number) =>
    `if(contains(${detail}, ${message(k)}), '', ${field(k)} + ': ' + ${message(k)} + '; ')`;
  const pairs = slots.map((k) => has(k, pair(k)));
  const labels = slots.map((k) => has(k, labelOf(k))).join(" + '|' + ");
  return {
    fieldList: iml(
      `replace(${[...pairs, has(FIELD_ERRORS_SHOWN + 1, `if(contains(${detail}, ${message(FIELD_ERRORS_SHOWN + 1)}), '', '…')`)].join(' + ')}, /; $/, '')`,
    ),
    fieldLabels: iml(`deduplicate(remove(split(${labels}, '|'), ''))`),
  };
}

/** How core words a status (and code) in Make's terms: an IML expression. */
function words({ expression, message, hint }: ReturnType<typeof said>): string {
  return expression ? `${expression} + ${imlString(` ${hint}`)}` : imlString(`${message} ${hint}`);
}

/** A status, with the codes core words apart. */
function specFor(status: number) {
  const base = said(status);
  const expression = WORDED_CODES.reduce((otherwise, code) => {
    const worded = words(said(status, code));
    return worded === words(base)
      ? otherwise
      : `if(body.code == ${imlString(code)}, ${worded}, ${otherwise})`;
  }, words(base));
  const message = expression.startsWith("'") ? `${base.message} ${base.hint}` : iml(expression);
  return { type: base.type, message: `${message}${REQUEST}` };
}

/**
 * The directive. By default, what core says of any 5xx (checked to be one text) or else of a 4xx it
 * calls a validation error: the API's detail, its field errors when response.temp has worked them
 * out (`withFieldErrors`), and the hint. Then every 4xx that core words otherwise.
 */
export function errorDirective({ withFieldErrors = true } = {}) {
  const server = said(500);
  for (let status = 501; status < 600; status++)
    if (words(said(status)) !== words(server)) throw new Error(`core words ${status} apart`);
  const invalid = said(400);
  const list = `if(temp.fieldList, ' (' + temp.fieldList + ')', '')`;
  const fields = `if(length(temp.fieldLabels) > 0, if(length(temp.fieldLabels) > 1, ' Fields: ', ' Field: ') + join(temp.fieldLabels, ', ') + '.', '')`;
  const validation = `${invalid.expression}${withFieldErrors ? ` + ${list} + ${fields}` : ''} + ${imlString(` ${invalid.hint}`)}`;
  const directive: Record<string, string | { type: string; message: string }> = {
    type: iml(`if(statusCode >= 500, ${imlString(server.type)}, ${imlString(invalid.type)})`),
    message: `${iml(`if(statusCode >= 500, ${words(server)}, ${validation})`)}${REQUEST}`,
  };
  const validationSpec = JSON.stringify(specFor(400));
  for (let status = 401; status < 500; status++) {
    const spec = specFor(status);
    if (JSON.stringify(spec) !== validationSpec) directive[String(status)] = spec;
  }
  return directive;
}
