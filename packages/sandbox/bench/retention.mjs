// Idempotency retention under load (issue 21): CONNECTIONS (default 50) connections send keyed
// POST /v1/classify for DURATION s (default 60), every request with a new Idempotency-Key, against
// the compiled CLI with its defaults. Then the first SAMPLE keys sent (the oldest) and the last are
// sent again: a replay means the key was kept, a fresh answer that it was forgotten. Prints the
// rate, 503s (store full within the floor) and what was kept.
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { KEY, startSandboxChild } from './sandbox-child.mjs';

const duration = Number(process.env.DURATION ?? 60);
const connections = Number(process.env.CONNECTIONS ?? 50);
const sample = Number(process.env.SAMPLE ?? 200);

const body = JSON.stringify({
  input: 'I cannot log in - the password reset email never arrives.',
  categories: ['billing', 'technical_bug', 'account_access', 'feature_request'],
});
const load = `load average ${loadavg()
  .map((l) => l.toFixed(2))
  .join(', ')} on ${availableParallelism()} cores`;
const { child, url } = await startSandboxChild();
let n = 0;
const prefix = `retention-${process.pid}-`;
let result;
let kept = { oldest: 0, newest: 0 };
try {
  result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/classify`,
        duration,
        connections,
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, 'idempotency-key': `${prefix}${n++}` },
            }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  const replayed = async (i) => {
    const r = await fetch(`${url}/v1/classify`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
        'idempotency-key': `${prefix}${i}`,
      },
      body,
    });
    await r.text();
    return r.headers.get('idempotent-replayed') === 'true';
  };
  for (let i = 0; i < sample; i++) if (await replayed(i)) kept.oldest += 1;
  for (let i = n - sample - connections; i < n - connections; i++)
    if (await replayed(i)) kept.newest += 1;
} finally {
  child.kill();
}
const rate = Math.round(result.requests.average);
console.log(
  `Retention: \`node bench/retention.mjs\` — ${connections} connections, ${duration} s of POST /v1/classify, each with a new Idempotency-Key; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; before the run: ${load}.`,
);
console.log('');
console.log(
  '| keyed POSTs | req/s | 503 (store full) | oldest keys (sent ~' +
    duration +
    ' s before) still replayed | newest keys still replayed |',
);
console.log('|---|---|---|---|---|');
console.log(
  `| ${result.requests.total.toLocaleString('en-US')} | ${rate} | ${result.statusCodeStats['503']?.count ?? 0} | ${kept.oldest} of ${sample} | ${kept.newest} of ${sample} |`,
);
