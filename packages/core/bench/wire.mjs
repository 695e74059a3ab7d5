// What the core benches share: the scripted server (server.mjs) in its own process, its key, a
// classify call with raw fetch, the baseline the client is measured against, and an in-memory fetch
// for the benches of the client's own work.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const KEY = 'cai_test_benchbenchbench0000';

/** Starts bench/server.mjs in its own process; resolves when it listens. */
export function startServer(latencyMs = 0) {
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [String(latencyMs)]);
  const next = () => new Promise((resolve) => child.once('message', resolve));
  return next().then(({ port }) => ({
    url: `http://127.0.0.1:${port}`,
    requests: async () => {
      const reply = next();
      child.send('count');
      return (await reply).requests;
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send('close');
      }),
  }));
}

export const CLASSIFY_BODY = {
  input: 'I cannot log in - the password reset email never arrives.',
  categories: ['billing', 'account_access'],
};

/** One classify with raw fetch, the headers the client sends, and the answer read as the client does. */
export async function rawClassify(url, signal) {
  const res = await fetch(`${url}/v1/classify`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${KEY}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify(CLASSIFY_BODY),
    signal,
  });
  return JSON.parse(await res.text());
}

const answerHeaders = new Map([
  ['content-type', 'application/json'],
  ['x-request-id', 'req_1'],
]);
const headers = { get: (name) => answerHeaders.get(name.toLowerCase()) ?? null };

/**
 * A `fetch` with no network: a 200 whose body, `answerFor(init)` (encoded bytes), goes to the
 * client's own reader in one chunk, so the body watch, the size cap and the answer check all run.
 */
export const memoryFetch = (answerFor) => async (url, init) => {
  const answer = answerFor(init);
  return {
    status: 200,
    headers,
    url,
    text: () => {
      let sent = false;
      const next = async () => (sent ? { done: true } : ((sent = true), { value: answer }));
      return init.readBody({ next, stop() {} });
    },
  };
};
