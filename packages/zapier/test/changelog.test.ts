// `zapier-platform promote <version>` reads packages/zapier/CHANGELOG.md: the section of that
// version, and Zapier's changelog metadata in it (lines starting with Fix/Update/New that name an
// action as create/<key>, search/<key>, trigger/<key>). The file is written by the release
// workflow's `changeset version` from .changeset/*.md. This runs that step on a copy of the
// workspace's manifests and reads the result with the Zapier CLI's own parser.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getVersionChangelog } = require(
  require.resolve('zapier-platform-cli/src/utils/changelog.js'),
) as {
  getVersionChangelog(
    version: string,
    appDir: string,
  ): Promise<{
    changelog: string;
    appMetadata?: { app_change_type: string; action_key: string; action_type: string }[];
  }>;
};

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'classifaily-changesets-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml'])
    cpSync(path.join(root, file), path.join(copy, file));
  cpSync(path.join(root, '.changeset'), path.join(copy, '.changeset'), { recursive: true });
  for (const name of readdirSync(path.join(root, 'packages'))) {
    mkdirSync(path.join(copy, 'packages', name), { recursive: true });
    for (const file of ['package.json', 'CHANGELOG.md']) {
      try {
        cpSync(path.join(root, 'packages', name, file), path.join(copy, 'packages', name, file));
      } catch {
        // a package without a changelog yet
      }
    }
  }
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('after `changeset version`, zapier promote finds the new version’s changelog and its action metadata', async () => {
  execFileSync(path.join(root, 'node_modules/.bin/changeset'), ['version'], {
    cwd: copy,
    stdio: 'pipe',
  });
  const appDir = path.join(copy, 'packages', 'zapier');
  const { version } = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const { changelog, appMetadata } = await getVersionChangelog(version, appDir);
  expect(changelog).toMatch(/Fix create\/classifyBatch/);
  expect(appMetadata).toEqual(
    expect.arrayContaining([
      { app_change_type: 'BUGFIX', action_key: 'classifyBatch', action_type: 'write' },
      { app_change_type: 'FEATURE_UPDATE', action_key: 'findSchema', action_type: 'search' },
    ]),
  );
}, 60_000);
