// The connection against the real sandbox: the test on GET /v1/me, the label, the error mapping
// (revoked key, 429, 5xx, timeout) and the key's absence from every log line and error.
import { catalog } from '@classifaily/core';

import authentication from '../src/authentication';
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

  it('takes its fields from the catalog: a password field for the key, an optional base URL', () => {
    const [apiKey, baseUrl] = catalog.credential.fields;
    expect(authentication.type).toBe('custom');
    expect(authentication.fields[0]).toMatchObject({
      key: 'api_key',
      type: 'password',
      required: true,
      label: apiKey?.label,
      helpText: apiKey?.help,
    });
    expect(authentication.fields[1]).toMatchObject({
      key: 'base_url',
      required: false,
      label: baseUrl?.label,
      helpText: baseUrl?.help,
    });
  });

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
    expect((await sandbox.stats()).byStatus).toEqual({ '429': 3 }); // 1 attempt + 2 retries
  });

  it('maps 5xx after the retries to an error that says it is temporary', async () => {
    await sandbox.setFaults({ kind: 'status', status: 503, retryAfter: 0, count: 100 });
    const error = await rejectionOf(runTest());
    expect(details(error)).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/^Temporary problem, try again later/),
      status: 503,
    });
    expect((await sandbox.stats()).byStatus).toEqual({ '503': 3 });
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

  it('refuses a plain-http base URL that is not this machine, before sending anything', async () => {
    const error = await rejectionOf(
      appTester(App.authentication.test, {
        authData: { api_key: sandbox.apiKey, base_url: 'http://api.example.com' },
      }),
    );
    expect(details(error)).toMatchObject({ code: 'insecure_base_url', status: 400 });
    expect(error.message).not.toContain(sandbox.apiKey);
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
