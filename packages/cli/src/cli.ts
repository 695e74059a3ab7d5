#!/usr/bin/env node
// classifaily evaluate <file.csv|file.jsonl> (--categories a,b,c | --schema sch_…) [options]
// Arguments are parsed strictly (node:util parseArgs): a mistake on the command line exits 2 with
// the usage, before the file is read or anything is sent. Results go to stdout, progress and
// errors to stderr; an error is a message and what to do, never a stack trace.
import { parseArgs } from 'node:util';
import { DEFAULT_TARGET_PRECISION, parseCategoryList, targetError } from '@classifaily/core';
import { describeError, EXIT, UsageError } from './errors';
import { evaluate, type EvaluateArgs } from './evaluate';
import { MAX_INPUT_BYTES } from './input';
import { VERSION } from './version';

export const USAGE = `Usage:
  classifaily evaluate <file.csv|file.jsonl> (--categories a,b,c | --schema sch_…) [options]

  Classifies your labelled texts and tells you which Review Threshold to use: the lowest
  confidence at which the answers acted on automatically are right often enough.

  The file: CSV with a header row, or JSON Lines; the text in a column "text" (or "input"), the
  label a person gave in "label" (or "expected"). At most ${MAX_INPUT_BYTES / 1024 / 1024} MiB, UTF-8.

  --categories a,b,c       the categories to classify into (every label must be one of them)
  --schema sch_…           or a saved schema's categories
  --target-precision P     the precision the threshold must reach, 0 to 1 (default ${DEFAULT_TARGET_PRECISION})
  --out report.html        also write a report page (a chart, the tables, the worst mistakes)
  --json                   print the figures as one JSON object
  --explain                ask for an explanation of each answer (shown with the mistakes)
  --base-url URL           the API (default https://api.classifaily.com)
  --sandbox                classify on a local sandbox instead: no account, no key (needs
                           the package @classifaily/sandbox)

  The API key is read from CLASSIFAILY_API_KEY. An interrupted run goes on where it stopped
  when run again; texts already classified are not billed again.

  classifaily --help | --version`;

const OPTIONS = {
  categories: { type: 'string' },
  schema: { type: 'string' },
  'target-precision': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  explain: { type: 'boolean' },
  'base-url': { type: 'string' },
  sandbox: { type: 'boolean' },
  help: { type: 'boolean' },
  version: { type: 'boolean' },
} as const;

type Parsed =
  { command: 'help' } | { command: 'version' } | { command: 'evaluate'; args: EvaluateArgs };

export function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, file, ...rest] = positionals;
  if (command === undefined) throw new UsageError('Give a command: classifaily evaluate <file>.');
  if (command !== 'evaluate') throw new UsageError(`Unknown command "${command}".`);
  if (file === undefined)
    throw new UsageError('Give the labelled file: classifaily evaluate <file.csv|file.jsonl>.');
  if (rest.length) throw new UsageError(`One file at a time (also given: ${rest.join(' ')}).`);
  if (values.categories !== undefined && values.schema !== undefined)
    throw new UsageError('Give --categories or --schema, not both.');
  if (values.categories === undefined && values.schema === undefined)
    throw new UsageError('Give the categories: --categories a,b,c or --schema sch_….');
  if (values.sandbox && values['base-url'] !== undefined)
    throw new UsageError('Give --sandbox or --base-url, not both.');
  const categories =
    values.categories === undefined ? undefined : parseCategoryList(values.categories);
  // core's rules for a category list and a schema ID, with core's words.
  const refused = targetError({ categories, schema: values.schema });
  if (refused)
    throw new UsageError(`${values.schema ? '--schema' : '--categories'}: ${refused.message}`);
  return {
    command: 'evaluate',
    args: {
      file,
      ...(categories ? { categories } : {}),
      ...(values.schema ? { schema: values.schema } : {}),
      targetPrecision: targetPrecision(values['target-precision']),
      ...(values.out !== undefined ? { out: values.out } : {}),
      json: values.json === true,
      ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
      explain: values.explain === true,
      sandbox: values.sandbox === true,
    },
  };
}

function targetPrecision(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TARGET_PRECISION;
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || number > 1)
    throw new UsageError(
      `--target-precision ${value}: give a share between 0 and 1, such as 0.95 for 95%.`,
    );
  return number;
}

export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    // A second Ctrl-C does not wait for the run to stop.
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onInterrupt);
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (parsed.command === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    return await evaluate(parsed.args, {
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
    });
  } catch (error) {
    const { text, exitCode } = describeError(error);
    process.stderr.write(`classifaily: ${text}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
    return exitCode;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
