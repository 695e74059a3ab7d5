// The Classifaily API the evaluator tests send the generated modules' requests to: the real sandbox,
// over HTTP on 127.0.0.1, with fault injection on (429/5xx answers on demand) and a rate limit high
// enough for the suite that fills the schema dropdown with more than three pages.
import { startSandbox } from '@classifaily/sandbox';

const startApi = () => startSandbox({ faults: true, rateLimit: 100_000 });
type ApiServer = Awaited<ReturnType<typeof startApi>>;

/**
 * One sandbox for a test file or describe block: started before its tests, closed after them, and
 * by default reset (schemas too) before each test; `afterEach` resets faults and counters after each
 * instead, `none` never. `api` stands for the running sandbox and `connection` is Make's connection
 * to it, both filled in once it has started.
 */
export function useApi(reset: 'beforeEach' | 'afterEach' | 'none' = 'beforeEach') {
  let server: ApiServer | undefined;
  const connection = { apiKey: '', baseUrl: '' };
  const api = new Proxy({} as ApiServer, {
    get(_target, key) {
      if (!server) throw new Error('The sandbox starts in beforeAll: use `api` in a test or hook.');
      const value = server[key as keyof ApiServer];
      return typeof value === 'function' ? (value as () => unknown).bind(server) : value;
    },
  });
  beforeAll(async () => {
    server = await startApi();
    Object.assign(connection, { apiKey: server.apiKey, baseUrl: server.url });
  });
  afterAll(() => server?.close());
  if (reset === 'beforeEach') beforeEach(() => server!.reset({ schemas: true }));
  if (reset === 'afterEach') afterEach(() => server!.reset());
  return { api, connection };
}
