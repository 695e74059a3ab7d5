// Make's error directive from core's failure policy (decision 0016). Make runs no JavaScript, so
// the generator asks core, status by status: errorFromResponse for the error, outcomeOf for its
// outcome (Make's error type, one table below), and formatError's parts for the words (the API's
// detail where core shows it, the field errors, `Field:`/`Fields:` with the catalog's labels, the
// hint, core's request note). test/errors.test.ts proves the texts equal core's, status by status.
import {
  errorFromResponse,
  FIELD_LABELS,
  FIELD_PATH,
  outcomeOf,
  requestNote,
  type OutcomeKind,
} from '@classifaily/core';
import { iml, imlString } from './iml';

/**
 * Core's outcome as Make's error type. Make re-runs an incomplete execution after the last two
 * (when the scenario stores incomplete executions), with the same bundle.
 */
export const MAKE_ERROR_TYPE: Record<OutcomeKind, string> = {
  reauthenticate: 'InvalidAccessTokenError',
  permission: 'InvalidConfigurationError',
  'fix-input': 'DataError',
  'not-found': 'DataError',
  cancelled: 'DataError',
  throttle: 'RateLimitError',
  temporary: 'ConnectionError',
};

/** Problem codes that core words or judges apart from the rest of their status. */
const CODES_APART = ['revoked_api_key', 'idempotency_key_in_use', 'schema_not_found'];

/** Field errors written out: IML has no loop, so a longer list ends in "…" (decision 0408). */
export const FIELD_ERRORS_SHOWN = 3;

/** The app's common data: the label of every field an error can name (core's FIELD_LABELS). */
export const COMMON = { fieldLabels: FIELD_LABELS };

const PROBE = '\u0001';
const RETRY_AFTER = `get(headers, 'retry-after')`;

/** Make's type for an answer of this status (and code), as IML when Retry-After decides it. */
function typeOf(status: number, code?: string): string {
  const [said, paused] = [undefined, 1_000].map(
    (retryAfterMs) =>
      MAKE_ERROR_TYPE[
        outcomeOf(errorFromResponse(status, { code }, undefined, retryAfterMs))!.kind
      ],
  );
  return said === paused
    ? said!
    : iml(`if(${RETRY_AFTER}, ${imlString(paused!)}, ${imlString(said!)})`);
}

/** Core's message and hint for a status (and code), as IML: the API's detail where core shows it. */
function said(status: number, code?: string) {
  const { message, hint } = errorFromResponse(status, { code }, undefined);
  const detail = errorFromResponse(status, { code, detail: PROBE }, undefined).message === PROBE;
  const expression = detail ? `ifempty(body.detail, ${imlString(message)})` : undefined;
  return { type: typeOf(status, code), expression, message, hint };
}

// Core's request note, with the request id in IML where core puts it.
const requestId = `ifempty(body.request_id, get(headers, 'x-request-id'))`;
const [noteBefore, noteAfter] = requestNote(PROBE).split(PROBE);
const REQUEST = iml(
  `if(${requestId}, ${imlString(` ${noteBefore}`)} + ${requestId} + ${imlString(noteAfter!)}, '')`,
);

