// The labelled file: CSV (with a header row) or JSON Lines, each row a text and the label a person
// gave it. Everything that can be wrong with the file is found here, before anything is sent, and
// said with the line it is on (decision 0601).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { checkInput } from '@classifaily/core';
import { parse as parseCsv, type CsvError } from 'csv-parse/sync';
import { CliError } from './errors';

/**
 * The largest file read: 20 MiB, about 100,000 short texts. A threshold is chosen well from a few
 * thousand; past this a file is more likely a mistake (the wrong export) than a labelled set.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Column (CSV) or field (JSONL) names, in the order they are looked for, in any letter case. */
const TEXT_COLUMNS = ['text', 'input'] as const;
const LABEL_COLUMNS = ['label', 'expected'] as const;

export interface LabelledRow {
  /** The line of the file the row starts on (1 is the first line). */
  line: number;
  text: string;
  label: string;
}

export interface LabelledFile {
  format: 'csv' | 'jsonl';
  rows: LabelledRow[];
  /** The column (or field) names the text and the label were read from. */
  columns: { text: string; label: string };
}

/** At most this many problems are listed; the rest are counted. */
const LISTED = 10;

export function readLabelledFile(file: string, maxBytes = MAX_INPUT_BYTES): LabelledFile {
  const format = formatOf(file);
  const text = decode(readAtMost(file, maxBytes), file);
  if (text.trim() === '')
    throw new CliError(
      `${file} is empty.`,
      'Give a file with a header row (text,label) and one labelled text per line.',
    );
  const parsed = format === 'csv' ? parseCsvRows(text, file) : parseJsonLines(text, file);
  if (parsed.rows.length === 0)
    throw new CliError(
      `${file} has no rows to evaluate, only ${format === 'csv' ? 'a header' : 'blank lines'}.`,
      'Add one labelled text per line.',
    );
  const problems = parsed.rows.flatMap(({ line, text, label }) => {
    const textProblem = checkInput(text);
    if (textProblem) return [`line ${line}: ${textProblem.message}`];
    if (label.trim() === '') return [`line ${line}: the label is empty.`];
    return [];
  });
  throwIfAny(problems, `${file} has rows that cannot be evaluated`, 'Correct or remove them.');
  return { format, ...parsed };
}

/** Every label must be one of the categories the texts are classified against. */
export function checkLabels(
  file: string,
  rows: readonly LabelledRow[],
  categories: readonly string[],
): void {
  const known = new Set(categories);
  const problems = rows
    .filter((row) => !known.has(row.label))
    .map(({ line, label }) => {
      const near = categories.find((c) => c.toLowerCase() === label.trim().toLowerCase());
      return `line ${line}: "${label}" is not one of the categories${near ? ` (did you mean "${near}"?)` : ''}.`;
    });
  throwIfAny(
    problems,
    `${file} has labels that are not among the categories (${categories.join(', ')})`,
    'Correct the labels, or add the missing categories to --categories (labels must match exactly).',
  );
}

function throwIfAny(problems: string[], title: string, hint: string): void {
  if (problems.length === 0) return;
  const more = problems.length > LISTED ? [`  … and ${problems.length - LISTED} more`] : [];
  throw new CliError(
    [`${title}:`, ...problems.slice(0, LISTED).map((p) => `  ${p}`), ...more].join('\n'),
    hint,
  );
}

function formatOf(file: string): 'csv' | 'jsonl' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  throw new CliError(
    `${file}: classifaily evaluate reads .csv and .jsonl files.`,
    'Save the labelled texts as CSV (a header row with text and label) or as JSON Lines.',
  );
}

/** The file's bytes, refused before they are read when there are more than `maxBytes`. */
function readAtMost(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`There is no file ${file}.`);
    if (code === 'EACCES') throw new CliError(`${file} cannot be read: permission denied.`);
    if (code === 'EISDIR') throw new CliError(`${file} is a folder, not a file.`);
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new CliError(`${file} is a folder, not a file.`);
    if (stats.size > maxBytes)
      throw new CliError(
        `${file} is too large to read: ${megabytes(stats.size)}; the limit is ${megabytes(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes).`,
        'A few thousand labelled texts are enough to choose a threshold: evaluate a sample of the file.',
      );
    // Read to the end rather than trusting the size (a pipe or a growing file), never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes)
        throw new CliError(
          `${file} is too large to read: more than ${megabytes(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes).`,
        );
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

const SAVE_AS_UTF8 =
  'Save it as UTF-8 (in Excel: File → Save As → "CSV UTF-8"; in a text editor: Save with encoding UTF-8).';

