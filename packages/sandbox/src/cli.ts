#!/usr/bin/env node
// classifaily-sandbox --port 8787 [--db ./sandbox.db] [--faults] [--latency MS] [--rate-limit N]
//   [--rate-limit-window MS] [--documented-only]
import { parseArgs } from 'node:util';
import { startSandbox } from './index';

const USAGE = `Usage: classifaily-sandbox [options]

  --port N          port to listen on (default 8787; 0 picks a free one)
  --host HOST       address to listen on (default 127.0.0.1)
  --allow-host NAME also answer /v1 requests addressed to NAME (repeat it; the loopback names and
                    --host are always answered, any other Host gets 403)
  --db FILE         keep saved schemas in this SQLite file (default: in memory)
  --faults          test mode: enable fault injection and the /__sandbox control endpoints
  --latency MS      answer every /v1 request MS ms after it arrived (work done within)
  --rate-limit N    requests per key per window (default 600)
  --rate-limit-window MS
                    the rate limit's window in ms (default 60000: a minute)
  --idempotency-ttl S  keep answers for Idempotency-Key replays this many seconds (default 86400)
  --shutdown-grace MS
                    on SIGTERM or SIGINT, how long answers in flight may take before their
                    connections are cut (default 5000; idle connections are closed at once)
  --documented-only answer only what the vendor's getting-started page documents: GET /v1/me is
                    404, results carry no id and no scores, keys start with cai_live_
  --log             log each request (never the API key)
  --json            print one JSON line {url, apiKey, revokedKey, readOnlyKey} instead of the banner
                    (for programs that start the sandbox as a child process)
  --help            show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true, default: [] },
      db: { type: 'string' },
      faults: { type: 'boolean', default: false },
      latency: { type: 'string', default: '0' },
      'rate-limit': { type: 'string', default: '600' },
      'idempotency-ttl': { type: 'string', default: '86400' },
      'rate-limit-window': { type: 'string', default: '60000' },
      'shutdown-grace': { type: 'string', default: '5000' },
      'documented-only': { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a whole number, got "${value}"`);
    return n;
  };
  const sandbox = await startSandbox({
    port: number('port', values.port),
    host: values.host,
    allowedHosts: values['allow-host'],
    db: values.db,
    faults: values.faults,
    latencyMs: number('latency', values.latency),
    rateLimit: number('rate-limit', values['rate-limit']),
    idempotencyTtlMs: number('idempotency-ttl', values['idempotency-ttl']) * 1000,
    rateLimitWindowMs: number('rate-limit-window', values['rate-limit-window']),
    shutdownGraceMs: number('shutdown-grace', values['shutdown-grace']),
    logger: values.log,
    documentedOnly: values['documented-only'],
  });
  if (values.faults && !isLoopback(values.host)) {
    // Fault injection is a test tool; on a network address anyone who can reach it can slow or
    // break the API for every client. The /__sandbox endpoints still answer only this machine.
    console.error(
      `\nWARNING: --faults on --host ${values.host}: any machine that can reach ${sandbox.url} can use the API of this sandbox while faults are injected into it. The /__sandbox control endpoints answer only requests from this machine. Use --host 127.0.0.1 unless you need the network.\n`,
    );
  }
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const { url, apiKey, revokedKey, readOnlyKey } = sandbox;
  if (values.json) {
    console.log(JSON.stringify({ url, apiKey, revokedKey, readOnlyKey }));
    return;
  }
  // The printed key is the sandbox's own public test key, not a secret.
  console.log(
    `Classifaily sandbox listening on ${sandbox.url}${values['documented-only'] ? ' (documented-only: what the vendor page documents)' : ''}`,
  );
  console.log(
    `  ${values['documented-only'] ? 'API key:     ' : 'test API key:'}   ${sandbox.apiKey}`,
  );
  console.log(`  revoked key:    ${sandbox.revokedKey}   (answers 401 revoked_api_key)`);
  console.log(`  read-only key:  ${sandbox.readOnlyKey}   (answers 403 on writes)`);
  console.log(
    `  schemas:        ${values.db ? `saved in ${values.db}` : 'in memory (use --db FILE to keep them)'}`,
  );
  if (values.faults)
    console.log(
      `  fault injection on: POST ${sandbox.url}/__sandbox/faults, GET ${sandbox.url}/__sandbox/stats`,
    );
  if (values['documented-only'])
    console.log(
      `Try: curl -s ${sandbox.url}/v1/classify -H "Authorization: Bearer ${sandbox.apiKey}" -H "Content-Type: application/json" -d '{"input":"I cannot log in","categories":["billing","account_access"]}'`,
    );
  else
    console.log(`Try: curl -s ${sandbox.url}/v1/me -H "Authorization: Bearer ${sandbox.apiKey}"`);
}

function isLoopback(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
