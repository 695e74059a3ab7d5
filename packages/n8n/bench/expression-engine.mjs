// What n8n's own expression engine costs a Text to Classify that is not a plain `$json` path, and
// why the node does not evaluate it for many items at once (decision 0258). For each pinned n8n
// line, in that install's n8n-workflow on its own Node, with the engine `n8n execute` starts
// (`vm`, isolated-vm, on both lines, with n8n's defaults: one isolate, 128 MB, 5 s), it times:
//
// - the bench's non-plain Text, `{{ $json.ticket + ': ' + $json.text }}`, evaluated item by item as
//   `getNodeParameter` does (what the node does);
// - the same for a chunk of items at once, `{{ $input.all().slice(a, b).map(({ json: $json }) => …) }}`,
//   in chunks of 25, 100 and 400, checked to give the same strings;
// - that chunk read on items that carry a large field the expression never reads (a 100 KB and a
//   400 KB one, as an email's HTML would be), and whether per-item expressions still work after it.
//
//   pnpm --filter n8n-nodes-classifaily bench:expressions      # ~1 min; CLASSIFAILY_N8N_VERSIONS=…
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ITEMS = 10_000;
const CHUNKS = [25, 100, 400];
const EXPRESSION = "$json.ticket + ': ' + $json.text";
const TEXT = 'My order arrived broken and I would like a refund, or a replacement sent this week. ';

if (process.argv[2] === '--probe') await probe(process.argv[3]);
else await main();

async function main() {
  const { ensureN8n, n8nCacheRoot, n8nVersionsUnderTest } =
    await import('../test/harness/n8n-install.ts');
  const log = (line = '') => process.stdout.write(`${line}\n`);
  log(`${ITEMS.toLocaleString('en-US')} items, Text = {{ ${EXPRESSION} }}`);
  for (const version of n8nVersionsUnderTest()) {
    const install = await ensureN8n(version);
    const child = spawnSync(
      install.nodeBinary,
      [fileURLToPath(import.meta.url), '--probe', path.join(n8nCacheRoot(), version)],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`the probe failed on n8n ${version} (exit ${child.status ?? child.signal})`);
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    log();
    log(`## n8n ${version} (Node ${r.node}), expression engine: ${r.engine}`);
    log('| how | items | time | per item | same strings |');
    log('|---|---|---|---|---|');
    for (const row of r.rows)
      log(
        `| ${row.how} | ${row.items.toLocaleString('en-US')} | ${row.ms.toFixed(0)} ms | ${(row.ms / row.items).toFixed(3)} ms | ${row.same ?? ''} |`,
      );
    for (const big of r.large)
      log(
        `- 1,000 items with a ${big.kb} KB field, one chunk of 100: ${big.chunk}; then an expression of one item: ${big.after}`,
      );
  }
}

/** Runs in the n8n install's own Node: evaluates as `n8n execute` does and prints one JSON line. */
async function probe(installDir) {
  const { n8nExpressions, printAndExit } = await import('../test/harness/n8n-expressions.mjs');
  const { engine, on, restart } = await n8nExpressions(installDir);
  const chunkOf = (a, b) =>
    `={{ $input.all().slice(${a}, ${b}).map(({ json: $json }) => (${EXPRESSION})) }}`;
  const timed = (fn) => {
    const t = performance.now();
    const value = fn();
    return { ms: performance.now() - t, value };
  };

  const items = Array.from({ length: ITEMS }, (_, i) => ({
    json: { ticket: `T-${i + 1}`, text: `${TEXT}(order ${i + 1})` },
  }));
  const { value, acquire, release } = on(items);
  await acquire();
  value(`={{ ${EXPRESSION} }}`, 0); // the engine's first evaluation compiles and warms up
  const each = timed(() => items.map((_, i) => value(`={{ ${EXPRESSION} }}`, i)));
  const rows = [{ how: 'item by item (the node)', items: ITEMS, ms: each.ms }];
  for (const size of CHUNKS) {
    const chunked = timed(() => {
      const out = [];
      for (let a = 0; a < ITEMS; a += size)
        out.push(...value(chunkOf(a, Math.min(ITEMS, a + size)), a));
      return out;
    });
    const same = chunked.value.every((v, i) => v === each.value[i]) ? 'yes' : 'no';
    rows.push({ how: `$input.all(), chunks of ${size}`, items: ITEMS, ms: chunked.ms, same });
  }
  await release();

  const large = [];
  for (const kb of [100, 400]) {
    await restart();
    const html = 'x'.repeat(kb * 1024);
    const big = on(
      Array.from({ length: 1_000 }, (_, i) => ({
        json: { ticket: `T-${i + 1}`, text: `order ${i + 1}`, html },
      })),
    );
    await big.acquire();
    const outcome = (fn) => {
      const t = performance.now();
      try {
        fn();
        return `${(performance.now() - t).toFixed(0)} ms`;
      } catch (error) {
        return `failed after ${(performance.now() - t).toFixed(0)} ms ("${error.message}")`;
      }
    };
    large.push({
      kb,
      chunk: outcome(() => big.value(chunkOf(0, 100), 0)),
      after: outcome(() => big.value(`={{ ${EXPRESSION} }}`, 7)),
    });
  }
  printAndExit({ engine, node: process.versions.node, rows, large });
}
