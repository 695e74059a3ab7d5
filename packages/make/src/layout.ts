// Lays the in-memory app out as the files of Make's local development (the Make Apps Editor for
// VS Code): makecomapp.json, general/, modules/groups.json and `<type>s/<id>/<id>.<section>.iml.json`.
// Output is deterministic: the same app gives the same bytes.
import type { ComponentMetadata, MakeApp, MakecomappJson, MakeOrigin } from './make-format';

export const MAKECOMAPP = 'makecomapp.json';

/** JSON as the Apps Editor writes it: tab-indented, a final newline. */
export const json = (value: unknown) => `${JSON.stringify(value, null, '\t')}\n`;

/** "classifyText" → "classify-text", as the Apps Editor names component folders and files. */
export const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Code sections per component type: the makecomapp.json key and the file's section name. */
const SECTIONS = {
  connection: { communication: 'communication', params: 'params' },
  rpc: { communication: 'communication', params: 'params' },
  module: {
    communication: 'communication',
    staticParams: 'static-params',
    mappableParams: 'mappable-params',
    interface: 'interface',
    samples: 'samples',
  },
} as const;

type ComponentType = keyof typeof SECTIONS;

function codeFiles(type: ComponentType, id: string): Record<string, string> {
  const dir = `${type}s/${kebab(id)}`;
  return Object.fromEntries(
    Object.entries(SECTIONS[type]).map(([key, section]) => [
      key,
      `${dir}/${kebab(id)}.${section}.iml.json`,
    ]),
  );
}

/**
 * Every file of the app, by path relative to the app folder, in a stable order. `origins` are where
 * the Apps Editor (and `deploy`) send the folder: the developer's, kept as they are.
 */
export function layout(app: MakeApp, origins: MakeOrigin[]): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: MakecomappJson = {
    fileVersion: 1,
    generalCodeFiles: {
      base: 'general/base.iml.json',
      common: 'general/common.json',
      readme: 'README.md',
      groups: 'modules/groups.json',
    },
    components: { connection: {}, webhook: {}, module: {}, rpc: {}, function: {}, endpoint: {} },
    origins,
  };
  files.set('general/base.iml.json', json(app.base));
  files.set('general/common.json', json({}));
  files.set('README.md', app.readme);
  files.set('modules/groups.json', json(app.groups));

  const add = (
    type: ComponentType,
    id: string,
    meta: Omit<ComponentMetadata, 'codeFiles'>,
    code: object,
  ) => {
    const paths = codeFiles(type, id);
    for (const [key, path] of Object.entries(paths))
      files.set(path, json((code as Record<string, unknown>)[key]));
    manifest.components[type]![id] = { ...meta, codeFiles: paths };
  };

  const c = app.connection;
  add('connection', c.id, { label: c.label, connectionType: 'basic' }, c);
  for (const rpc of app.rpcs) {
    add('rpc', rpc.id, { label: rpc.label, connection: c.id, altConnection: null }, rpc);
  }
  for (const m of app.modules) {
    add(
      'module',
      m.id,
      {
        label: m.label,
        description: m.description,
        moduleType: m.moduleType,
        ...(m.crud ? { actionCrud: m.crud } : {}),
        connection: c.id,
        altConnection: null,
      },
      m,
    );
  }
  files.set(MAKECOMAPP, json(manifest));
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
