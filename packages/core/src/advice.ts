// What a person reads when a step fails, per outcome (policy.ts) and per platform: written once
// here, so that each adapter only picks its platform's words (decision 0016). The message, the
// fields, core's hint and the request id come from formatError; a platform adds where to act.
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
      advice: 'In n8n: select a credential whose key may write, or create one with such a key.',
    },
    throttle: {
      advice:
        "In n8n: lower Concurrency in this node's options, or turn on Retry On Fail in its settings with a wait of a minute.",
    },
  },
  zapier: {
    temporary: { lead: 'Temporary problem, try again later:' },
  },
  make: {},
};

/** The words of a 409 in use on every platform: the API is still working on an earlier attempt. */
export const STILL_RUNNING_MESSAGE =
  'Classifaily took longer than usual and is still working on this step. It runs again shortly; nothing is charged twice.';

/**
 * The text for a failure on a platform: its lead, core's formatError (the message unless
 * `message: false`, the fields by their labels, the hint), the platform's advice, the request id.
 */
export function failureText(
  error: FormattableError,
  platform: Platform,
  options: { message?: boolean } = {},
): string {
  const kind = outcomeOf(error)?.kind;
  const words = kind ? ADVICE[platform][kind] : undefined;
  const text = formatError(error, { message: options.message, advice: words?.advice });
  return words?.lead ? `${words.lead} ${text}` : text;
}
