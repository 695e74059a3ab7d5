// Make's own JSON schemas (those of the Make Apps Editor for VS Code) are the judge of every file:
// each generated file is valid against the schema the editor applies to its kind. `checkFolder`
// (what `check` and `deploy` run) applies them to a folder, then holds it to what the generator
// writes; each gets a broken folder that it catches. (The rules no schema can say hold the generator
// itself: iml-rules.test.ts.)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, schemaFor } from '../src/check';
import { DEFAULT_APP_DIR, generatedFiles, origin, writeApp } from '../src/generate';
import { ICON, json } from '../src/layout';
import { describeWithMakeSchemas, makeSchemas, tempDir } from './helpers/apps';

const validate = (schema: string, value: unknown) => {
  const check = makeSchemas().getSchema(schema)!;
  check(value);
  return (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describeWithMakeSchemas.each([
  ['production', generatedFiles()],
  ['development', generatedFiles({ dev: true })],
])("%s build: every file is valid against Make's schema for its kind", (_build, files) => {
  // The example scenarios (blueprints/) are no app files: Make's extension has no schema for them;
  // blueprint.test.ts holds them to the app.
  const appFiles = [...files.keys()].filter(
    (file) => !['README.md', ICON].includes(file) && !file.startsWith('blueprints/'),
  );
  it.each(appFiles)('%s', (file) => {
    const schema = schemaFor(file);
    expect(schema).toBeDefined();
    expect(validate(schema!, JSON.parse(String(files.get(file))))).toEqual([]);
  });
});

describeWithMakeSchemas("Make's schemas refuse what the app must not do", () => {
  const files = generatedFiles();
  const universal = JSON.parse(
    String(files.get('modules/make-an-api-call/make-an-api-call.communication.iml.json')),
  );

  it('headers and query string as one IML string (the old universal module)', () => {
    const old = { ...universal, headers: "{{toCollection(parameters.headers, 'key', 'value')}}" };
    expect(validate('api.json', old).join('\n')).toMatch(/\/headers must be object/);
  });

  it('a makecomapp.json without components.endpoint', () => {
    const manifest = JSON.parse(String(files.get('makecomapp.json')));
    delete manifest.components.endpoint;
    expect(validate('makecomapp.schema.json', manifest).join()).toMatch(/'endpoint'/);
  });

  it('a parameter type Make lacks, a POST without a body, a timeout outside base', () => {
    expect(validate('parameters.json', [{ name: 'x', type: 'string' }])).not.toEqual([]);
    expect(validate('api.json', { url: '/v1/classify', method: 'POST' })).not.toEqual([]);
    expect(validate('api.json', { url: '/v1/me', method: 'GET', timeout: 1000 })).not.toEqual([]);
  });

  it('an origin that is not https', () => {
    const manifest = JSON.parse(String(files.get('makecomapp.json')));
    manifest.origins[0].baseUrl = 'http://eu1.make.com/api';
    expect(validate('makecomapp.schema.json', manifest).join()).toMatch(/baseUrl/);
  });
});

describeWithMakeSchemas(
  'checkFolder: a folder, by Make’s schemas, then against what the generator writes',
  () => {
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
    const problems = (dev = false) => checkFolder(dir, { dev, schemas: makeSchemas() }).join('\n');

    it('finds nothing in the checked-in app or a fresh one', () => {
      expect(checkFolder(DEFAULT_APP_DIR, { schemas: makeSchemas() })).toEqual([]);
      expect(problems()).toBe('');
    });

    const TEXT_PARAMS = 'modules/classify-text/classify-text.mappable-params.iml.json';
    const GET_COMMUNICATION = 'modules/get-schema/get-schema.communication.iml.json';
    it.each<[string, () => void, RegExp]>([
      [
        'a missing file',
        () => rmSync(file('modules/get-schema/get-schema.samples.iml.json')),
        /^missing: modules\/get-schema\/get-schema\.samples\.iml\.json\n/,
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
        'a file changed by hand (here: an RPC the app does not have)',
        () =>
          writeFileSync(
            file(TEXT_PARAMS),
            readFileSync(file(TEXT_PARAMS), 'utf8').replace('rpc://schemaOptions', 'rpc://gone'),
          ),
        /^changed: modules\/classify-text\/classify-text\.mappable-params\.iml\.json\n.* is not what the generator writes: run `classifaily-make generate --out .*`\.$/,
      ],
      [
        'a file the app does not have',
        () => writeFileSync(file('modules/extra.json'), '{}'),
        /^extra: modules\/extra\.json\n/,
      ],
      [
        'a makecomapp.json that no longer lists the RPC',
        () =>
          edit(
            'makecomapp.json',
            (m: { components: { rpc: object } }) => void (m.components.rpc = {}),
          ),
        /^changed: makecomapp\.json\n/,
      ],
    ])('catches %s', (_name, breakIt, expected) => {
      breakIt();
      expect(problems()).toMatch(expected);
    });

    it('says which build it is when the other was asked for (--dev)', () => {
      writeApp(dir, generatedFiles({ dev: true }));
      expect(problems(true)).toBe('');
      expect(problems(false)).toBe(
        `${dir} is a development build: its connection also takes http:// to this machine, where a production build takes https only; a development build is not for deploying (check it with --dev).`,
      );
      writeApp(dir, generatedFiles());
      expect(problems(true)).toBe(`${dir} is a production build: check it without --dev.`);
    });

    it('compares with the folder’s own origins', () => {
      writeApp(dir, generatedFiles({ origins: [origin('us1', 'classifaily-mine')] }));
      expect(problems()).toBe('');
    });

    it('says so when the folder is no Make app', () => {
      rmSync(file('makecomapp.json'));
      expect(problems()).toBe(`${dir} is not a Make app folder: it has no makecomapp.json.`);
    });
  },
);
