// onEvent (decision 0020): the client reports each request, answer, retry, throttle and give-up,
// and no event ever holds the key, in any form.
import { RateLimitError, type ClientEvent } from '../src';
import {
  BODY,
  clientOf,
  okClassification,
  problem,
  startScriptedServer,
  TEST_KEY,
  type ScriptedServer,
} from './helpers/scripted-server';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

it('reports request, response, throttle, retry and give_up, without the key', async () => {
  const events: ClientEvent[] = [];
  server.script(
    problem(503, 'service_unavailable', undefined, { 'Retry-After': '1' }),
    okClassification(),
  );
  const client = clientOf(server, { onEvent: (e) => events.push(e) });
  await client.classify(BODY);
  server.fallback = problem(429, 'rate_limited', undefined, { 'Retry-After': '120' });
  await expect(client.classify(BODY)).rejects.toBeInstanceOf(RateLimitError);
  expect(events.map((e) => e.type)).toEqual([
    'request',
    'response',
    'throttle',
    'retry',
    'request',
    'response',
    'request',
    'response',
    'give_up',
  ]);
  expect(events[3]).toMatchObject({
    type: 'retry',
    attempt: 2,
    reason: 'service_unavailable',
    delayMs: 1_000,
  });
  expect(events.at(-1)).toMatchObject({
    type: 'give_up',
    reason: 'wait too long',
    outcome: 'throttle',
  });
  expect(events[1]).toMatchObject({ method: 'POST', path: '/v1/classify', status: 503 });
  const text = JSON.stringify(events);
  const secret = TEST_KEY.slice('cai_test_'.length);
  for (const form of [secret, secret.toUpperCase(), Buffer.from(TEST_KEY).toString('base64')])
    expect(text).not.toContain(form);
});

it('a listener that throws does not fail the request', async () => {
  server.script(okClassification());
  const client = clientOf(server, {
    onEvent: () => {
      throw new Error('listener broke');
    },
  });
  await expect(client.classify(BODY)).resolves.toMatchObject({
    result: { label: 'account_access' },
  });
});

it('rate limits within the budget are waited out together, without counting as retries', async () => {
  const waits: number[] = [];
  server.script(
    ...Array.from({ length: 5 }, () =>
      problem(429, 'rate_limited', undefined, { 'Retry-After': '2' }),
    ),
    okClassification(),
  );
  const client = clientOf(server, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
  await expect(client.classify(BODY, { rateLimitWait: 10_000 })).resolves.toBeTruthy();
  expect(waits).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
  // Without a budget, two retries and the 429 is handed over.
  server.fallback = problem(429, 'rate_limited', undefined, { 'Retry-After': '2' });
  await expect(client.classify(BODY)).rejects.toBeInstanceOf(RateLimitError);
});
