// Reads a generated app folder back into memory, through makecomapp.json, as the Apps Editor does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MakeApp, MakeModule, MakecomappJson } from './make-format';
import { MAKECOMAPP } from './layout';

export function readApp(dir: string): MakeApp {
  const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
  const readJson = (rel: string | null | undefined) => (rel ? JSON.parse(read(rel)) : undefined);
  const manifest = JSON.parse(read(MAKECOMAPP)) as MakecomappJson;
  const [connectionId, connection] = Object.entries(manifest.components.connection)[0]!;
  return {
    base: readJson(manifest.generalCodeFiles.base),
    common: readJson(manifest.generalCodeFiles.common) ?? {},
    readme: read(manifest.generalCodeFiles.readme),
    groups: readJson(manifest.generalCodeFiles.groups),
    connection: {
      id: connectionId,
      label: connection.label,
      communication: readJson(connection.codeFiles.communication),
      params: readJson(connection.codeFiles.params),
    },
    rpcs: Object.entries(manifest.components.rpc).map(([id, meta]) => ({
      id,
      label: meta.label,
      communication: readJson(meta.codeFiles.communication),
      params: readJson(meta.codeFiles.params),
    })),
    modules: Object.entries(manifest.components.module).map(([id, meta]): MakeModule => ({
      id,
      label: meta.label,
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
