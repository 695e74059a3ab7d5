// API keys the sandbox accepts, from configuration. The defaults are test keys printed at start.
import { ProblemError } from './problems';

export interface ApiKeyConfig {
  key: string;
  /** The key's name, as /v1/me reports it. */
  name?: string;
  account?: { id: string; name: string };
  revoked?: boolean;
  /** A read-only key may list and get, but every write answers 403 `permission_denied`. */
  readOnly?: boolean;
}

export interface KeyInfo {
  key: string;
  name: string;
  mode: 'live' | 'test';
  account: { id: string; name: string };
  revoked: boolean;
  readOnly: boolean;
}

const DEFAULT_ACCOUNT = { id: 'acct_sandbox', name: 'Sandbox account' };
export const DEFAULT_TEST_KEY = 'cai_test_sandbox0000000000000000';
export const DEFAULT_REVOKED_KEY = 'cai_test_revoked000000000000000';
export const DEFAULT_READ_ONLY_KEY = 'cai_test_readonly00000000000000';

const KEY_FORMAT = /^cai_(live|test)_[A-Za-z0-9]{16,64}$/;

/**
 * The default keys; with `documentedOnly`, `cai_live_` ones, the only prefix the vendor documents
 * (`cai_test_` is our assumption).
 */
export function defaultKeys(documentedOnly = false): ApiKeyConfig[] {
  if (documentedOnly)
    return defaultKeys().map((k) => ({ ...k, key: k.key.replace(/^cai_test_/, 'cai_live_') }));
  return [
    { key: DEFAULT_TEST_KEY, name: 'Sandbox test key' },
    { key: DEFAULT_REVOKED_KEY, name: 'Revoked sandbox key', revoked: true },
    { key: DEFAULT_READ_ONLY_KEY, name: 'Read-only sandbox key', readOnly: true },
  ];
}

export class KeyRing {
  private readonly keys = new Map<string, KeyInfo>();

  constructor(configs: ApiKeyConfig[]) {
    for (const config of configs) {
      const format = KEY_FORMAT.exec(config.key);
      if (!format)
        throw new Error('a configured API key does not have the cai_live_/cai_test_ format');
      this.keys.set(config.key, {
        key: config.key,
        name: config.name ?? 'Sandbox key',
        mode: format[1] as 'live' | 'test',
        account: config.account ?? DEFAULT_ACCOUNT,
        revoked: Boolean(config.revoked),
        readOnly: Boolean(config.readOnly),
      });
    }
  }

  /** The key behind an Authorization header, or the 401 problem. Never echoes the key. */
  authenticate(header: string | undefined): KeyInfo {
    if (header === undefined || header.trim() === '') {
      throw new ProblemError(
        'missing_api_key',
        'No API key was sent. Send it as "Authorization: Bearer <key>".',
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
    if (!match) {
      throw new ProblemError('invalid_api_key', 'The Authorization header must be "Bearer <key>".');
    }
    const key = match[1]!;
    if (!KEY_FORMAT.test(key)) {
      throw new ProblemError(
        'invalid_api_key',
        'The API key is malformed: keys start with cai_live_ or cai_test_.',
      );
    }
    const info = this.keys.get(key);
    if (!info) throw new ProblemError('invalid_api_key', 'The API key is not valid.');
    if (info.revoked) throw new ProblemError('revoked_api_key', 'The API key was revoked.');
    return info;
  }
}
