// The labelled file: what is read from it, and every way it can be wrong, each said with its line.
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../src/errors';
import { checkLabels, MAX_INPUT_BYTES, readLabelledFile } from '../src/input';
import { CSV_LINES, ROWS } from './fixtures/hand-worked';
import { FIXTURES, tempDir } from './helpers/run-cli';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanUp());

function file(name: string, content: string | Buffer): string {
  const target = path.join(temp.dir, name);
  writeFileSync(target, content);
  return target;
}

/** The message (and hint) the file is refused with. */
function refusal(target: string, maxBytes?: number): string {
  try {
    readLabelledFile(target, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return `${(error as CliError).message}\n${(error as CliError).hint ?? ''}`;
  }
  throw new Error(`${target} was read`);
}

describe('what is read', () => {
  it('the hand-worked CSV: every text and label, quotes undone, each row on the line it starts', () => {
    const read = readLabelledFile(path.join(FIXTURES, 'hand-worked.csv'));
    expect(read.format).toBe('csv');
    expect(read.columns).toEqual({ text: 'text', label: 'label' });
    expect(read.rows.map(({ text, label }) => ({ text, label }))).toEqual(
      ROWS.map(({ text, label }) => ({ text, label })),
    );
    expect(read.rows.map((row) => row.line)).toEqual(CSV_LINES);
  });

  it('the hand-worked JSON Lines: "input" and "expected", a blank line skipped, lines counted', () => {
    const read = readLabelledFile(path.join(FIXTURES, 'hand-worked.jsonl'));
    expect(read.columns).toEqual({ text: 'input', label: 'expected' });
    expect(read.rows.map((row) => row.text)).toEqual(ROWS.map((row) => row.text));
    expect(read.rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
  });

  it('a UTF-8 byte-order mark, CRLF line ends, headers in any case, blank lines', () => {
    const target = file('excel.csv', '\ufeffLabel,Text\r\nbilling,"a, b"\r\n\r\nbug,c\r\n');
    expect(readLabelledFile(target)).toEqual({
      format: 'csv',
      columns: { text: 'Text', label: 'Label' },
      rows: [
        { line: 2, text: 'a, b', label: 'billing' },
        { line: 4, text: 'c', label: 'bug' },
      ],
    });
  });

  it('a spreadsheet\'s semicolons or tabs, and "text" before "input"', () => {
    expect(readLabelledFile(file('semi.csv', 'input;text;expected\nx;a, b;bug\n')).rows).toEqual([
      { line: 2, text: 'a, b', label: 'bug' },
    ]);
    expect(readLabelledFile(file('tab.csv', 'text\tlabel\na "quoted" word\tbug\n')).rows).toEqual([
      { line: 2, text: 'a "quoted" word', label: 'bug' },
    ]);
  });

  it('spaces typed around a delimiter or a label are not part of it', () => {
    expect(
      readLabelledFile(file('typed.csv', 'text, label\n"a, b", billing\nc ,bug \n')).rows,
    ).toEqual([
      { line: 2, text: 'a, b', label: 'billing' },
      { line: 3, text: 'c', label: 'bug' },
    ]);
    expect(readLabelledFile(file('typed.jsonl', '{"text": "a", "label": " bug "}\n')).rows).toEqual(
      [{ line: 1, text: 'a', label: 'bug' }],
    );
  });

  it('JSON Lines: numbers as their text (star ratings), other fields ignored', () => {
    const target = file('stars.jsonl', '{"id": 7, "text": "Great!", "label": 5}\n');
    expect(readLabelledFile(target).rows).toEqual([{ line: 1, text: 'Great!', label: '5' }]);
  });
});

describe('what is refused, and where', () => {
  it.each<[string, string | Buffer, RegExp]>([
    [
      'no text column',
      'message,label\nhi,bug\n',
      /has no text column: name one "text" or "input" \(its columns are "message", "label"\)/,
    ],
    [
      'no label column',
      'text,category\nhi,bug\n',
      /has no label column: name one "label" or "expected"/,
    ],
    ['an empty file', '', /is empty\./],
    ['only blanks', ' \n\n', /is empty\./],
    ['only a header', 'text,label\n', /has no rows to evaluate, only a header/],
    [
      'a quote never closed',
      'text,label\na,bug\n\n"b,bug\nc,bug\n',
      /line 4: a quote opened on this line is never closed/,
    ],
    [
      'a row with a field too many',
      'text,label\na,bug\nb, c,bug\n',
      /line 3 has 3 fields where the header has 2/,
    ],
    ['an empty text', 'text,label\na,bug\n  ,bug\n', /line 3: The text to classify is empty\./],
    ['an empty label', 'text,label\na,\n', /line 2: the label is empty\./],
    [
      'a UTF-16 file (little-endian)',
      Buffer.from('\ufefftext,label\n', 'utf16le'),
      /is saved as UTF-16 text, not UTF-8\.\nSave it as UTF-8 \(in Excel/,
    ],
    ['a UTF-16 file (big-endian)', Buffer.from([0xfe, 0xff, 0, 0x74]), /is saved as UTF-16 text/],
    [
      'Latin-1 bytes',
      Buffer.concat([
        Buffer.from('text,label\na,bug\ncaf'),
        Buffer.from([0xe9]),
        Buffer.from(',bug\n'),
      ]),
      /line 3 is not UTF-8 text \(the file was probably saved as Windows-1252 or Latin-1\)/,
    ],
    ['NUL bytes', Buffer.from('text,label\na\0,bug\n'), /line 2 holds NUL bytes/],
  ])('CSV: %s', (_, content, message) => {
    expect(refusal(file('labelled.csv', content))).toMatch(message);
  });

  it.each<[string, string, RegExp]>([
    [
      'a line that is not JSON',
      '{"text": "a", "label": "bug"}\n{"text": "b", label: "bug"}\n',
      /line 2 is not valid JSON: /,
    ],
    ['a line that is not an object', '["a", "bug"]\n', /line 1 is not a JSON object/],
    [
      'a line without the text',
      '{"text": "a", "label": "bug"}\n\n{"body": "b", "label": "bug"}\n',
      /line 3 has no text field: name one "text" or "input" \(its fields are "body", "label"\)/,
    ],
    [
      'a label that is not text',
      '{"text": "a", "label": null}\n',
      /line 1: "label" must be text \(it is null\)/,
    ],
  ])('JSON Lines: %s', (_, content, message) => {
    expect(refusal(file('labelled.jsonl', content))).toMatch(message);
  });

  it('every problem listed, at most ten, the rest counted', () => {
    const rows = Array.from({ length: 13 }, () => ' ,bug').join('\n');
    const text = refusal(file('blank.csv', `text,label\n${rows}\n`));
    expect(text).toMatch(/line 2: The text to classify is empty\./);
    expect(text).toMatch(/line 11: /);
    expect(text).not.toMatch(/line 12: /);
    expect(text).toMatch(/… and 3 more/);
  });

  it(`a file over the limit (${MAX_INPUT_BYTES / 1024 / 1024} MiB) is refused unread, with the limit`, () => {
    const big = path.join(temp.dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1); // sparse: nothing is written
    closeSync(fd);
    expect(refusal(big)).toMatch(
      /is too large to read: 20\.0 MiB; the limit is 20\.0 MiB \(20,971,520 bytes\)\.\nA few thousand labelled texts are enough/,
    );
    expect(refusal(file('small.csv', 'text,label\nabc,bug\n'), 10)).toMatch(
      /the limit is 0\.0 MiB \(10 bytes\)/,
    );
  });

  it('a file that is not there, a folder, another format', () => {
    expect(refusal(path.join(temp.dir, 'nope.csv'))).toMatch(/^There is no file .*nope\.csv\./);
    mkdirSync(path.join(temp.dir, 'folder.csv'));
    expect(refusal(path.join(temp.dir, 'folder.csv'))).toMatch(/is a folder, not a file/);
    expect(refusal(file('labelled.xlsx', 'PK'))).toMatch(/reads \.csv and \.jsonl files/);
  });
});

describe('labels against the categories', () => {
  const rows = [
    { line: 2, text: 'a', label: 'billing' },
    { line: 3, text: 'b', label: 'Billing' },
    { line: 5, text: 'c', label: 'refund' },
  ];

  it('names each label that is not a category, with its line, and a near miss in letter case', () => {
    let message = '';
    try {
      checkLabels('t.csv', rows, ['billing', 'bug']);
    } catch (error) {
      message = (error as CliError).message;
    }
    expect(message).toBe(
      [
        't.csv has labels that are not among the categories (billing, bug):',
        '  line 3: "Billing" is not one of the categories (did you mean "billing"?).',
        '  line 5: "refund" is not one of the categories.',
      ].join('\n'),
    );
  });

  it('passes when every label is a category', () => {
    expect(() => checkLabels('t.csv', rows, ['billing', 'Billing', 'refund'])).not.toThrow();
  });
});
