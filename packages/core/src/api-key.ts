import { AuthenticationError } from './errors';
import { rememberKey } from './secrets';

const KEY_SHAPE = /^cai_(live|test)_[A-Za-z0-9]{8,128}$/;

/**
 * Trims what copy-paste adds (spaces, newlines, a pasted "Bearer ") and refuses a value that cannot
 * be a key before it is ever sent. The error never repeats the value.
 */
export function normalizeApiKey(raw: unknown): string {
  const key =
    typeof raw === 'string'
      ? raw
          .trim()
          .replace(/^Bearer\s+/i, '')
          .trim()
      : '';
  if (key === '') {
    throw new AuthenticationError('No Classifaily API key was given.', {
      code: 'missing_api_key',
      hint: 'Paste your API key (it starts with cai_live_ or cai_test_) into the Classifaily connection.',
    });
  }
  if (!KEY_SHAPE.test(key)) {
    throw new AuthenticationError("This doesn't look like a Classifaily API key.", {
      code: 'malformed_api_key',
      hint: 'Keys start with cai_live_ or cai_test_ followed by letters and digits. Copy it again from the Classifaily dashboard, without quotes or spaces.',
    });
  }
  rememberKey(key);
  return key;
}
