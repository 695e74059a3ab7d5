// The benchmark's stand-in API, in its own process (as a real server would be), so that its work
// does not share the client's event loop. Answers classify and batch after a fixed added latency.
// Started by run.mjs with fork(): it reports its port over IPC and answers `count` messages.
import http from 'node:http';

const latencyMs = Number(process.argv[2] ?? 0);
let requests = 0;

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    requests++;
    const reply = () => {
      let payload;
      if (req.url === '/v1/classify/batch') {
        const { items } = JSON.parse(body);
        const results = items.map((item, index) => ({
          index,
          id: item.id,
          status: 'completed',
          result: { label: 'billing', confidence: 0.9 },
        }));
        payload = {
          id: 'b',
          status: 'completed',
          type: 'batch',
          results,
          summary: { total: results.length, succeeded: results.length, failed: 0 },
        };
      } else {
        payload = {
          id: '42',
          status: 'completed',
          type: 'text',
          result: { label: 'billing', confidence: 0.9 },
        };
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': `req_${requests}` });
      res.end(JSON.stringify(payload));
    };
    if (latencyMs > 0) setTimeout(reply, latencyMs);
    else reply();
  });
});

process.on('message', (message) => {
  if (message === 'count') process.send({ requests });
  if (message === 'close') server.close(() => process.exit(0));
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
