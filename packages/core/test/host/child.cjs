// One client call in a fresh `node`, made the way a user's script makes it: it loads core's built
// dist, runs the call described on stdin (JSON), prints exactly one JSON line — {"result": …} or
// {"error": {…}} — and ends on its own. No process.exit and no timer of its own (the abort timer is
// unref'd), so a client that leaves nothing for Node to wait on ends this process silently: the
// failure the host-process suite exists to catch.
'use strict';
const util = require('node:util');

let scenario;
let core;

function errorJson(error) {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const e = error;
  return {
    name: e.name,
    classifaily: error instanceof core.ClassifailyError,
    message: e.message,
    hint: e.hint,
    code: e.code,
    status: e.status,
    requestId: e.requestId,
    retryable: e.retryable,
    retryAfterMs: e.retryAfterMs,
    fieldErrors: e.fieldErrors,
    formatted:
      error instanceof core.ClassifailyError && core.formatError ? core.formatError(e) : undefined,
    inspected: util.inspect(e, { showHidden: true, depth: 6 }),
  };
}

const outcomeJson = (o) =>
  o.ok
    ? { index: o.index, id: o.id, ok: true, label: o.result.label }
    : { index: o.index, id: o.id, ok: false, error: errorJson(o.error) };

async function run() {
  const controller = new AbortController();
  if (scenario.abortAfterMs !== undefined)
    setTimeout(
      () => controller.abort(new Error('cancelled by the caller')),
      scenario.abortAfterMs,
    ).unref();
  // Or `abortInWaitMs` after the client starts waiting to retry, whatever the machine's speed.
  const inWait = scenario.abortInWaitMs;
  const onEvent = (event) => {
    if (event.type === 'retry')
      setTimeout(() => controller.abort(new Error('cancelled by the caller')), inWait).unref();
  };
  const watched = scenario.abortAfterMs !== undefined || inWait !== undefined;
  const signal = watched ? controller.signal : undefined;
  const client = new core.ClassifailyClient({
    baseUrl: scenario.baseUrl,
    ...scenario.client,
    ...(inWait === undefined ? {} : { onEvent }),
  });
  const [params, options] = scenario.args ?? [];
  switch (scenario.call) {
    case 'classify':
      return client.classify(params, { ...options, signal });
    case 'classifyBatch':
      return client.classifyBatch(params, { ...options, signal });
    case 'me':
      return client.me({ ...options, signal });
    case 'classifyMany':
      return (await client.classifyMany(params, { ...options, signal })).map(outcomeJson);
    case 'queue': {
      // Items with a target each, as the n8n node adds them: { items: [{ input, id, target }] }.
      const queue = client.batchQueue({ ...options, signal });
      const pending = params.items.map(({ target, ...item }) => queue.add(item, target));
      await queue.flush();
      return (await Promise.all(pending)).map(outcomeJson);
    }
    default:
      throw new Error(`unknown call ${scenario.call}`);
  }
}

// maxRSS (KiB): how much memory the process ever held, to prove an answer was not read whole.
const print = (line) =>
  process.stdout.write(
    JSON.stringify({ ...line, node: process.version, maxRssKb: process.resourceUsage().maxRSS }) +
      '\n',
  );
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  // JSON has no NaN or Infinity: the parent spells them as words.
  scenario = JSON.parse(input, (_key, value) =>
    value === '__NaN__' ? NaN : value === '__Infinity__' ? Infinity : value,
  );
  core = require(scenario.dist);
  run().then(
    (result) => print({ result }),
    (error) => print({ error: errorJson(error) }),
  );
});
