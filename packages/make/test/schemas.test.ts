// Make's own JSON schemas (those of the Make Apps Editor for VS Code) are the judge of every file:
// each generated file is valid against the schema the editor applies to its kind. `checkFolder`
// (what `check` and `deploy` run) applies them to a folder, with the rules no schema can say; each
// rule gets a broken folder that it catches.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, loadMakeSchemas, schemaFor } from '../src/check';
import { DEFAULT_APP_DIR, generatedFiles, writeApp } from '../src/generate';
import { json } from '../src/layout';
import { makeSchemas, tempDir } from './helpers/apps';

const schemas = makeSchemas();
const validate = (schema: string, value: unknown) => {
  const check = schemas.getSchema(schema)!;
  check(value);
  return (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describe.each([
  ['production', generatedFiles()],
  ['development', generatedFiles({ dev: true })],
])("%s build: every file is valid against Make's schema for its kind", (_build, files) => {
  it.each([...files.keys()].filter((file) => file !== 'README.md'))('%s', (file) => {
    const schema = schemaFor(file);
    expect(schema).toBeDefined();
    expect(validate(schema!, JSON.parse(files.get(file)!))).toEqual([]);
  });
});

describe("Make's schemas refuse what the app must not do", () => {
  const files = generatedFiles();
  const universal = JSON.parse(
    files.get('modules/make-an-api-call/make-an-api-call.communication.iml.json')!,
  );

  it('headers and query string as one IML string (the old universal module)', () => {
    const old = { ...universal, headers: "{{toCollection(parameters.headers, 'key', 'value')}}" };
    expect(validate('api.json', old).join('\n')).toMatch(/\/headers must be object/);
  });

  it('a makecomapp.json without components.endpoint', () => {
    const manifest = JSON.parse(files.get('makecomapp.json')!);
    delete manifest.components.endpoint;
    expect(validate('makecomapp.schema.json', manifest).join()).toMatch(/'endpoint'/);
  });

  it('a parameter type Make lacks, a POST without a body, a timeout outside base', () => {
    expect(validate('parameters.json', [{ name: 'x', type: 'string' }])).not.toEqual([]);
    expect(validate('api.json', { url: '/v1/classify', method: 'POST' })).not.toEqual([]);
    expect(validate('api.json', { url: '/v1/me', method: 'GET', timeout: 1000 })).not.toEqual([]);
  });

  it('an origin that is not https', () => {
    const manifest = JSON.parse(files.get('makecomapp.json')!);
    manifest.origins[0].baseUrl = 'http://eu1.make.com/api';
    expect(validate('makecomapp.schema.json', manifest).join()).toMatch(/baseUrl/);
  });
});

describe('checkFolder: a folder, by Make’s schemas and the app’s rules', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => {
    ({ dir, remove } = tempDir());
    writeApp(dir, generatedFiles());
  });
  afterEach(() => remove());

  const file = (rel: string) => path.join(dir, rel);
  const edit = (rel: string, change: (value: never) => unknown) => {
    const value = JSON.parse(readFileSync(file(rel), 'utf8')) as never;
    writeFileSync(file(rel), json(change(value) ?? value));
  };
  const problems = (dev = false) => checkFolder(dir, { dev, schemas }).join('\n');

  it('finds nothing in the checked-in app or a fresh one', () => {
    expect(checkFolder(DEFAULT_APP_DIR, { schemas })).toEqual([]);
    expect(problems()).toBe('');
  });

  const TEXT_PARAMS = 'modules/classify-text/classify-text.mappable-params.iml.json';
  const GET_COMMUNICATION = 'modules/get-schema/get-schema.communication.iml.json';
  it.each<[string, () => void, RegExp]>([
    [
      'a file makecomapp.json names is missing',
      () => rmSync(file('modules/get-schema/get-schema.samples.iml.json')),
      /get-schema\.samples\.iml\.json: named in makecomapp\.json but missing/,
    ],
    [
      'a file that is not JSON',
      () => writeFileSync(file('general/base.iml.json'), '{ "baseUrl": '),
      /general\/base\.iml\.json: not valid JSON/,
    ],
    [
      "a file Make's schema refuses",
      () => edit(GET_COMMUNICATION, (c: { headers: unknown }) => void (c.headers = 'x')),
      /get-schema\.communication\.iml\.json\/headers: must be object \(Make's api\.json\)/,
    ],
    [
      'an RPC the app does not have',
      () =>
        writeFileSync(
          file(TEXT_PARAMS),
          readFileSync(file(TEXT_PARAMS), 'utf8').replace('rpc://schemaOptions', 'rpc://gone'),
        ),
      /module classifyText: rpc:\/\/gone names no RPC of the app/,
    ],
    [
      'a module in no group',
      () => edit('modules/groups.json', (g: unknown[]) => void g.pop()),
      /groups: module makeAnApiCall must be in exactly one group/,
    ],
    [
      'a module id Make refuses',
      () =>
        edit('makecomapp.json', (m: { components: { module: Record<string, unknown> } }) => {
          m.components.module['get-schema'] = m.components.module.getSchema;
          delete m.components.module.getSchema;
        }),
      /module get-schema: not an id Make accepts/,
    ],
    [
      'a component whose connection is not in makecomapp.json',
      () =>
        edit(
          'makecomapp.json',
          (m: { components: { rpc: Record<string, { connection: string }> } }) => {
            m.components.rpc.schemaOptions!.connection = 'other';
          },
        ),
      /rpc schemaOptions: its connection other is not in makecomapp\.json/,
    ],
    [
      'the key written to Make’s logs',
      () => edit('general/base.iml.json', (b: { log: unknown }) => void (b.log = { sanitize: [] })),
      /base: log\.sanitize lacks request\.headers\.authorization/,
    ],
    [
      'plain http to localhost allowed in the production build',
      () =>
        writeFileSync(
          file('connections/classifaily/classifaily.params.iml.json'),
          generatedFiles({ dev: true }).get('connections/classifaily/classifaily.params.iml.json')!,
        ),
      /connection classifaily: baseUrl must follow core's rule \(https only/,
    ],
    [
      'a universal module that can send the key to another host',
      () =>
        edit(
          'modules/make-an-api-call/make-an-api-call.communication.iml.json',
          (c: { url: string }) => void (c.url = '{{parameters.url}}'),
        ),
      /module makeAnApiCall: a universal module's URL must start with the base URL/,
    ],
  ])('catches %s', (_name, breakIt, expected) => {
    breakIt();
    expect(problems()).toMatch(expected);
  });

  it('takes a development build only when told so (--dev)', () => {
    writeApp(dir, generatedFiles({ dev: true }));
    expect(problems(true)).toBe('');
    expect(problems(false)).toMatch(/https only/);
    writeApp(dir, generatedFiles());
    expect(problems(true)).toMatch(/https, or http to this machine/);
  });

  it('says so when the folder is no Make app', () => {
    rmSync(file('makecomapp.json'));
    expect(problems()).toBe(`${dir} is not a Make app folder: it has no makecomapp.json.`);
  });
});

it('without Make’s schemas, the loader fails with a message naming MAKE_SCHEMAS_DIR', () => {
  expect(() => loadMakeSchemas('/nonexistent/make-schemas')).toThrow(
    /Make's JSON schemas are not in \/nonexistent\/make-schemas\. Set MAKE_SCHEMAS_DIR/,
  );
});
