#!/usr/bin/env node
// What a release would do, checked before it can go wrong (decision 0505). A release publishes to
// npm only from GitHub, so nothing here can be tried for real: these are the mistakes that would
// make it fail or publish the wrong thing, read from the files that decide them.
//   - The release runs only after CI passed, on the commit CI tested: `workflow_run` of the CI
//     workflow, conclusion success, that run's head_sha checked out.
//   - npm gets its token the way actions/setup-node's .npmrc reads it: NODE_AUTH_TOKEN.
//   - Each published package asks npm for provenance itself (publishConfig.provenance), which n8n's
//     verification needs, and the job may mint the OIDC token for it (id-token: write).
//   - A package never released (version 0.0.0) comes out of the pending changesets as FIRST_VERSION,
//     the version its README and CHANGELOG name as the first release.
//
//   node scripts/check-release.mjs [--root DIR]   exit 1 on any problem (part of `pnpm lint`)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import getReleasePlanModule from '@changesets/get-release-plan';
import { parse } from 'yaml';
import { workspacePackages } from './check-publish.mjs';

export const FIRST_VERSION = '0.1.0';
export const UNRELEASED = '0.0.0';
const getReleasePlan = getReleasePlanModule.default ?? getReleasePlanModule;

const steps = (workflow) =>
  Object.values(workflow?.jobs ?? {}).flatMap((job) =>
    (job.steps ?? []).map((step) => ({ job, step })),
  );
const uses = (step, action) => String(step.uses ?? '').startsWith(`${action}@`);
const publishes = (step) =>
  uses(step, 'changesets/action') ||
  /\b(npm|pnpm|changeset) publish\b/.test(String(step.run ?? ''));

/** The release workflow (parsed YAML) against the three rules it must keep. */
export function checkReleaseWorkflow(workflow, { ciWorkflowName }) {
  const problems = [];
  const on = workflow?.on ?? {};
  const run = on.workflow_run;
  const afterCi =
    run &&
    [].concat(run.workflows ?? []).includes(ciWorkflowName) &&
    [].concat(run.types ?? []).includes('completed') &&
    [].concat(run.branches ?? []).includes('main');
  if (!afterCi || Object.keys(on).some((event) => event !== 'workflow_run'))
    problems.push(
      `the release must start only when the "${ciWorkflowName}" workflow completes on main (on: workflow_run, types [completed], branches [main]), and on nothing else: it would publish a commit CI has not passed`,
    );
  const publishing = steps(workflow).filter(({ step }) => publishes(step));
  if (publishing.length === 0) problems.push('no step publishes (changesets/action or a publish)');
  for (const { job, step } of publishing) {
    if (!/workflow_run\.conclusion\s*==\s*'success'/.test(String(job.if ?? '')))
      problems.push(
        `the publishing job must run only if CI succeeded: if: github.event.workflow_run.conclusion == 'success'`,
      );
    const checkout = (job.steps ?? []).find((s) => uses(s, 'actions/checkout'));
    if (!/workflow_run\.head_sha/.test(String(checkout?.with?.ref ?? '')))
      problems.push(
        'the publishing job must check out the commit CI tested: actions/checkout with ref: ${{ github.event.workflow_run.head_sha }}',
      );
    const setupNode = (job.steps ?? []).find((s) => uses(s, 'actions/setup-node'));
    if (setupNode?.with?.['registry-url'] && !/secrets\./.test(String(step.env?.NODE_AUTH_TOKEN)))
      problems.push(
        `"${step.name ?? step.uses ?? step.run}" publishes without NODE_AUTH_TOKEN: the .npmrc that actions/setup-node writes for registry-url reads the token from NODE_AUTH_TOKEN (set it from the npm token secret), so npm would answer 404`,
      );
    const permissions = job.permissions ?? workflow.permissions ?? {};
    if (permissions['id-token'] !== 'write')
      problems.push('the publishing job needs permissions id-token: write for npm provenance');
  }
  return problems;
}

/** Each package a release publishes asks for provenance in its own manifest. */
export function checkProvenance(packages) {
  return packages
    .filter(({ manifest }) => !manifest.private)
    .filter(({ manifest }) => manifest.publishConfig?.provenance !== true)
    .map(
      ({ manifest, rel }) =>
        `${manifest.name} (${rel}) needs publishConfig.provenance true: an environment variable can be lost between changesets and pnpm, a manifest field is not`,
    );
}

/**
 * The version a text calls the first release: "- **0.1.0**: first release" (a README's list), or a
 * "## 0.1.0" section that says "first release" (a CHANGELOG changesets wrote).
 */
export function firstReleaseNamed(text) {
  const inline = [...text.matchAll(/(\d+\.\d+\.\d+)\W{0,8}first release/gi)].map((m) => m[1]);
  const sections = text
    .split(/^(?=#{1,3} +\d+\.\d+\.\d+)/m)
    .filter((section) => /first release/i.test(section))
    .map((section) => section.match(/^#{1,3} +(\d+\.\d+\.\d+)/)?.[1])
    .filter(Boolean);
  return [...new Set([...inline, ...sections])];
}

/**
 * Versions as the pending changesets would make them (`releases`, changesets' own plan): a package
 * still at UNRELEASED must come out as FIRST_VERSION, and every README or CHANGELOG that names its
 * first release must name that one.
 */
export function checkFirstVersions(packages, releases) {
  const problems = [];
  for (const { manifest, rel, dir } of packages) {
    const next = releases.find((r) => r.name === manifest.name)?.newVersion ?? manifest.version;
    if (manifest.version === UNRELEASED && next !== FIRST_VERSION)
      problems.push(
        `${manifest.name} (${rel}) is not released yet, but its pending changesets would make its first version ${next}, not ${FIRST_VERSION} (a first release is minor; a major bump would make it 1.0.0)`,
      );
    const first = manifest.version === UNRELEASED ? FIRST_VERSION : undefined;
    for (const file of ['README.md', 'CHANGELOG.md']) {
      const full = path.join(dir, file);
      if (!existsSync(full)) continue;
      for (const named of firstReleaseNamed(readFileSync(full, 'utf8')))
        if (first && named !== first)
          problems.push(
            `${rel}/${file} calls ${named} the first release; the release would publish ${first}`,
          );
    }
  }
  return problems;
}

export async function checkRelease(root, log = console.log) {
  const packages = workspacePackages(root);
  const read = (rel) => parse(readFileSync(path.join(root, rel), 'utf8'));
  const ciWorkflowName = read('.github/workflows/ci.yml').name;
  const { releases } = await getReleasePlan(root);
  const problems = [
    ...checkReleaseWorkflow(read('.github/workflows/release.yml'), { ciWorkflowName }),
    ...checkProvenance(packages),
    ...checkFirstVersions(packages, releases),
  ];
  for (const problem of problems) log(`✗ ${problem}`);
  if (!problems.length) {
    const planned = releases.map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion}`).join(', ');
    log(`✓ release: after CI, NODE_AUTH_TOKEN, provenance; next versions: ${planned || 'none'}`);
  }
  return problems.length === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { root: { type: 'string' } }, strict: true });
  const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  process.exit((await checkRelease(path.resolve(values.root ?? repoRoot))) ? 0 : 1);
}