/** response.temp: the first field errors, and their labels, for the message to read. */
export function fieldErrorsTemp() {
  const detail = said(400).expression!;
  const slots = Array.from({ length: FIELD_ERRORS_SHOWN }, (_, i) => i + 1);
  const field = (k: number) => `body.errors[${k}].field`;
  const has = (k: number, then: string) => `if(length(body.errors) >= ${k}, ${then}, '')`;
  // formatError's labels by core's own FIELD_PATH: "items[3].input" → "Items line 4: Text".
  const path = `/^(?:${FIELD_PATH.source.slice(1)})?.*/`;
  const part = (k: number, n: number) => `replace(${field(k)}, ${path}, '$${n}')`;
  const label = (key: string) => `ifempty(get(common.fieldLabels, ${key}), ${key})`;
  const labelOf = (k: number) =>
    `ifempty(get(common.fieldLabels, ${part(k, 1)}), ifempty(${part(k, 1)}, ${field(k)})) + if(${part(k, 3)} != '' && ${part(k, 2)} != '', ' line ' + (parseNumber(${part(k, 2)}) + 1) + ': ' + ${label(part(k, 3))}, '')`;
  // Core's withFieldErrors: only the field errors the message does not already word, "; " apart.
  const message = (k: number) => `body.errors[${k}].message`;
  const pair = (k: number) =>
    `if(contains(${detail}, ${message(k)}), '', ${field(k)} + ': ' + ${message(k)} + '; ')`;
  const pairs = slots.map((k) => has(k, pair(k)));
  const labels = slots.map((k) => has(k, labelOf(k))).join(" + '|' + ");
  const more = `if(contains(${detail}, ${message(FIELD_ERRORS_SHOWN + 1)}), '', '…')`;
  return {
    fieldList: iml(
      `replace(${[...pairs, has(FIELD_ERRORS_SHOWN + 1, more)].join(' + ')}, /; $/, '')`,
    ),
    fieldLabels: iml(`deduplicate(remove(split(${labels}, '|'), ''))`),
  };
}

/** How core words a status (and code) in Make's terms: an IML expression. */
function words({ expression, message, hint }: ReturnType<typeof said>): string {
  return expression ? `${expression} + ${imlString(` ${hint}`)}` : imlString(`${message} ${hint}`);
}

/** A status, with the codes core words or judges apart. */
function specFor(status: number) {
  const base = said(status);
  let expression = words(base);
  let type = base.type;
  for (const code of CODES_APART) {
    const apart = said(status, code);
    const test = `body.code == ${imlString(code)}`;
    if (words(apart) !== words(base)) expression = `if(${test}, ${words(apart)}, ${expression})`;
    if (apart.type !== base.type)
      type = iml(`if(${test}, ${imlString(apart.type)}, ${imlString(base.type)})`);
  }
  const message = expression.startsWith("'") ? `${base.message} ${base.hint}` : iml(expression);
  return { type, message: `${message}${REQUEST}` };
}

/**
 * The directive. By default, what core says of any 5xx (checked to be one text) or else of a 4xx it
 * calls a validation error: the API's detail, its field errors when response.temp has worked them
 * out (`withFieldErrors`), and the hint. Then every 4xx that core words or judges otherwise.
 */
export function errorDirective({ withFieldErrors = true } = {}) {
  const server = said(500);
  for (let status = 501; status < 600; status++)
    if (words(said(status)) !== words(server)) throw new Error(`core words ${status} apart`);
  const invalid = said(400);
  const list = `if(temp.fieldList, ' (' + temp.fieldList + ')', '')`;
  const fields = `if(length(temp.fieldLabels) > 0, if(length(temp.fieldLabels) > 1, ' Fields: ', ' Field: ') + join(temp.fieldLabels, ', ') + '.', '')`;
  const validation = `${invalid.expression}${withFieldErrors ? ` + ${list} + ${fields}` : ''} + ${imlString(` ${invalid.hint}`)}`;
  const unwrap = (type: string) => (type.startsWith('{{') ? type.slice(2, -2) : imlString(type));
  const directive: Record<string, string | { type: string; message: string }> = {
    type: iml(`if(statusCode >= 500, ${unwrap(server.type)}, ${unwrap(invalid.type)})`),
    message: `${iml(`if(statusCode >= 500, ${words(server)}, ${validation})`)}${REQUEST}`,
  };
  const validationSpec = JSON.stringify(specFor(400));
  for (let status = 401; status < 500; status++) {
    const spec = specFor(status);
    if (JSON.stringify(spec) !== validationSpec) directive[String(status)] = spec;
  }
  return directive;
}
