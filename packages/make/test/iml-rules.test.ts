// The rules that need the IML read (test/emulator/rules.ts): every expression is in the evaluated
// subset and reads only what is declared where it stands, only search modules iterate, outputs match
// interfaces. Each rule also gets a broken app, to show that it would catch it.
import { buildApp } from '../src/app/build';
import { DEFAULT_APP_DIR } from '../src/generate';
import type { MakeApp } from '../src/make-format';
import { checkApp, readApp } from './emulator';

it('the checked-in app breaks none', () => {
  expect(checkApp(readApp(DEFAULT_APP_DIR))).toEqual([]);
});

const broken = (change: (app: MakeApp) => void) => {
  const app = buildApp();
  change(app);
  return checkApp(app).map((v) => `${v.where}: ${v.rule}`);
};
const mod = (app: MakeApp, id: string) => app.modules.find((m) => m.id === id)!;

it.each<[string, (app: MakeApp) => void, RegExp]>([
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
    'output beyond the interface',
    (a) => mod(a, 'getSchema').interface.pop(),
    /differ from the interface/,
  ],
  [
    'a sample beyond the interface',
    (a) => (mod(a, 'getSchema').samples.extra = 1),
    /sample key extra is not in the interface/,
  ],
])('catches %s', (_name, change, expected) => {
  expect(broken(change).join('\n')).toMatch(expected);
});
