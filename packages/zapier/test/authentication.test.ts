import zapier from 'zapier-platform-core';

import authentication from '../src/authentication';
import App from '../src/index';
import { ME, problem, startStubServer, type StubServer } from './stub-server';

const appTester = zapier.createAppTester(App);
// Zapier's Lambda entry point; exported at runtime, missing from the package's types.
const { createAppHandler } = zapier as unknown as {
  createAppHandler(app: object): (event: Record<string, unknown>) => Promise<unknown>;
};
const API_KEY = 'cai_test_Zq8sK2mP4vX9rT1w';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

const authData = () => ({ api_key: API_KEY, base_url: stub.baseUrl });
const runTest = () => appTester(authentication.test, { authData: authData() });

/** The rejection of a promise, for asserting on error class, message and fields. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('authentication', () => {
  it('tests the key on GET /v1/me with a Bearer header and returns the account', async () => {
    stub.handler = () => ({ status: 200, body: ME });
    await expect(runTest()).resolves.toEqual(ME);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ method: 'GET', url: '/v1/me' });
    expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(stub.requests[0]?.headers['user-agent']).toMatch(/^classifaily-zapier\//);
  });

  it('labels the connection with the account and key name', async () => {
    const label = await appTester(authentication.connectionLabel, {
      authData: authData(),
      inputData: ME,
    });
    expect(label).toBe('Acme Support – key Zapier (test)');
    expect(label).not.toContain(API_KEY);
  });

  it('declares a password field for the key and an optional base URL', () => {
    const fields = authentication.fields;
    expect(fields.find((f) => f.key === 'api_key')).toMatchObject({
      type: 'password',
      required: true,
    });
    expect(fields.find((f) => f.key === 'base_url')).toMatchObject({ required: false });
    expect(authentication.type).toBe('custom');
  });

  it('maps 401 to ExpiredAuthError without the key in the message', async () => {
    stub.handler = () => problem(401, 'invalid_api_key', 'The API key is not valid.');
    const error = await rejectionOf(runTest());
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('The API key is not valid.');
    expect(error.message).toContain('req_stub');
    expect(error.message).not.toContain(API_KEY);
  });

  it('maps 429 to ThrottledError with the Retry-After delay in seconds', async () => {
    stub.handler = () => ({
      ...problem(429, 'rate_limited', 'Too many requests.'),
      headers: { 'retry-after': '7' },
    });
    const error = await rejectionOf(runTest());
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toMatchObject({ delay: 7 });
    expect(stub.requests).toHaveLength(1);
  });

  it('maps 5xx to an error that says it is temporary', async () => {
    stub.handler = () => problem(503, 'unavailable', 'Down for maintenance.');
    const error = await rejectionOf(runTest());
    expect(error.name).toBe('AppError');
    expect(JSON.parse(error.message)).toMatchObject({
      message: expect.stringContaining('Temporary problem'),
      code: 'unavailable',
      status: 503,
    });
  });

  it('refuses a plain-http base URL that is not this machine, before sending anything', async () => {
    const error = await rejectionOf(
      appTester(authentication.test, {
        authData: { api_key: API_KEY, base_url: 'http://api.example.com' },
      }),
    );
    expect(JSON.parse(error.message)).toMatchObject({ code: 'invalid_base_url', status: 400 });
    expect(error.message).not.toContain(API_KEY);
    expect(stub.requests).toHaveLength(0);
  });

  it('never logs the key: Zapier censors authData in its HTTP log of the request', async () => {
    stub.handler = () => ({ status: 200, body: ME });
    // The same handler Zapier runs; `customLogger` receives each log entry after censoring
    // (the hook `zapier-platform invoke` uses to print logs).
    const logs: { message: string; data: Record<string, unknown> }[] = [];
    const handler = createAppHandler(App);
    await handler({
      command: 'execute',
      method: 'authentication.test',
      bundle: { authData: authData() },
      customLogger: (message: string, data: Record<string, unknown>) =>
        logs.push({ message, data }),
    });
    const http = logs.find((entry) => entry.data.log_type === 'http');
    expect(http?.message).toContain('/v1/me');
    expect(JSON.stringify(http?.data.request_headers)).toMatch(
      /Authorization: (Bearer )?:censored:\d+:[0-9a-f]+:/,
    );
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
  });
});
