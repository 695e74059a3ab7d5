/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, @n8n/community-nodes/no-dangerous-functions --
   test code, runs in Jest; it loads the built node the way n8n does, with require(), and evaluates
   the outputs expression with nothing else in scope (new Function), as n8n's editor does. */
// Every label, option name and message the editor suite looks for, read at run time from what n8n
// itself shows: the built node's and credential's descriptions (dist/), found by the keys of core's
// catalog. A label renamed in the catalog changes what the suite looks for; it never breaks it.
import fs from 'node:fs';
import path from 'node:path';

import { catalog } from '@classifaily/core';
import type {
  ICredentialType,
  INodeProperties,
  INodePropertyOptions,
  INodeTypeDescription,
  IVersionedNodeType,
} from 'n8n-workflow';

import { PACKAGE_ROOT } from '../harness/n8n';

const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  n8n: { nodes: string[]; credentials: string[] };
};
const { Classifaily } = require(path.join(PACKAGE_ROOT, pkg.n8n.nodes[0]!)) as {
  Classifaily: new () => IVersionedNodeType;
};
const { ClassifailyApi } = require(path.join(PACKAGE_ROOT, pkg.n8n.credentials[0]!)) as {
  ClassifailyApi: new () => ICredentialType;
};

const versioned = new Classifaily();
// The editor adds a new node at the node's default version.
const node = versioned.nodeVersions[versioned.description.defaultVersion!]!
  .description as INodeTypeDescription;
const credential = new ClassifailyApi();

const classifyOp = catalog.operations.classify;
const CLASSIFY = { resource: classifyOp.resource, operation: classifyOp.key };

/** A parameter as n8n shows it when Classify is selected (several may share a name). */
function classifyParameter(key: string, values: Record<string, string> = {}): INodeProperties {
  const shown = { ...CLASSIFY, ...values };
  const found = node.properties.find(
    (p) =>
      p.name === key &&
      Object.entries(p.displayOptions?.show ?? {}).every(
        ([name, allowed]) =>
          name.startsWith('/') ||
          (allowed as unknown[]).includes(shown[name as keyof typeof shown]),
      ),
  );
  if (!found) throw new Error(`the built node has no parameter "${key}" for Classify`);
  return found;
}

function optionName(property: INodeProperties, value: string): string {
  const option = (property.options as INodePropertyOptions[] | undefined)?.find(
    (o) => o.value === value,
  );
  if (!option) throw new Error(`parameter "${property.name}" has no option "${value}"`);
  return option.name;
}

function credentialProperty(key: string): INodeProperties {
  const found = credential.properties.find((p) => p.name === key);
  if (!found) throw new Error(`the built credential has no field "${key}"`);
  return found;
}

const f = catalog.fields;
const operation = classifyParameter('operation');
const text = classifyParameter(f.input.key);
const categorySource = classifyParameter(f.categorySource.key);
const categories = classifyParameter(f.categories.key, { categorySource: 'list' });
const schema = classifyParameter(f.schema.key, { categorySource: 'schema' });
const explain = classifyParameter(f.explain.key);
const options = node.properties.find(
  (p) =>
    p.type === 'collection' &&
    (p.options as INodeProperties[]).some((o) => o.name === f.routeByCategory.key),
)!;
const optionsByKey = Object.fromEntries(
  (options.options as INodeProperties[]).map((o) => [o.name, o]),
);
const rejected = credential.test?.rules?.find(
  (rule) => rule.type === 'responseCode' && rule.properties.value === 401,
);

export const shown = {
  /** What a person types into the node creator's search, and the item's name and description. */
  node: { name: node.displayName, description: node.description },
  /** Every action the node creator lists for the node (its operations' `action`). */
  actions: node.properties
    .filter((p) => p.name === 'operation')
    .flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.action!)),
  classifyAction: (operation.options as INodePropertyOptions[]).find(
    (o) => o.value === CLASSIFY.operation,
  )!.action!,
  text: { name: text.name, label: text.displayName },
  categorySource: {
    name: categorySource.name,
    label: categorySource.displayName,
    list: optionName(categorySource, 'list'),
    schema: optionName(categorySource, 'schema'),
  },
  categories: {
    name: categories.name,
    label: categories.displayName,
    addButton: categories.typeOptions!.multipleValueButtonText as string,
  },
  schema: {
    name: schema.name,
    label: schema.displayName,
    listMode: schema.modes!.find((m) => m.name === 'list')!.displayName,
  },
  explain: { label: explain.displayName },
  options: {
    label: options.displayName,
    routeByCategory: {
      name: f.routeByCategory.key,
      label: optionsByKey[f.routeByCategory.key]!.displayName,
    },
    reviewThreshold: optionsByKey[f.reviewThreshold.key]!.default as number,
    outputField: optionsByKey[f.outputField.key]!.default as string,
  },
  credential: {
    title: credential.displayName,
    apiKey: credentialProperty(catalog.credential.fields[0]!.key),
    baseUrl: credentialProperty(catalog.credential.fields[1]!.key),
    rejectedMessage: rejected?.properties.message as string,
  },
};

/** The names of the node's outputs for these parameters: its `outputs` expression, evaluated. */
export function outputNames(parameters: Record<string, unknown>): string[] {
  const body = /^=\{\{([\s\S]*)\}\}$/.exec(node.outputs as string)?.[1];
  if (!body) throw new Error('the built node has no outputs expression');
  const outputs = new Function('$parameter', `return ${body}`)(parameters) as Array<{
    displayName?: string;
  }>;
  return outputs.map((o) => o.displayName ?? '');
}
