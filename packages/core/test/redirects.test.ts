import { ClassifailyError, type ClientOptions } from '../src';
import {
  batchAnswer,
  BODY,
  clientOf,
  okClassification,
  startScriptedServer,
  TEST_KEY,
  type ScriptedServer,
} from './helpers/scripted-server';

const ME = {
  status: 200,
  body: { object: 'me', account: { id: 'a', name: 'Acme' }, key: { name: 'k', mode: 'test' } },
};

let api: ScriptedServer;
let elsewhere: ScriptedServer; // another origin: the same host, another port
beforeEach(async () => {
  [api, elsewhere] = await Promise.all([startScriptedServer(), startScriptedServer()]);
  elsewhere.fallback = okClassification('from elsewhere');
});
afterEach(() => Promise.all([api.close(), elsewhere.close()]));

const client = (options: Partial<ClientOptions> = {}) => clientOf(api, options);

async function refusal(promise: Promise<unknown>): Promise<ClassifailyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClassifailyError);
  expect((error as ClassifailyError).code).toBe('redirect_refused');
  expect((error as ClassifailyError).retryable).toBe(false);
  return error as ClassifailyError;
}

describe('redirects (decision 0008)', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i to another origin is refused: the key and the texts are never sent there',
    async (status) => {
      api.script({ status, headers: { Location: `${elsewhere.url}/v1/classify` } });
      const error = await refusal(client().classify(BODY));
      expect(error.message).toContain(new URL(elsewhere.url).host);
      expect(error.status).toBe(status);
      expect(elsewhere.requests).toHaveLength(0);
      expect(api.requests).toHaveLength(1);
    },
  );

  it.each([307, 308])(
    'a same-origin %i is followed with the same method, body and idempotency key',
    async (status) => {
      api.script({ status, headers: { Location: '/v1/classify-moved' } }, okClassification());
      const result = await client().classify(BODY);
      expect(result.result.label).toBe('account_access');
      const [first, second] = api.requests;
      expect(second!.url).toBe('/v1/classify-moved');
      expect(second!.method).toBe('POST');
      expect(second!.body).toBe(first!.body);
      expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
      expect(second!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    },
  );

  it.each([301, 302, 303])(
    'a same-origin %i is refused for a POST (it would become a GET) and followed for a GET',
    async (status) => {
      api.script({ status, headers: { Location: '/v1/classify-moved' } });
      await refusal(client().classify(BODY));
      expect(api.requests).toHaveLength(1);

      api.script({ status, headers: { Location: '/v1/me-moved' } }, ME);
      await expect(client().me()).resolves.toMatchObject({ account: { name: 'Acme' } });
      expect(api.requests.map((r) => `${r.method} ${r.url}`).slice(1)).toEqual([
        'GET /v1/me',
        'GET /v1/me-moved',
      ]);
    },
  );

  it('refuses a same-origin Location that carries credentials, and a redirect without a Location', async () => {
    const withCredentials = new URL(api.url);
    withCredentials.username = 'user';
    withCredentials.password = TEST_KEY;
    api.script({ status: 307, headers: { Location: `${withCredentials}v1/classify` } });
    const error = await refusal(client().classify(BODY));
    expect(JSON.stringify(error) + error.message).not.toContain(TEST_KEY);

    api.script({ status: 307 });
    await refusal(client().classify(BODY));
    expect(api.requests).toHaveLength(2);
  });

  it('stops after 5 redirects', async () => {
    api.fallback = { status: 307, headers: { Location: '/v1/classify' } };
    const error = await refusal(client().classify(BODY));
    expect(error.message).toMatch(/after 5 redirects/);
    expect(api.requests).toHaveLength(6);
  });

  it('asks every transport to leave redirects to it, and refuses an answer a transport fetched from another origin', async () => {
    const seen: Array<string | undefined> = [];
    const followsRedirects = client({
      fetch: async (url, init) => {
        seen.push(init.redirect);
        const response = await fetch(`${elsewhere.url}/v1/classify`, {
          ...init,
          redirect: 'follow',
        });
        return {
          status: response.status,
          headers: response.headers,
          url: response.url,
          text: () => response.text(),
        };
      },
    });
    await refusal(followsRedirects.classify(BODY));
    expect(seen).toEqual(['manual']);
  });

  it('follows a same-origin 307 for a batch and still checks the answer against what was sent', async () => {
    api.script({ status: 307, headers: { Location: '/v1/classify/batch' } }, batchAnswer);
    const answer = await client().classifyBatch({
      items: [{ input: 'a' }],
      categories: ['x', 'y'],
    });
    expect(answer.results[0]!.result!.label).toBe('a');
  });
});
