// What the command says when it cannot go on: one message a person can act on, a hint, an exit
// code. Errors from core (the API, the key, the connection) keep core's words (formatError), with
// what to do from a terminal added; nothing here ever holds the API key.
import {
  AuthenticationError,
  ClassifailyError,
  DASHBOARD_KEYS_URL,
  formatError,
  redact,
} from '@classifaily/core';

/** A problem the user can fix (a file, an option, the key): exit 1, or 2 for the command line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The command line itself is wrong: exit 2, with the usage. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, undefined, 2);
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** The lines printed for an error, without a stack trace. */
export function describeError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof CliError)
    return {
      text: [error.message, error.hint].filter(Boolean).join('\n'),
      exitCode: error.exitCode,
    };
  if (error instanceof ClassifailyError) {
    const advice =
      error instanceof AuthenticationError
        ? `Set CLASSIFAILY_API_KEY to a key from ${DASHBOARD_KEYS_URL}.`
        : undefined;
    return { text: formatError(error, { advice }), exitCode: EXIT.failed };
  }
  // A bug, not the user's doing: say so, with the stack for the report.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    text: `Unexpected error (please report it at https://github.com/classifaily/classifaily-integrations/issues):\n${redact(detail)}`,
    exitCode: EXIT.failed,
  };
}
