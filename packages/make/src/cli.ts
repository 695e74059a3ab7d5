#!/usr/bin/env node
// classifaily-make generate | check | deploy. Arguments are parsed strictly (node:util parseArgs):
// an unknown flag or a flag without its value exits 2 with the usage, before anything is touched.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkFolder } from './check';
import { deploy, deployPlan, deployProblems, ZONES } from './deploy';
import {
  appNameProblem,
  DEFAULT_APP_DIR,
  DEV_APP_DIR,
  generatedFiles,
  origin,
  readManifest,
  writeApp,
} from './generate';
import { MAKECOMAPP } from './layout';

const rel = (dir: string) => path.relative(process.cwd(), dir) || '.';
const USAGE = `Usage:
  classifaily-make generate [--out DIR] [--dev] [--zone ZONE --app NAME]
      Write the Make app to DIR (default ${rel(DEFAULT_APP_DIR)}; with --dev ${rel(DEV_APP_DIR)}).
      DIR must be new, empty or a Classifaily app; only the app's own files are written.
      --dev: a development build, whose connection also takes http://localhost (the sandbox).
      --zone/--app: the Make app the folder deploys to (makecomapp.json "origins").
  classifaily-make check [--dir DIR] [--dev]
      Check the folder against Make's JSON schemas, and that it is what generate writes.
  classifaily-make deploy [--dir DIR] [--zone ZONE --app NAME] [--api-origin URL] [--dry-run]
      Check the folder, then deploy it through Make's API (token from MAKE_API_TOKEN). The app and
      zone default to the folder's first origin; ZONE is one of ${ZONES.join(', ')}.
  classifaily-make --help
Make's JSON schemas are read from MAKE_SCHEMAS_DIR, else shared/make-schemas beside the repo, else the
cache that \`pnpm --filter @classifaily/make schemas:fetch\` fills.`;

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const OPTIONS = {
  generate: { out: str, dev: bool, zone: str, app: str },
  check: { dir: str, dev: bool },
  deploy: { dir: str, zone: str, app: str, 'api-origin': str, 'dry-run': bool },
};
type Values = { [flag: string]: string | boolean | undefined };

class UsageError extends Error {}

const out = (line: string) => console.log(line);
const err = (line: string) => console.error(line);

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (
    command === undefined ||
    ['help', '--help', '-h'].includes(command) ||
    args.includes('--help')
  ) {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    if (!Object.hasOwn(OPTIONS, command)) throw new UsageError(`Unknown command "${command}".`);
    let values: Values;
    try {
      values = parseArgs({
        args,
        options: OPTIONS[command as keyof typeof OPTIONS],
        strict: true,
      }).values as Values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const flag = values[command === 'generate' ? 'out' : 'dir'];
    const dir =
      typeof flag === 'string' ? path.resolve(flag) : values.dev ? DEV_APP_DIR : DEFAULT_APP_DIR;
    const dev = values.dev === true;
    if (command === 'generate') {
      const chosen = target(values);
      const origins = chosen ? [chosen] : readManifest(dir)?.origins;
      const count = writeApp(dir, generatedFiles({ dev, origins }));
      out(`Wrote ${count} files to ${dir}${dev ? ' (development build)' : ''}.`);
      return 0;
    }
    if (command === 'check') {
      const problems = checkFolder(dir, { dev });
      problems.forEach(err);
      if (!problems.length)
        out(`The Make app in ${dir} is valid against Make's schemas and up to date.`);
      return problems.length ? 1 : 0;
    }
    return await deployCommand(dir, values);
  } catch (e) {
    err((e as Error).message);
    if (!(e instanceof UsageError)) return 1;
    err(USAGE);
    return 2;
  }
}

/** The origin `--zone` and `--app` name, if given. */
function target({ zone, app }: Values) {
  if (zone === undefined && app === undefined) return undefined;
  if (typeof zone !== 'string' || typeof app !== 'string')
    throw new UsageError('--zone and --app go together.');
  if (!(ZONES as readonly string[]).includes(zone))
    throw new UsageError(`--zone must be one of ${ZONES.join(', ')}, not "${zone}".`);
  const problem = appNameProblem(app);
  if (problem) throw new UsageError(problem);
  return origin(zone, app);
}

async function deployCommand(dir: string, values: Values): Promise<number> {
  const to = target(values) ?? readManifest(dir)?.origins?.[0];
  if (!to && !existsSync(path.join(dir, MAKECOMAPP)))
    throw new Error(`${dir} is not a Make app folder: it has no ${MAKECOMAPP}.`);
  if (!to) throw new UsageError(`Say where to deploy: --zone and --app (${dir} names no origin).`);
  const apiOrigin =
    typeof values['api-origin'] === 'string' ? values['api-origin'] : new URL(to.baseUrl).origin;
  const options = { dir, app: to.appId, apiOrigin };
  if (values['dry-run']) {
    const problems = deployProblems(options);
    problems.forEach(err);
    if (problems.length) return 1;
    out(`Plan: deploy ${dir} to app "${to.appId}" version 1 on ${apiOrigin}/api/v2`);
    deployPlan(dir).forEach((step, i) => out(`${String(i + 1).padStart(2)}. ${step.describe}`));
    return 0;
  }
  const token = process.env.MAKE_API_TOKEN;
  if (!token)
    throw new UsageError(
      'Set MAKE_API_TOKEN to a Make API token (Profile → API access) with the sdk-apps scopes.',
    );
  const count = await deploy({ ...options, token, log: (l) => out(l) });
  out(`Deployed ${count} steps to ${to.appId}.`);
  return 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code));
