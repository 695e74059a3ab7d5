// The local progress file of a run (decision 0602): the answers received so far, so that a run that
// was interrupted (Ctrl-C, a crash, a network that went away) goes on where it stopped. It lives in
// the user's cache folder, named by a digest of what decides the answers — the texts in their
// order, the categories or schema, explain, and the API — so that a changed text, another category
// list or another API never reuses an answer; changed labels do (they are not sent). Written whole
// to a temporary file and renamed over the old one, so it is never half-written; removed when the
// run completes.
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Answer {
  label: string;
  confidence: number;
  explanation?: string;
}

/** What decides the answers a run gets. */
export interface RunIdentity {
  texts: readonly string[];
  categories?: readonly string[];
  schema?: string;
  explain: boolean;
  /** The API's base URL, or "sandbox" for --sandbox (whose port changes from run to run). */
  api: string;
}

export interface ProgressFile {
  path: string;
  /** One per text, in file order; null until it has its answer. */
  answers: Array<Answer | null>;
  /** How many answers the file held when the run started. */
  resumed: number;
  save(): void;
  remove(): void;
}

const VERSION = 1;

/** `$XDG_CACHE_HOME/classifaily/evaluate`, or `~/.cache/classifaily/evaluate`. */
export function progressDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'classifaily', 'evaluate');
}

export function runKey(identity: RunIdentity): string {
  const { texts, categories, schema, explain, api } = identity;
  return createHash('sha256')
    .update(JSON.stringify([VERSION, api, categories ?? null, schema ?? null, explain, texts]))
    .digest('hex');
}

export function openProgress(dir: string, identity: RunIdentity): ProgressFile {
  const file = path.join(dir, `${runKey(identity).slice(0, 32)}.json`);
  const total = identity.texts.length;
  const answers = load(file, total) ?? new Array<Answer | null>(total).fill(null);
  return {
    path: file,
    answers,
    resumed: answers.filter((a) => a !== null).length,
    save() {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const body = JSON.stringify({
        version: VERSION,
        total,
        answers: answers.map((a) =>
          a === null
            ? null
            : a.explanation === undefined
              ? [a.label, a.confidence]
              : [a.label, a.confidence, a.explanation],
        ),
      });
      const temporary = `${file}.${process.pid}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, body);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    },
    remove: () => rmSync(file, { force: true }),
  };
}

/** The answers a progress file holds, or undefined when there is none (or it is not ours). */
function load(file: string, total: number): Array<Answer | null> | undefined {
  let data: { version?: unknown; total?: unknown; answers?: unknown };
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (data.version !== VERSION || data.total !== total || !Array.isArray(data.answers))
    return undefined;
  if (data.answers.length !== total) return undefined;
  const answers: Array<Answer | null> = [];
  for (const entry of data.answers as unknown[]) {
    if (entry === null) answers.push(null);
    else if (
      Array.isArray(entry) &&
      typeof entry[0] === 'string' &&
      typeof entry[1] === 'number' &&
      (entry[2] === undefined || typeof entry[2] === 'string')
    )
      answers.push(
        entry[2] === undefined
          ? { label: entry[0], confidence: entry[1] }
          : { label: entry[0], confidence: entry[1], explanation: entry[2] },
      );
    else return undefined;
  }
  return answers;
}
