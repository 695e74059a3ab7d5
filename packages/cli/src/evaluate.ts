// `classifaily evaluate`: read the labelled file, classify what has no answer yet (resuming an
// interrupted run), compute the figures with core's metrics module, and print or write them.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClassifailyClient, DASHBOARD_KEYS_URL, DEFAULT_BASE_URL } from '@classifaily/core';
import { classifyPending, type Failure } from './classify';
import { CliError, describeError, EXIT } from './errors';
import { checkLabels, readLabelledFile } from './input';
import { progressOn, percentOf, type ProgressStream } from './progress';
import { openProgress, progressDir, type ProgressFile } from './progress-file';
import { reportHtml } from './report';
import { jsonOf, resultsOf } from './results';
import { startLocalSandbox } from './sandbox';
import { summaryText } from './summary';
import { VERSION } from './version';

export interface EvaluateArgs {
  file: string;
  categories?: string[];
  schema?: string;
  targetPrecision: number;
  out?: string;
  json: boolean;
  baseUrl?: string;
  explain: boolean;
  sandbox: boolean;
}

export interface Io {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Aborted on Ctrl-C: the run stops, keeps what it has, and says how to go on. */
  signal: AbortSignal;
}

export async function evaluate(args: EvaluateArgs, io: Io): Promise<number> {
  const apiKey = args.sandbox ? undefined : keyFrom(io.env);
  const labelled = readLabelledFile(args.file);
  const out = args.out === undefined ? undefined : reportPath(args.out);
  const sandbox = args.sandbox ? await startLocalSandbox() : undefined;
  try {
    const client = new ClassifailyClient({
      apiKey: sandbox?.apiKey ?? apiKey,
      baseUrl: sandbox?.url ?? args.baseUrl ?? DEFAULT_BASE_URL,
      userAgent: `classifaily-cli/${VERSION}`,
      // Core waits out the API's rate limit (classify.ts); the user sees each wait it asked for.
      onEvent: (event) => {
        if (event.type === 'throttle')
          io.stderr.write(
            `\nClassifaily's rate limit for this key is reached: waiting ${Math.round(event.delayMs / 1000)} s, then going on.\n`,
          );
      },
    });
    const categories = args.schema
      ? (await client.schemas.get(args.schema)).categories.map((category) => category.name)
      : args.categories!;
    checkLabels(args.file, labelled.rows, categories);

    const texts = labelled.rows.map((row) => row.text);
    const target = { categories: args.categories, schema: args.schema, explain: args.explain };
    const progressFile = openProgress(progressDir(io.env), {
      texts,
      ...target,
      api: sandbox ? 'sandbox' : client.baseUrl,
    });
    if (progressFile.resumed > 0)
      io.stderr.write(
        `Resuming: ${progressFile.resumed} of ${texts.length} texts were classified by an earlier run (${progressFile.path}).\n`,
      );
    await classifyAll(client, texts, target, progressFile, io, labelled.rows);

    const results = resultsOf(
      {
        file: args.file,
        columns: labelled.columns,
        categories,
        ...(args.schema ? { schema: args.schema } : {}),
        api: { sandbox: sandbox !== undefined, baseUrl: client.baseUrl },
      },
      labelled.rows,
      progressFile.answers,
      args.targetPrecision,
    );
    io.stdout.write(
      args.json ? `${JSON.stringify(jsonOf(results), null, 2)}\n` : summaryText(results),
    );
    if (out) {
      writeReport(out, reportHtml(results, VERSION), progressFile);
      (args.json ? io.stderr : io.stdout).write(`Report: ${out}\n`);
    }
    progressFile.remove();
    return EXIT.ok;
  } finally {
    await sandbox?.close();
  }
}

/** The key from the environment; core checks its shape (and trims what copy-paste adds). */
function keyFrom(env: NodeJS.ProcessEnv): string {
  const key = env.CLASSIFAILY_API_KEY;
  if (key === undefined || key.trim() === '')
    throw new CliError(
      'CLASSIFAILY_API_KEY is not set: the command needs your Classifaily API key.',
      `Create one at ${DASHBOARD_KEYS_URL}, then: export CLASSIFAILY_API_KEY=cai_live_… (or add --sandbox to try the command on the local sandbox, with no account).`,
    );
  return key;
}

