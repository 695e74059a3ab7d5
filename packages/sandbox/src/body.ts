// The JSON body parser. Before JSON.parse, one pass over the bytes refuses a body that is not UTF-8
// (decision 0005) and one nested too deep or with too many members in one object or array: parsing
// and validating such a body cost up to a second of CPU (a 1 MB `[[[[…` or a 60,000-key object),
// the scan costs about a millisecond. Keys such as `__proto__` are kept as sent (JSON.parse makes
// them plain own properties); the spec's `additionalProperties: false` refuses them by name.
import { isUtf8 } from 'node:buffer';
import { LIMITS } from '@classifaily/core';
import { ProblemError } from './problems';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** Why a body is too deep or too wide, or undefined. Strings are skipped; invalid JSON passes on. */
function shapeProblem(
  bytes: Uint8Array,
  maxDepth = LIMITS.requestBodyMaxDepth,
  maxMembers = LIMITS.requestBodyMaxMembers,
): 'too_deep' | 'too_wide' | undefined {
  // commas[d]: the commas seen so far in the open container at depth d (members = commas + 1).
  const commas = new Uint32Array(maxDepth + 2);
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > maxDepth) return 'too_deep';
      commas[depth] = 0;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      if (depth > 0) depth--;
    } else if (b === COMMA && ++commas[depth]! >= maxMembers) {
      return 'too_wide';
    }
  }
  return undefined;
}

/** The parsed body; undefined for an empty one (some HTTP helpers send a JSON type on DELETE). */
export function parseJsonBody(bytes: Buffer): unknown {
  if (!isUtf8(bytes))
    throw new ProblemError(
      'malformed_json',
      'The body is not valid UTF-8; send JSON encoded as UTF-8.',
    );
  const shape = shapeProblem(bytes);
  if (shape === 'too_deep')
    throw new ProblemError(
      'invalid_request',
      `The body nests objects or arrays deeper than ${LIMITS.requestBodyMaxDepth} levels.`,
      [
        {
          field: '(body)',
          code: 'too_deep',
          message: `nests deeper than ${LIMITS.requestBodyMaxDepth} levels`,
        },
      ],
    );
  if (shape === 'too_wide')
    throw new ProblemError(
      'invalid_request',
      `An object or array in the body has more than ${LIMITS.requestBodyMaxMembers.toLocaleString('en-US')} members.`,
      [
        {
          field: '(body)',
          code: 'too_wide',
          message: `has more than ${LIMITS.requestBodyMaxMembers} members in one object or array`,
        },
      ],
    );
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError('malformed_json', 'The body is not valid JSON.');
  }
}
