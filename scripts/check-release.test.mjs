// The release check fails on each mistake that would make a release publish without its token,
// without provenance, or before CI passed, and on a first version its docs do not name: the real
// workflow, broken one way at a time.
//   node --test scripts/check-release.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  checkFirstVersions,
  checkProvenance,
  checkReleaseWorkflow,
  firstReleaseNamed,
} from './check-release.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workflow = () =>
  parse(readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8'));
const ci = parse(readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).name;
const check = (wf) => checkReleaseWorkflow(wf, { ciWorkflowName: ci }).join('\n');
const publishStep = (wf) => wf.jobs.release.steps.find((s) => s.uses?.startsWith('changesets/'));

describe('the release workflow', () => {
  it('as checked in: no problem', () => {
    assert.equal(check(workflow()), '');
  });

  it('the token only as NPM_TOKEN, which setup-node’s .npmrc does not read', () => {
    const wf = workflow();
    delete publishStep(wf).env.NODE_AUTH_TOKEN;
    assert.match(
      check(wf),
      /publishes without NODE_AUTH_TOKEN: the \.npmrc that actions\/setup-node writes/,
    );
  });

  it('started by a push, beside CI instead of after it', () => {
    const wf = workflow();
    wf.on = { push: { branches: ['main'] } };
    assert.match(check(wf), /must start only when the "CI" workflow completes on main/);
  });

  it('after CI, but also on a push', () => {
    const wf = workflow();
    wf.on.push = { branches: ['main'] };
    assert.match(check(wf), /and on nothing else/);
  });

  it('after any CI run, failed ones too', () => {
    const wf = workflow();
    delete wf.jobs.release.if;
    assert.match(check(wf), /only if CI succeeded/);
  });

  it('after CI, but checking out main instead of the commit CI tested', () => {
    const wf = workflow();
    wf.jobs.release.steps.find((s) => s.uses?.startsWith('actions/checkout')).with.ref = 'main';
    assert.match(check(wf), /check out the commit CI tested/);
  });

  it('without id-token: write, npm cannot attach provenance', () => {
    const wf = workflow();
    delete wf.permissions['id-token'];
    assert.match(check(wf), /id-token: write/);
  });
});

describe('provenance in each published manifest', () => {
  const pkg = (manifest) => ({ manifest, rel: 'packages/x', dir: '/nowhere' });
  it('a published package without publishConfig.provenance', () => {
    const problems = checkProvenance([
      pkg({ name: 'a', publishConfig: { access: 'public' } }),
      pkg({ name: 'b', publishConfig: { provenance: true } }),
      pkg({ name: 'c', private: true }),
    ]);
    assert.deepEqual(problems.length, 1);
    assert.match(problems[0], /^a \(packages\/x\) needs publishConfig\.provenance true/);
  });
});

describe('the first version', () => {
  const pkg = (name, version) => ({
    manifest: { name, version },
    rel: `packages/${name}`,
    dir: root,
  });
  it('an unreleased package whose changesets would make it 0.2.0 or 1.0.0', () => {
    const problems = checkFirstVersions(
      [pkg('a', '0.0.0'), pkg('b', '0.0.0'), pkg('c', '0.0.0')],
      [
        { name: 'a', newVersion: '0.1.0' },
        { name: 'b', newVersion: '1.0.0' },
      ],
    );
    assert.equal(problems.length, 2);
    assert.match(
      problems[0],
      /^b \(packages\/b\) is not released yet, .* first version 1\.0\.0, not 0\.1\.0/,
    );
    assert.match(problems[1], /^c .* first version 0\.0\.0/);
  });

  it('reads the first release a README or CHANGELOG names', () => {
    assert.deepEqual(firstReleaseNamed('- **0.1.0**: first release: Classify'), ['0.1.0']);
    assert.deepEqual(
      firstReleaseNamed('## 0.2.0\n\n### Minor Changes\n\n- First release of the app'),
      ['0.2.0'],
    );
    assert.deepEqual(firstReleaseNamed('nothing here'), []);
  });
});

it('the command on this repository: exit 0, and it names the versions a release would publish', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/check-release.mjs')], {
    encoding: 'utf8',
  });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /n8n-nodes-classifaily 0\.0\.0 → 0\.1\.0/);
});
