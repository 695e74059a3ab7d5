// zapierFetch: core's FetchLike over z.request (what phase 2 hands to ClassifailyClient).
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../src/index';
import type { FetchLike } from '@classifaily/core';

import { zapierFetch } from '../src/transport';
import { ME, problem, startStubServer, type StubServer } from './stub-server';

const appTester = zapier.createAppTester(App);
const API_KEY = 'cai_test_Tr4nsp0rtK3y9';

let api: StubServer;
beforeAll(async () => {
  api = await startStubServer();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

type Init = Parameters<FetchLike>[1];
interface Seen {
  status: number;
  retryAfter: string | null;
  requestId: string | null;
  text: string;
}

/** Runs one FetchLike call inside a real Zapier invocation (middleware, logging and all). */
function fetchInZapier(url: string, init: Init): Promise<Seen> {
  const perform = async (z: ZObject, _bundle: Bundle): Promise<Seen> => {
    const response = await zapierFetch(z)(url, init);
    return {
      status: response.status,
      retryAfter: response.headers.get('Retry-After'),
      requestId: response.headers.get('x-request-id'),
      text: await response.text(),
    };
  };
  return appTester(perform, { authData: { api_key: API_KEY } });
}

describe('zapierFetch', () => {
  it("returns status, headers and body text; the Authorization header is the caller's, as given", async () => {
    api.handler = () => ({ status: 200, body: ME });
    const seen = await fetchInZapier(`${api.baseUrl}/v1/me`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(seen).toMatchObject({ status: 200, requestId: 'req_stub' });
    expect(JSON.parse(seen.text)).toEqual(ME);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("adds no Authorization of its own: core's client is its one owner (decision 0304)", async () => {
    api.handler = () => ({ status: 200, body: ME });
    await fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {} });
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends a string body verbatim: no {{curly}} replacement, headers kept', async () => {
    api.handler = () => ({ status: 200, body: {} });
    const body = JSON.stringify({
      input: 'literally {{bundle.authData.api_key}}',
      categories: ['a', 'b'],
    });
    await fetchInZapier(`${api.baseUrl}/v1/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'idem-1' },
      body,
    });
    expect(api.requests[0]).toMatchObject({ method: 'POST', url: '/v1/classify', body });
    expect(api.requests[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'idem-1',
    });
  });

  it('hands 429 and 5xx back instead of throwing, so core can retry them', async () => {
    api.handler = () => ({
      ...problem(429, 'rate_limited', 'Slow down.'),
      headers: { 'retry-after': '2' },
    });
    await expect(
      fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {} }),
    ).resolves.toMatchObject({
      status: 429,
      retryAfter: '2',
    });
    api.handler = () => problem(500, 'internal', 'Oops.');
    await expect(
      fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {} }),
    ).resolves.toMatchObject({
      status: 500,
    });
    api.handler = () => problem(401, 'invalid_api_key', 'No.');
    await expect(
      fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {} }),
    ).resolves.toMatchObject({
      status: 401,
    });
  });

  it('honours a per-attempt timeout', async () => {
    api.handler = () => ({ status: 200, body: ME, delayMs: 2_000 });
    await expect(
      fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {}, timeout: 100 }),
    ).rejects.toThrow(/timeout/i);
  });

  it('honours an AbortSignal', async () => {
    api.handler = () => ({ status: 200, body: ME });
    const signal = AbortSignal.abort();
    await expect(
      fetchInZapier(`${api.baseUrl}/v1/me`, { method: 'GET', headers: {}, signal }),
    ).rejects.toThrow(/abort/i);
  });
});
