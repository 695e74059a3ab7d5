import { catalog } from '@classifaily/core';
import {
  NodeConnectionTypes,
  type INodeTypeBaseDescription,
  type INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credential';
import { outputsExpression } from './outputs';
import { nodeHints, nodeProperties } from './properties';

/**
 * The node's type name: workflows store it (`CUSTOM.classifaily`), so it never changes. Its file is
 * Classifaily.node.ts, as n8n's naming rule wants. The rule (node-filename-against-convention) takes
 * any literal with displayName, name and group for a node class's own description and checks the
 * file it is written in, which this shared base is not (decision 0254); n8n's scanner ignores
 * eslint-disable comments, so the name is a constant here rather than a literal.
 */
const NODE_NAME = 'classifaily';

/** What n8n shows for the node in every version: the versioned node's description. */
export const baseDescription: INodeTypeBaseDescription = {
  displayName: catalog.service.name,
  name: NODE_NAME,
  // n8n resolves every version's icon path relative to the entry file (Classifaily.node.js).
  // test/unit/package.test.ts checks that it points at the files in icons/.
  icon: {
    light: 'file:../../icons/classifaily.svg',
    dark: 'file:../../icons/classifaily.dark.svg',
  },
  group: ['transform'],
  description: catalog.service.description,
  defaultVersion: 2,
};

export const subtitle = '={{$parameter["operation"] + ": " + $parameter["resource"]}}';

/**
 * As an AI tool the node has one output (n8n replaces the outputs). V1's tool has n8n's Tool
 * Description option (set to manual, it starts from this text); V2 its own Tool Description
 * parameter, whose default is the same catalog text.
 */
export const usableAsTool: INodeTypeDescription['usableAsTool'] = {
  replacements: { description: catalog.tools.classify.description },
};

/**
 * A version's description: the base spread, and what every version shares — one output per
 * category when routing (outputs.ts), the credential, the hints — with that version's parameters.
 * Each version writes `icon`, `subtitle` and `usableAsTool` in its own literal, where n8n's
 * community lint rules read them (decision 0253).
 */
export function versionDescription(version: 1 | 2): INodeTypeDescription {
  return {
    ...baseDescription,
    version,
    subtitle,
    defaults: { name: catalog.service.name },
    inputs: [NodeConnectionTypes.Main],
    outputs: outputsExpression,
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    hints: nodeHints,
    properties: nodeProperties(version),
  };
}
