#!/usr/bin/env node
// classifaily-make generate [--out DIR] | check [--dir DIR] | deploy --zone Z --app NAME [--dry-run]
import path from 'node:path';
import { buildApp } from './app/build';
import { deploy, deployPlan, ZONES, type Zone } from './deploy';
import { DEFAULT_APP_DIR, generatedFiles, isStale, staleness, writeApp } from './generate';
import { checkApp } from './rules';

const USAGE = `Usage:
  classifaily-make generate [--out DIR]      write the Make app (default: ${path.relative(process.cwd(), DEFAULT_APP_DIR) || '.'})
  classifaily-make check [--dir DIR]         fail if the app folder is stale or breaks Make's format rules
  classifaily-make deploy --zone eu1|eu2|us1|us2 --app NAME [--dir DIR] [--dry-run]
                                             deploy through Make's API; token from MAKE_API_TOKEN`;

function parseArgs(argv: string[]): { command?: string; flags: Record<string, string | true> } {
  const [command, ...rest] = argv;
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = rest[i + 1];
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) flags[name] = (i++, next);
    else flags[name] = true;
  }
  return { command, flags };
}

const dirFlag = (value: string | true | undefined) =>
  typeof value === 'string' ? path.resolve(value) : DEFAULT_APP_DIR;

export async function main(
  argv: string[],
  io = {
    out: (s: string) => console.log(s),
    err: (s: string) => console.error(s),
    env: process.env,
  },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { command, flags } = parsed;
  if (command === 'generate') {
    const dir = dirFlag(flags.out);
    const count = writeApp(dir);
    io.out(`Wrote ${count} files to ${dir}`);
    return 0;
  }
  if (command === 'check') {
    const dir = dirFlag(flags.dir);
    const files = generatedFiles();
    const stale = staleness(dir, files);
    const violations = checkApp(buildApp(), files);
    for (const v of violations) io.err(`format: ${v.where}: ${v.rule}`);
    if (isStale(stale)) {
      for (const f of stale.missing) io.err(`missing: ${f}`);
      for (const f of stale.changed) io.err(`changed: ${f}`);
      for (const f of stale.extra) io.err(`extra: ${f}`);
      io.err(`The Make app in ${dir} is stale: run \`classifaily-make generate\`.`);
    }
    if (violations.length || isStale(stale)) return 1;
    io.out(
      `The Make app in ${dir} is up to date (${files.size} files) and follows Make's format rules.`,
    );
    return 0;
  }
  if (command === 'deploy') {
    const zone = flags.zone;
    const app = flags.app;
    if (
      typeof zone !== 'string' ||
      !(ZONES as readonly string[]).includes(zone) ||
      typeof app !== 'string'
    ) {
      io.err(`deploy needs --zone (${ZONES.join('|')}) and --app NAME\n${USAGE}`);
      return 2;
    }
    const dir = dirFlag(flags.dir);
    if (flags['dry-run']) {
      io.out(`Plan: deploy ${dir} to app "${app}" version 1 on https://${zone}.make.com/api/v2`);
      deployPlan(dir).forEach((step, i) =>
        io.out(`${String(i + 1).padStart(2)}. ${step.describe}`),
      );
      return 0;
    }
    const token = io.env.MAKE_API_TOKEN;
    if (!token) {
      io.err(
        'Set MAKE_API_TOKEN to a Make API token (Profile → API access) with the sdk-apps scopes.',
      );
      return 2;
    }
    try {
      const apiOrigin = typeof flags['api-origin'] === 'string' ? flags['api-origin'] : undefined;
      const count = await deploy({
        dir,
        zone: zone as Zone,
        app,
        token,
        apiOrigin,
        log: (l) => io.out(l),
      });
      io.out(`Deployed ${count} steps to ${app}.`);
      return 0;
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
  }
  io.err(USAGE);
  return command === undefined || command === 'help' || flags.help ? 0 : 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
