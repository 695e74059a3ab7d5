// The connection against the real sandbox: the test on GET /v1/me, the label, the error mapping
// (revoked key, 429, 5xx, timeout) and the key's absence from every log line and error.
import { catalog } from '@classifaily/core';

import authentication from '../src/authentication';
import { zapierHelp } from '../src/fields';
const MAX_RETRIES = 2;
import { BASE_URL_VARIABLE } from '../src/client';
import {
  App,
  appTester,
  authDataFor,
  details,
  rejectionOf,
  runLogged,
  start,
  type Sandbox,
} from './sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const runTest = (apiKey?: string) =>
  appTester(App.authentication.test, { authData: authDataFor(sandbox, apiKey) });

describe('authentication', () => {
  it('tests the key on GET /v1/me and returns the account', async () => {
    const me = await runTest();
    expect(me).toMatchObject({ object: 'me', account: { name: expect.any(String) } });
    expect((await sandbox.stats()).byRoute).toEqual({ 'GET /v1/me': 1 });
  });

  it('labels the connection with the catalog rule: account and key name, never the key', async () => {
    const me = await runTest();
    const label = await appTester(App.authentication.connectionLabel, {
      authData: authDataFor(sandbox),
      inputData: me,
    });
    expect(label).toBe(catalog.credential.connectionLabel(me));
    expect(label).not.toContain(sandbox.apiKey);
  });

  it('labels a read-only key as such, where the API says so: every action would fail with 403', async () => {
    const me = await runTest(sandbox.readOnlyKey);
    const label = await appTester(App.authentication.connectionLabel, {
      authData: authDataFor(sandbox, sandbox.readOnlyKey),
      inputData: me,
    });
    expect(label).toBe('Sandbox account (Read-only sandbox key, test mode, read-only)');
  });

  it('asks for one thing, the key: a password field from the catalog; no Base URL, no localhost', () => {
    const { apiKey } = catalog.fields;
    expect(authentication.type).toBe('custom');
    expect(authentication.fields).toEqual([
      {
        key: 'api_key',
        type: 'password',
        required: true,
        label: apiKey.label,
        helpText: zapierHelp(apiKey.help),
        placeholder: apiKey.placeholder,
      },
    ]);
    expect(JSON.stringify(authentication)).not.toMatch(/localhost|127\.0\.0\.1|base.?url/i);
  });

  it('links the dashboard in Markdown, as Zapier’s check D008 asks: no bare URL', () => {
    expect(authentication.fields[0]!.helpText).toContain(
      '([app.classifaily.com/settings/api-keys](https://app.classifaily.com/settings/api-keys))',
    );
  });

  it.each([
    ['with "Bearer " pasted in front', (key: string) => `Bearer ${key}`],
    ['with a newline and spaces around it', (key: string) => `  ${key}\n`],
  ])(
    'accepts a key %s: one Authorization header, built once by core (defect 2)',
    async (_, paste) => {
      const { results, logs } = await runLogged('authentication.test', {
        authData: { api_key: paste(sandbox.apiKey) },
      });
      expect(results).toMatchObject({ object: 'me' });
      const http = logs.find((entry) => entry.data.log_type === 'http');
      expect(JSON.stringify(http?.data.request_headers)).not.toMatch(/Bearer\s+Bearer/i);
      expect(JSON.stringify(logs)).not.toContain(sandbox.apiKey);
    },
  );

  it('maps a revoked key (401) to ExpiredAuthError, without the key in the message', async () => {
    const error = await rejectionOf(runTest(sandbox.revokedKey));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/revoked/i);
    expect(error.message).toMatch(/request req_/);
    expect(error.message).not.toContain(sandbox.revokedKey);
  });

  it('maps a malformed key to ExpiredAuthError before sending anything', async () => {
    const error = await rejectionOf(runTest('not-a-key'));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).not.toContain('not-a-key');
    expect((await sandbox.stats()).total).toBe(0);
  });

  it('maps a 429 storm to ThrottledError with the server’s delay, after no futile retries', async () => {
    // Retry-After 30 s is beyond the client's budget (2 s): core hands it to Zapier at once.
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 30, count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({ name: 'ThrottledError', delay: 30 });
    expect((await sandbox.stats()).byStatus).toEqual({ '429': 1 });
  });

  it('retries a short 429 within the budget, then throttles with that delay', async () => {
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 1, count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({ name: 'ThrottledError', delay: 1 });
    expect((await sandbox.stats()).byStatus).toEqual({ '429': 1 + MAX_RETRIES });
  });

  it('maps 5xx after the retries to an error that says it is temporary', async () => {
    await sandbox.setFaults({ kind: 'status', status: 502, count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/^Temporary problem, try again later/),
      status: 502,
    });
    expect((await sandbox.stats()).byStatus).toEqual({ '502': 1 + MAX_RETRIES });
  });

  it('a 503 that says when to come back (Retry-After) is a ThrottledError with that delay', async () => {
    // Zapier's advice for an API outage: the run waits instead of erroring (0305).
    await sandbox.setFaults({ kind: 'status', status: 503, retryAfter: 1, count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({ name: 'ThrottledError', delay: 1 });
    expect((await sandbox.stats()).byStatus).toEqual({ '503': 1 + MAX_RETRIES });
  });

  it('recovers from one 5xx by retrying', async () => {
    await sandbox.setFaults({ kind: 'status', status: 500, count: 1 });
    await expect(runTest()).resolves.toMatchObject({ object: 'me' });
    expect((await sandbox.stats()).byStatus).toEqual({ '200': 1, '500': 1 });
  });

  it('a dropped connection is temporary too', async () => {
    await sandbox.setFaults({ kind: 'reset', count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({
      message: expect.stringMatching(/^Temporary problem/),
    });
  });

  it('refuses a plain-http CLASSIFAILY_BASE_URL that is not this machine, before sending anything', async () => {
    process.env[BASE_URL_VARIABLE] = 'http://api.example.com';
    try {
      const error = await rejectionOf(runTest());
      expect(details(error)).toMatchObject({ code: 'insecure_base_url', status: 400 });
      expect(error.message).not.toContain(sandbox.apiKey);
    } finally {
      process.env[BASE_URL_VARIABLE] = sandbox.url;
    }
  });

  it('never logs the key: Zapier censors authData in its HTTP log, our errors never hold it', async () => {
    for (const apiKey of [sandbox.apiKey, sandbox.revokedKey]) {
      const { logs, error } = await runLogged('authentication.test', {
        authData: authDataFor(sandbox, apiKey),
      });
      const http = logs.find((entry) => entry.data.log_type === 'http');
      expect(http?.message).toContain('/v1/me');
      expect(JSON.stringify(http?.data.request_headers)).toMatch(
        /Authorization: (Bearer )?:censored:\d+:[0-9a-f]+:/,
      );
      expect(JSON.stringify(logs)).not.toContain(apiKey);
      expect(String(error?.message ?? '')).not.toContain(apiKey);
    }
  });
});
