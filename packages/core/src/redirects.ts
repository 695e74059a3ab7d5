// Where a redirect may take a request (decision 0008). A request carries the API key and the
// texts, and a POST its Idempotency-Key: they go to the base URL's origin and nowhere else. A 307
// or 308 within that origin is followed with the same method and body; a 301, 302 or 303 only for
// a GET (for a POST, fetch would turn it into a GET and hand back whatever that returns as if it
// were a classification). Everything else is refused with an error naming the other origin.
import { isAllowedBaseUrl } from './base-url';
import { ClassifailyError } from './errors';

const MAX_REDIRECTS = 5;

/** What to do about a refused redirect; also the end of the credential test's message (catalog). */
export const REDIRECT_HINT =
  'Check the base URL of your Classifaily connection: use the address Classifaily gave you (https://api.classifaily.com, or http://localhost for the sandbox), not one that forwards elsewhere.';

/**
 * The URL to send the request to next, or undefined when the answer is not a redirect.
 * Throws a ClassifailyError (`redirect_refused`) for a redirect the client does not follow.
 */
export function redirectTarget(
  status: number,
  location: string | null,
  from: string,
  method: string,
  origin: string,
  hops: number,
): string | undefined {
  if (status < 300 || status > 399) return undefined;
  const refuse = (why: string) =>
    new ClassifailyError(`Classifaily answered with a redirect (HTTP ${status}) ${why}.`, {
      status,
      code: 'redirect_refused',
      hint: REDIRECT_HINT,
    });
  let target: URL;
  try {
    if (!location) throw new TypeError('no Location');
    target = new URL(location, from);
  } catch {
    throw refuse('without a usable address to go to');
  }
  if (target.origin !== origin || !isAllowedBaseUrl(target))
    throw refuse(
      `to another server (${target.protocol}//${target.host}); it was not followed, so that your key and texts go nowhere but ${origin}`,
    );
  if (status !== 307 && status !== 308 && method !== 'GET')
    throw refuse('that would turn the request into a GET; it was not followed');
  if (hops >= MAX_REDIRECTS) throw refuse(`after ${MAX_REDIRECTS} redirects already`);
  return target.toString();
}

/** Refuses an answer a transport fetched from another origin after following a redirect itself. */
export function checkAnsweringOrigin(answeredUrl: string | undefined, origin: string): void {
  if (answeredUrl === undefined || answeredUrl === '') return;
  let answered: URL;
  try {
    answered = new URL(answeredUrl);
  } catch {
    return;
  }
  if (answered.origin !== origin)
    throw new ClassifailyError(
      `The answer came from another server (${answered.protocol}//${answered.host}) after a redirect; it was not used.`,
      { code: 'redirect_refused', hint: REDIRECT_HINT },
    );
}
