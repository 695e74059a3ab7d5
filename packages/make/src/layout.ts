// Lays the in-memory app out as the files of Make's local development (the Make Apps Editor for
// VS Code): makecomapp.json, general/, modules/groups.json and `<type>s/<id>/<id>.<section>.iml.json`.
// Output is deterministic: the same app gives the same bytes.
import type { MakeApp } from './app/build';
import { iconPng } from './app/icon';

export const MAKECOMAPP = 'makecomapp.json';
/** The app's icon: makecomapp.json has no place for it, so it sits beside it (deploy uploads it). */
export const ICON = 'icon.png';

/** A file of the app: text, or bytes (the icon). */
export type AppFiles = Map<string, string | Buffer>;

/** makecomapp.json `origins`: where the Make Apps Editor (and `deploy`) send the folder. */
export type MakeOrigin = { baseUrl: string; appId: string } & Record<string, unknown>;

/** makecomapp.json as `generate` and `deploy` read it back. */
export interface Manifest {
  generalCodeFiles: Record<'base' | 'common' | 'readme' | 'groups', string | null>;
  components: Record<string, Record<string, Component>>;
  origins?: MakeOrigin[];
}
type Component = Partial<Record<'label' | 'description' | 'moduleType' | 'actionCrud', string>> & {
  connection?: string | null;
  codeFiles: Record<string, string | null>;
};

/** JSON as the Apps Editor writes it: tab-indented, a final newline. */
export const json = (value: unknown) => `${JSON.stringify(value, null, '\t')}\n`;

/** "classifyText" → "classify-text", as the Apps Editor names component folders and files. */
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Code sections per component type; a section's file is named after it (`static-params`). */
const SECTIONS = {
  connection: ['communication', 'params'],
  rpc: ['communication', 'params'],
  module: ['communication', 'staticParams', 'mappableParams', 'interface', 'samples'],
} as const;

/** Every file of the app, by path relative to the app folder, in a stable order. */
export function layout(app: MakeApp, origins: MakeOrigin[]): AppFiles {
  const general = {
    base: 'general/base.iml.json',
    common: 'general/common.json',
    readme: 'README.md',
    groups: 'modules/groups.json',
  };
  const files: AppFiles = new Map<string, string | Buffer>([
    [ICON, iconPng()],
    [general.base, json(app.base)],
    [general.common, json(app.common)],
    [general.readme, app.readme],
    [general.groups, json(app.groups)],
  ]);
  const components: Record<string, Record<string, object>> = {};
  for (const type of ['connection', 'webhook', 'module', 'rpc', 'function', 'endpoint'])
    components[type] = {};
  const add = (
    type: keyof typeof SECTIONS,
    code: { id: string } & Record<string, unknown>,
    meta: object,
  ) => {
    const dir = `${type}s/${kebab(code.id)}`;
    const codeFiles: Record<string, string> = {};
    for (const section of SECTIONS[type]) {
      codeFiles[section] = `${dir}/${kebab(code.id)}.${kebab(section)}.iml.json`;
      files.set(codeFiles[section], json(code[section]));
    }
    components[type]![code.id] = { ...meta, codeFiles };
  };
  const { connection: c } = app;
  add('connection', c, { label: c.label, connectionType: 'basic' });
  for (const rpc of app.rpcs)
    add('rpc', rpc, { label: rpc.label, connection: c.id, altConnection: null });
  for (const m of app.modules) {
    const { label, description, moduleType, crud } = m;
    const kind = { label, description, moduleType, ...(crud ? { actionCrud: crud } : {}) };
    add('module', m, { ...kind, connection: c.id, altConnection: null });
  }
  files.set(MAKECOMAPP, json({ fileVersion: 1, generalCodeFiles: general, components, origins }));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
