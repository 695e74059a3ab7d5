// The generated files against Make's format rules: our JSON Schema for shapes, checkApp() for what a
// schema cannot say. Each rule also gets a broken app, to show that the check would catch it.
import Ajv from 'ajv';
import schema from '../schema/make-format.schema.json';
import { DEFAULT_APP_DIR, generatedFiles } from '../src/generate';
import { buildApp } from '../src/app/build';
import { readApp } from '../src/read';
import { checkApp } from '../src/rules';
import { MAKECOMAPP } from '../src/layout';
import type { MakeApp } from '../src/make-format';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, 'make');
const validator = (def: string) => ajv.getSchema(`make#/definitions/${def}`)!;

/** Which schema definition each generated file must satisfy, by its name. */
function definitionFor(file: string): string | undefined {
  if (file === MAKECOMAPP) return 'makecomapp';
  if (file === 'general/base.iml.json') return 'base';
  if (file === 'modules/groups.json') return 'groups';
  if (file.endsWith('.communication.iml.json')) return 'request';
  if (/\.(params|static-params|mappable-params)\.iml\.json$/.test(file)) return 'parameters';
  if (file.endsWith('.interface.iml.json')) return 'interfaceFields';
  if (file.endsWith('.samples.iml.json')) return 'samples';
  return undefined;
}
ajv.addSchema(
  { type: 'array', items: { $ref: 'make#/definitions/interfaceField' } },
  'interfaceFields',
);

describe('every generated file matches the format schema', () => {
  const files = generatedFiles();
  const cases = [...files.keys()].filter((f) => definitionFor(f)).map((f) => [f]);
  it.each(cases)('%s', (file) => {
    const def = definitionFor(file)!;
    const validate = def === 'interfaceFields' ? ajv.getSchema('interfaceFields')! : validator(def);
    const ok = validate(JSON.parse(files.get(file)!));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema refuses a parameter type Make does not have', () => {
    const validate = validator('parameters');
    expect(validate([{ name: 'x', type: 'string' }])).toBe(false);
  });

  it('the schema refuses a POST without a body, and a timeout outside base', () => {
    const validate = validator('request');
    expect(validate({ url: '/v1/classify', method: 'POST' })).toBe(false);
    expect(validate({ url: '/v1/me', method: 'GET', timeout: 1000 })).toBe(false);
  });
});

describe("Make's format rules", () => {
  it('the checked-in app breaks none', () => {
    expect(checkApp(readApp(DEFAULT_APP_DIR), generatedFiles())).toEqual([]);
  });

  const broken = (change: (app: MakeApp) => void) => {
    const app = buildApp();
    change(app);
    return checkApp(app).map((v) => `${v.where}: ${v.rule}`);
  };
  const mod = (app: MakeApp, id: string) => app.modules.find((m) => m.id === id)!;

  it.each<[string, (app: MakeApp) => void, RegExp]>([
    [
      'a type Make lacks',
      (a) => (mod(a, 'classifyText').mappableParams[0]!.type = 'string' as never),
      /not a Make type/,
    ],
    [
      'POST without body',
      (a) => delete mod(a, 'createSchema').communication.body,
      /POST request without a body/,
    ],
    [
      'timeout in a module',
      (a) => ((mod(a, 'getSchema').communication as never as Record<string, number>).timeout = 5),
      /timeout belongs in base/,
    ],
    [
      'iterate on an action',
      (a) => (mod(a, 'classifyText').communication.response!.iterate = '{{body.x}}'),
      /must not iterate/,
    ],
    [
      'pagination on an action',
      (a) => (mod(a, 'getSchema').communication.pagination = { condition: '{{body.has_more}}' }),
      /must not paginate/,
    ],
    [
      'limit on an action',
      (a) => (mod(a, 'deleteSchema').communication.response!.limit = 10),
      /must not have a limit/,
    ],
    [
      'a module id Make refuses',
      (a) => (mod(a, 'getSchema').id = 'get-schema'),
      /id does not match/,
    ],
    [
      'a reserved connection parameter',
      (a) => (a.connection.params[0]!.name = 'accountName'),
      /reserved by Make/,
    ],
    [
      'output on the connection',
      (a) => (a.connection.communication.response!.output = '{{body}}'),
      /has no output/,
    ],
    [
      'an undeclared parameter',
      (a) => (mod(a, 'classifyText').communication.body = { input: '{{parameters.text}}' }),
      /parameters\.text/,
    ],
    [
      'an undeclared connection field',
      (a) => (a.base.headers.Authorization = 'Bearer {{connection.token}}'),
      /connection\.token/,
    ],
    [
      'item outside an iterate',
      (a) => (mod(a, 'classifyText').communication.response!.output = { label: '{{item.label}}' }),
      /reads item\.label/,
    ],
    [
      'body in a request',
      (a) => (mod(a, 'createSchema').communication.body = { name: '{{body.name}}' }),
      /reads body\.name/,
    ],
    [
      'IML outside the evaluated subset',
      (a) => (mod(a, 'classifyText').communication.url = '/v1/{{lower(parameters.input)}}'),
      /subset/,
    ],
    [
      'an unknown error type',
      (a) => (a.base.response.error.type = 'OopsError' as never),
      /not one of Make's/,
    ],
    [
      'output beyond the interface',
      (a) => mod(a, 'getSchema').interface.pop(),
      /differ from the interface/,
    ],
    ['a module in no group', (a) => a.groups.pop(), /exactly one group/],
    ['an RPC that does not exist', (a) => a.rpcs.pop(), /names no RPC/],
    ['the key logged', (a) => (a.base.log.sanitize = []), /log.sanitize/],
  ])('catches %s', (_name, change, expected) => {
    expect(broken(change).join('\n')).toMatch(expected);
  });

  it('catches a makecomapp.json that does not list a file, or lists a missing one', () => {
    const files = generatedFiles();
    files.set('modules/stray.json', '[]');
    files.delete('modules/get-schema/get-schema.samples.iml.json');
    const rules = checkApp(buildApp(), files).map((v) => v.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'does not list modules/stray.json',
        'lists modules/get-schema/get-schema.samples.iml.json, which does not exist',
      ]),
    );
  });
});