/** The report's absolute path, refused before any text is classified if it cannot be written. */
function reportPath(out: string): string {
  const file = path.resolve(out);
  const folder = path.dirname(file);
  const isFolder = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  if (!isFolder(folder))
    throw new CliError(
      `--out ${out}: the folder ${folder} does not exist.`,
      'Create it, or give --out a file in a folder that exists.',
    );
  if (isFolder(file))
    throw new CliError(`--out ${out} is a folder: give a file name, such as report.html.`);
  return file;
}

async function classifyAll(
  client: ClassifailyClient,
  texts: readonly string[],
  target: { categories?: string[]; schema?: string; explain: boolean },
  progressFile: ProgressFile,
  io: Io,
  rows: ReadonlyArray<{ line: number }>,
): Promise<void> {
  const total = texts.length;
  if (progressFile.resumed === total) return;
  const keep = keeper(progressFile, io);
  const progress = progressOn(io.stderr, total, progressFile.resumed);
  // Kept at each whole percent: a crash loses at most a percent (and one round) of the work, and a
  // long run rewrites the file at most a hundred times.
  let kept = percentOf(progressFile.resumed, total);
  let failures: Failure[];
  try {
    failures = await classifyPending(client, texts, target, progressFile.answers, {
      signal: io.signal,
      onRound: (done) => {
        progress.update(done);
        const percent = percentOf(done, total);
        if (percent > kept && done < total) {
          kept = percent;
          keep();
        }
      },
    });
  } catch (error) {
    if (!io.signal.aborted) throw error;
    keep();
    const done = progressFile.answers.filter((answer) => answer !== null).length;
    throw new CliError(
      `Stopped: ${done} of ${total} texts are classified and kept in ${progressFile.path}.`,
      'Run the same command again to go on from there: what is kept is not sent again.',
      EXIT.interrupted,
    );
  } finally {
    progress.stop();
  }
  if (failures.length === 0) return;
  keep();
  throw failureError(failures, rows, progressFile, total);
}

/**
 * Keeps the answers received so far (none: no file). A cache folder that cannot be written costs
 * the resume, not the run: said once, on stderr.
 */
function keeper(progressFile: ProgressFile, io: Io): () => void {
  let warned = false;
  return () => {
    try {
      if (progressFile.answers.some((answer) => answer !== null)) progressFile.save();
      else progressFile.remove();
    } catch (error) {
      if (warned) return;
      warned = true;
      io.stderr.write(
        `classifaily: could not keep the progress in ${progressFile.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): an interrupted run will start over. Set XDG_CACHE_HOME to a folder you can write.\n`,
      );
    }
  };
}

/** The report; if it cannot be written, every answer is kept so that the next run sends nothing. */
function writeReport(file: string, html: string, progressFile: ProgressFile): void {
  try {
    writeFileSync(file, html);
  } catch (error) {
    progressFile.save();
    throw new CliError(
      `Could not write the report to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      'Give --out a file in a folder you can write; the texts classified are kept, so running again sends nothing.',
    );
  }
}

/** The texts a round could not classify, grouped by what went wrong, and how to go on. */
function failureError(
  failures: readonly Failure[],
  rows: ReadonlyArray<{ line: number }>,
  progressFile: ProgressFile,
  total: number,
): CliError {
  const groups = new Map<string, { text: string; lines: number[] }>();
  for (const { index, error } of failures) {
    const key = `${error.message}\n${error.hint}`;
    const group = groups.get(key) ?? { text: describeError(error).text, lines: [] };
    group.lines.push(rows[index]!.line);
    groups.set(key, group);
  }
  const done = progressFile.answers.filter((answer) => answer !== null).length;
  const lines = (list: number[]) =>
    list.length > 10
      ? `lines ${list.slice(0, 10).join(', ')} … (${list.length} texts)`
      : `line${list.length > 1 ? 's' : ''} ${list.join(', ')}`;
  return new CliError(
    [
      `${failures.length} of ${total} texts could not be classified:`,
      ...[...groups.values()].map((group) => `  ${group.text} (${lines(group.lines)})`),
    ].join('\n'),
    done > 0
      ? `The ${done} texts classified so far are kept in ${progressFile.path}: run the same command again to classify the rest; they are not sent again.`
      : 'Run the same command again once this is fixed.',
  );
}
