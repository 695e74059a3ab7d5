#!/usr/bin/env node
// classifaily-make generate | check | deploy. Arguments are parsed strictly (node:util parseArgs):
// an unknown flag or a flag without its value exits 2 with the usage, before anything is touched.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkFolder, loadMakeSchemas } from './check';
import { deploy, deployPlan, deployProblems, ZONES } from './deploy';
import { MAKECOMAPP } from './layout';
import type { MakeOrigin } from './make-format';
import {
  DEFAULT_APP_DIR,
  DEV_APP_DIR,
  generatedFiles,
  isStale,
  origin,
  readManifest,
  staleness,
  writeApp,
} from './generate';

const rel = (dir: string) => path.relative(process.cwd(), dir) || '.';
const USAGE = `Usage:
  classifaily-make generate [--out DIR] [--dev] [--zone ZONE --app NAME]
      Write the Make app to DIR (default ${rel(DEFAULT_APP_DIR)}; with --dev ${rel(DEV_APP_DIR)}).
      DIR must be new, empty or a Classifaily app; only the app's own files are written.
      --dev: a development build, whose connection also takes http://localhost (the sandbox).
      --zone/--app: the Make app the folder deploys to (makecomapp.json "origins").
  classifaily-make check [--dir DIR] [--dev]
      Check the folder against Make's JSON schemas and the app's rules, and that it is up to date.
  classifaily-make deploy [--dir DIR] [--zone ZONE --app NAME] [--api-origin URL] [--dry-run]
      Check the folder, then deploy it through Make's API (token from MAKE_API_TOKEN). The app and
      zone default to the folder's first origin; ZONE is one of ${ZONES.join(', ')}.
  classifaily-make --help
Make's JSON schemas are read from MAKE_SCHEMAS_DIR (default: shared/make-schemas beside the repo).`;

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const OPTIONS = {
  generate: { out: str, dev: bool, zone: str, app: str },
  check: { dir: str, dev: bool },
  deploy: { dir: str, zone: str, app: str, 'api-origin': str, 'dry-run': bool },
} satisfies Record<string, ParseArgsConfig['options']>;

class UsageError extends Error {}

type Io = { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv };
const defaultIo: Io = {
  out: (s) => console.log(s),
  err: (s) => console.error(s),
  env: process.env,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (
    command === undefined ||
    ['help', '--help', '-h'].includes(command) ||
    rest.includes('--help')
  ) {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    if (!(command in OPTIONS)) throw new UsageError(`Unknown command "${command}".`);
    const options = OPTIONS[command as keyof typeof OPTIONS];
    let values: Record<string, string | boolean | undefined>;
    try {
      values = parseArgs({ args: rest, options, strict: true, allowPositionals: false })
        .values as typeof values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const dir = (flag: unknown) =>
      typeof flag === 'string' ? path.resolve(flag) : values.dev ? DEV_APP_DIR : DEFAULT_APP_DIR;
    if (command === 'generate') return generate(dir(values.out), values, io);
    if (command === 'check') return check(dir(values.dir), values.dev === true, io);
    return await deployCommand(dir(values.dir), values, io);
  } catch (e) {
    io.err((e as Error).message);
    if (!(e instanceof UsageError)) return 1;
    io.err(USAGE);
    return 2;
  }
}

function target(values: Record<string, unknown>): MakeOrigin | undefined {
  const { zone, app } = values;
  if (zone === undefined && app === undefined) return undefined;
  if (typeof zone !== 'string' || typeof app !== 'string')
    throw new UsageError('--zone and --app go together.');
  if (!(ZONES as readonly string[]).includes(zone))
    throw new UsageError(`--zone must be one of ${ZONES.join(', ')}, not "${zone}".`);
  return origin(zone, app);
}

function generate(dir: string, values: Record<string, unknown>, io: Io): number {
  const chosen = target(values);
  const kept = readManifest(dir)?.origins;
  const origins = chosen ? [chosen] : Array.isArray(kept) && kept.length ? kept : undefined;
  const count = writeApp(dir, generatedFiles({ dev: values.dev === true, origins }));
  io.out(`Wrote ${count} files to ${dir}${values.dev ? ' (development build)' : ''}.`);
  return 0;
}

function check(dir: string, dev: boolean, io: Io): number {
  const problems = checkFolder(dir, { dev, schemas: loadMakeSchemas() });
  for (const p of problems) io.err(p);
  const stale = problems.length ? undefined : staleness(dir, { dev });
  if (stale && isStale(stale)) {
    for (const f of stale.missing) io.err(`missing: ${f}`);
    for (const f of stale.changed) io.err(`changed: ${f}`);
    for (const f of stale.extra) io.err(`extra: ${f}`);
    io.err(
      `The Make app in ${dir} is stale: run \`classifaily-make generate${dev ? ' --dev' : ''}\`.`,
    );
  }
  if (problems.length || !stale || isStale(stale)) return 1;
  io.out(`The Make app in ${dir} is valid against Make's schemas and up to date.`);
  return 0;
}

async function deployCommand(
  dir: string,
  values: Record<string, unknown>,
  io: Io,
): Promise<number> {
  const to = target(values) ?? readManifest(dir)?.origins?.[0];
  if (!to && !existsSync(path.join(dir, MAKECOMAPP)))
    throw new Error(`${dir} is not a Make app folder: it has no ${MAKECOMAPP}.`);
  if (!to) throw new UsageError(`Say where to deploy: --zone and --app (${dir} names no origin).`);
  const apiOrigin =
    typeof values['api-origin'] === 'string' ? values['api-origin'] : new URL(to.baseUrl).origin;
  const options = { dir, app: to.appId, apiOrigin };
  if (values['dry-run']) {
    const problems = deployProblems(options);
    for (const p of problems) io.err(p);
    if (problems.length) return 1;
    io.out(`Plan: deploy ${dir} to app "${to.appId}" version 1 on ${apiOrigin}/api/v2`);
    deployPlan(dir).forEach((step, i) => io.out(`${String(i + 1).padStart(2)}. ${step.describe}`));
    return 0;
  }
  const token = io.env.MAKE_API_TOKEN;
  if (!token)
    throw new UsageError(
      'Set MAKE_API_TOKEN to a Make API token (Profile → API access) with the sdk-apps scopes.',
    );
  const count = await deploy({ ...options, token, log: (l) => io.out(l) });
  io.out(`Deployed ${count} steps to ${to.appId}.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