/** UTF-8 text, its byte-order mark removed; anything else is refused with the line it is on. */
function decode(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CliError(`${file} is saved as UTF-16 text, not UTF-8.`, SAVE_AS_UTF8);
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!body.includes(0) && isUtf8(body)) return body.toString('utf8');
  // Line by line, to name the line: a byte 0x0A is never part of another UTF-8 character.
  let start = 0;
  for (let line = 1; ; line++) {
    const end = body.indexOf(0x0a, start);
    const part = body.subarray(start, end < 0 ? body.length : end);
    if (part.includes(0))
      throw new CliError(
        `${file} line ${line} holds NUL bytes: this is not UTF-8 text (a spreadsheet file, or UTF-16 text without its mark?).`,
        SAVE_AS_UTF8,
      );
    if (!isUtf8(part))
      throw new CliError(
        `${file} line ${line} is not UTF-8 text (the file was probably saved as Windows-1252 or Latin-1).`,
        SAVE_AS_UTF8,
      );
    start = end + 1;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The index of the first name found (in the order of `wanted`, any letter case), or -1. */
function findColumn(names: readonly string[], wanted: readonly string[]): number {
  const normal = names.map((name) => name.trim().toLowerCase());
  for (const name of wanted) {
    const index = normal.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

const CSV_HINT = 'The first line of a CSV file names the columns, for example: text,label';
const JSONL_HINT =
  'Each line of a .jsonl file is one JSON object, for example: {"text": "I was charged twice", "label": "billing"}';

function missingColumn(
  what: 'text' | 'label',
  where: string,
  names: readonly string[],
  format: 'csv' | 'jsonl',
): CliError {
  const wanted = what === 'text' ? TEXT_COLUMNS : LABEL_COLUMNS;
  const kind = format === 'csv' ? 'column' : 'field';
  return new CliError(
    `${where} has no ${what} ${kind}: name one "${wanted[0]}" or "${wanted[1]}" (its ${kind}s are ${names.map((n) => `"${n}"`).join(', ') || 'none'}).`,
    format === 'csv' ? CSV_HINT : JSONL_HINT,
  );
}

/** The delimiter of the header line: a comma, or else a semicolon or a tab (spreadsheets' choices). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

type Parsed = Omit<LabelledFile, 'format'>;

function parseCsvRows(text: string, file: string): Parsed {
  let lastEnd = 0;
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    // csv-parse's types do not cover `info` with `on_record`: the records are { record, info, raw }.
    records = (parseCsv as (input: string, options: object) => typeof records)(text, {
      delimiter: delimiterOf(text),
      info: true,
      raw: true,
      skip_empty_lines: true,
      // Spaces around a delimiter are not part of a value (`"a, b", billing` as typed by hand).
      trim: true,
      // A quote inside an unquoted field (a 5" screen) is kept as it is.
      relax_quotes: true,
      on_record: (record: unknown, context: { lines: number }) => {
        lastEnd = context.lines;
        return record;
      },
    });
  } catch (error) {
    throw csvProblem(error as CsvError, file, text, lastEnd);
  }
  const [header, ...body] = records;
  const names = header?.record ?? [];
  const textColumn = findColumn(names, TEXT_COLUMNS);
  if (textColumn < 0) throw missingColumn('text', file, names, 'csv');
  const labelColumn = findColumn(names, LABEL_COLUMNS);
  if (labelColumn < 0) throw missingColumn('label', file, names, 'csv');
  return {
    columns: { text: names[textColumn]!.trim(), label: names[labelColumn]!.trim() },
    rows: body.map(({ record, info, raw }) => ({
      // A record ends on info.lines; it starts as many lines earlier as it holds line breaks.
      line:
        info.lines -
        (raw
          .replace(/^[\r\n]+/, '')
          .replace(/\r?\n$/, '')
          .split('\n').length -
          1),
      text: record[textColumn]!,
      label: record[labelColumn]!,
    })),
  };
}

function csvProblem(error: CsvError, file: string, text: string, lastEnd: number): CliError {
  const hint =
    'A text with a comma, a quote or a line break must be in double quotes, with each quote inside it doubled: "She said ""hi"", then left",billing';
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const [, expected, got] = /expect (\d+), got (\d+)/.exec(error.message) ?? [];
      return new CliError(
        `${file} line ${error.lines} has ${got ?? 'another number of'} fields where the header has ${expected ?? 'a different number'}.`,
        hint,
      );
    }
    case 'CSV_QUOTE_NOT_CLOSED': {
      // csv-parse names the line where the file ended; the quote opened on the first line with
      // text after the last whole record.
      const lines = text.split('\n');
      let opened = lastEnd + 1;
      while (opened < lines.length && lines[opened - 1]!.trim() === '') opened += 1;
      return new CliError(
        `${file} line ${opened}: a quote opened on this line is never closed.`,
        hint,
      );
    }
    default:
      return new CliError(
        `${file} line ${error.lines ?? '?'} is not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')}.`,
        hint,
      );
  }
}

function parseJsonLines(text: string, file: string): Parsed {
  const rows: LabelledRow[] = [];
  let columns: Parsed['columns'] | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const source = raw.replace(/\r$/, '');
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw new CliError(
        `${file} line ${line} is not valid JSON: ${(error as Error).message}.`,
        JSONL_HINT,
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new CliError(`${file} line ${line} is not a JSON object.`, JSONL_HINT);
    const names = Object.keys(value);
    const field = (what: 'text' | 'label') => {
      const index = findColumn(names, what === 'text' ? TEXT_COLUMNS : LABEL_COLUMNS);
      if (index < 0) throw missingColumn(what, `${file} line ${line}`, names, 'jsonl');
      const name = names[index]!;
      const fieldValue = (value as Record<string, unknown>)[name];
      if (typeof fieldValue === 'number') return { name, text: String(fieldValue) };
      if (typeof fieldValue !== 'string')
        throw new CliError(
          `${file} line ${line}: "${name}" must be text (it is ${fieldValue === null ? 'null' : typeof fieldValue}).`,
        );
      return { name, text: fieldValue };
    };
    const textField = field('text');
    const labelField = field('label');
    columns ??= { text: textField.name, label: labelField.name };
    rows.push({ line, text: textField.text, label: labelField.text.trim() });
  });
  return { rows, columns: columns ?? { text: TEXT_COLUMNS[0], label: LABEL_COLUMNS[0] } };
}
