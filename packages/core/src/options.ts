// Checks of the options a client, a request or a batch queue is given, before anything is sent
// (decision 0013). A NaN, a negative number or Infinity in a number of retries or milliseconds, or
// a line break in a header value, is refused with a ValidationError that names the option, instead
// of retrying without end, waiting 0 ms, throwing a raw RangeError or failing on the wire.
import { ValidationError } from './errors';
import * as fields from './catalog/fields';
import { LIMITS } from './generated/limits';

/** The longest timer Node (and AbortSignal.timeout) accepts, in ms: about 24.8 days. */
export const MAX_TIMER_MS = 2_147_483_647;

const HEADER_TOKEN = /^[\x21-\x7e]+$/;
const HEADER_TEXT = /^[\x20-\x7e]*$/;

/** A rule: undefined when the value is fine, else what it must be ("a whole number, 0 or more"). */
type Check = (value: unknown) => string | undefined;
const rule =
  (expected: string, ok: (value: unknown) => boolean): Check =>
  (value) =>
    ok(value) ? undefined : expected;

const isNumberIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && value >= min && value <= max; // false for NaN
const isWholeFrom = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isInteger(value) && isNumberIn(value, min, max);
const ms = MAX_TIMER_MS.toLocaleString('en-US');

const RULES = {
  milliseconds: rule(`a number of milliseconds from 1 to ${ms}`, (v) =>
    isNumberIn(v, 1, MAX_TIMER_MS),
  ),
  delay: rule(`a number of milliseconds from 0 to ${ms}`, (v) => isNumberIn(v, 0, MAX_TIMER_MS)),
  instant: rule('a time in milliseconds since 1970, as Date.now() gives', (v) =>
    isNumberIn(v, 0, Number.MAX_SAFE_INTEGER),
  ),
  count: rule('a whole number, 0 or more', (v) => isWholeFrom(v, 0)),
  positive: rule('a whole number, 1 or more', (v) => isWholeFrom(v, 1)),
  batchSize: rule(`a whole number from 1 to ${LIMITS.batchMaxItems}`, (v) =>
    isWholeFrom(v, 1, LIMITS.batchMaxItems),
  ),
  idempotencyKey: rule(
    `1 to ${LIMITS.idempotencyKeyMaxLength} visible ASCII characters (no spaces or line breaks)`,
    (v) =>
      typeof v === 'string' && v.length <= LIMITS.idempotencyKeyMaxLength && HEADER_TOKEN.test(v),
  ),
  headerText: rule(
    'plain ASCII text without line breaks',
    (v) => typeof v === 'string' && HEADER_TEXT.test(v),
  ),
  auth: rule("'bearer' or 'transport'", (v) => v === 'bearer' || v === 'transport'),
  function: rule('a function', (v) => typeof v === 'function'),
  // Duck-typed: a platform may hand over a signal from another realm or a polyfill.
  signal: rule(
    'an AbortSignal',
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as AbortSignal).aborted === 'boolean' &&
      typeof (v as AbortSignal).addEventListener === 'function',
  ),
};

export type OptionRules = Readonly<Record<string, Check>>;

export const CLIENT_OPTIONS: OptionRules = {
  auth: RULES.auth,
  maxRetries: RULES.count,
  timeout: RULES.milliseconds,
  deadline: RULES.instant,
  maxRetryDelay: RULES.delay,
  fetch: RULES.function,
  sleep: RULES.function,
  random: RULES.function,
  now: RULES.function,
  newIdempotencyKey: RULES.function,
  userAgent: RULES.headerText,
  bodyTimeout: RULES.milliseconds,
  onEvent: RULES.function,
};

export const REQUEST_OPTIONS: OptionRules = {
  signal: RULES.signal,
  idempotencyKey: RULES.idempotencyKey,
  timeout: RULES.milliseconds,
  maxRetries: RULES.count,
  deadline: RULES.instant,
  rateLimitWait: RULES.delay,
};

export const QUEUE_OPTIONS: OptionRules = {
  batchSize: RULES.batchSize,
  concurrency: RULES.positive,
  signal: RULES.signal,
  deadline: RULES.instant,
  rateLimitWait: RULES.delay,
  idempotencyKeys: RULES.function,
  stopOnFirstFailure: rule('true or false', (v) => typeof v === 'boolean'),
};

/** Throws a ValidationError naming the first option given (not undefined) that breaks its rule. */
export function checkOptions(options: object | undefined, rules: OptionRules): void {
  if (options === undefined || options === null) return;
  // Walks the options given (usually none or one), not every rule: this runs on every request.
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || !Object.hasOwn(rules, name)) continue;
    const expected = rules[name]!(value);
    if (expected !== undefined) throw optionError(name, expected, value);
  }
}

/** The idempotency key a request will carry, checked like the option (a custom generator may err). */
export function checkIdempotencyKey(key: unknown, name = 'idempotencyKey'): string {
  const expected = RULES.idempotencyKey(key);
  if (expected !== undefined) throw optionError(name, expected, key);
  return key as string;
}

function optionError(name: string, expected: string, value: unknown): ValidationError {
  const label = labelOf(name);
  const message = `${label} must be ${expected} (got ${describe(value)}).`;
  return new ValidationError(message, {
    code: 'invalid_option',
    fieldErrors: [{ field: name, code: 'invalid_option', message }],
    hint: 'Correct it where the Classifaily client or step is set up.',
  });
}

/** The catalog's label for options that are also fields (Batch Size), else the option's name. */
function labelOf(name: string): string {
  const spec = Object.values(fields).find(
    (f): f is (typeof fields)['batchSize'] => typeof f === 'object' && f.key === name,
  );
  return spec ? `${spec.label} (${name})` : `The option ${name}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return value === null ? 'null' : 'an object';
  return String(value);
}
