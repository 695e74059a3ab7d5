// What a person reads when a step fails, per outcome (policy.ts) and per platform: written once
// here, so that each adapter only picks its platform's words (decision 0016). The message, the
// fields, core's hint and the request id come from formatError; a platform adds where to act.
import { concurrency, rateLimitWait } from './catalog/fields';
import { HINTS } from './errors';
import { formatError, type FormattableError } from './format';
import { outcomeOf, type OutcomeKind } from './policy';

export type Platform = 'n8n' | 'zapier' | 'make';

interface Words {
  /** Before the message ("Temporary problem, try again later:"). */
  lead?: string;
  /** After core's hint: where to act on this platform. */
  advice?: string;
}

export const ADVICE: Readonly<Record<Platform, Partial<Record<OutcomeKind, Words>>>> = {
  n8n: {
    // Core's hint already says to reconnect; this says where that is in n8n, without repeating it.
    reauthenticate: {
      advice: "In n8n: open this node's Classifaily API credential, paste the key and save.",
    },
    permission: {
      advice:
        "In n8n: select another credential under this node's Credential, or create one with such a key.",
    },
    // The node already waited within Wait Out Rate Limits (decision 0212); Retry On Fail waits 5 s at most.
    throttle: {
      advice: `In n8n: ${concurrency.label} is in this node's options; ${rateLimitWait.label} there sets how long the node waits before it gives up.`,
    },
  },
  zapier: {
    temporary: { lead: 'Temporary problem, try again later:' },
  },
  make: {},
};

type HintName = keyof typeof HINTS;

/**
 * Core's hint in a platform's terms, where the platform has nothing the hint names: a Zapier
 * connection has no base URL, and Zapier sets the pace of a Zap, not the user.
 */
export const HINTS_ON: Readonly<Record<Platform, Partial<Record<HintName, string>>>> = {
  n8n: {},
  zapier: {
    unreachable:
      'This is usually temporary: try again in a few minutes. If it keeps happening, contact Classifaily support.',
    rateLimit:
      "Zapier runs the step again after the wait. If this keeps happening, send fewer lines per Classify Batch step, or space out the Zap's runs with Delay by Zapier.",
  },
  make: {},
};

/** The hint a person reads on a platform: core's, or its words for that platform. */
function hintOn(platform: Platform, hint: string | undefined): string | undefined {
  const name = (Object.keys(HINTS) as HintName[]).find((key) => HINTS[key] === hint);
  return (name && HINTS_ON[platform][name]) || hint;
}

/** The words of a 409 in use on every platform: the API is still working on an earlier attempt. */
export const STILL_RUNNING_MESSAGE =
  'Classifaily took longer than usual and is still working on this step. It runs again shortly; nothing is charged twice.';

/**
 * The text for a failure on a platform: its lead (unless `lead: false`, inside a text that has
 * its own), core's formatError (the message unless
 * `message: false`, the fields by their labels, the hint), the platform's advice, the request id.
 */
export function failureText(
  error: FormattableError,
  platform: Platform,
  options: { message?: boolean; lead?: boolean } = {},
): string {
  const kind = outcomeOf(error)?.kind;
  const words = kind ? ADVICE[platform][kind] : undefined;
  const said: FormattableError = {
    message: error.message,
    hint: hintOn(platform, error.hint),
    requestId: error.requestId,
    fieldErrors: error.fieldErrors,
  };
  const text = formatError(said, { message: options.message, advice: words?.advice });
  return words?.lead && options.lead !== false ? `${words.lead} ${text}` : text;
}
