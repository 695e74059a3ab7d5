// Reads an app folder back into memory, through makecomapp.json, as the Apps Editor does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAKECOMAPP } from '../../src/layout';
import type { MakeApp, MakeModule, MakecomappJson, MakeComponent } from '../../src/make-format';

export function readApp(dir: string): MakeApp {
  const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
  const readJson = (rel: string | null | undefined) => (rel ? JSON.parse(read(rel)) : undefined);
  const manifest = JSON.parse(read(MAKECOMAPP)) as MakecomappJson;
  const { connection, rpc, module } = manifest.components as Record<
    string,
    MakecomappJson['components'][string]
  >;
  const component = ([id, meta]: [string, MakecomappJson['components'][string][string]]) => ({
    id,
    label: meta.label ?? '',
    communication: readJson(meta.codeFiles.communication),
    params: readJson(meta.codeFiles.params) ?? [],
  });
  return {
    base: readJson(manifest.generalCodeFiles.base),
    readme: read(manifest.generalCodeFiles.readme!),
    groups: readJson(manifest.generalCodeFiles.groups),
    connection: component(Object.entries(connection!)[0]!) as MakeComponent,
    rpcs: Object.entries(rpc!).map(component),
    modules: Object.entries(module!).map(([id, meta]): MakeModule => ({
      id,
      label: meta.label ?? '',
      description: meta.description ?? '',
      moduleType: meta.moduleType!,
      ...(meta.actionCrud ? { crud: meta.actionCrud } : {}),
      communication: readJson(meta.codeFiles.communication),
      staticParams: readJson(meta.codeFiles.staticParams),
      mappableParams: readJson(meta.codeFiles.mappableParams),
      interface: readJson(meta.codeFiles.interface),
      samples: readJson(meta.codeFiles.samples),
    })),
  };
}
