import { catalog } from '@classifaily/core';
import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { classifailyIcon } from '../icon';
import { nodeHints, nodeProperties } from '../properties';
import { execute, methods } from '../execute';
import { outputsExpression } from '../outputs';
import { CREDENTIAL_TYPE } from '../credential';

// V2 (decision 0209): the same operations and code as V1; what changes is what a saved workflow
// holds (nodeProperties), so that V1 workflows keep the parameters they were saved with.
export class ClassifailyV2 implements INodeType {
  description: INodeTypeDescription = {
    displayName: catalog.service.name,
    name: 'classifaily',
    icon: classifailyIcon,
    group: ['transform'],
    description: catalog.service.description,
    version: 2,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    defaults: { name: catalog.service.name },
    // As an AI tool the node has one output (n8n replaces the outputs) and its own Tool Description
    // parameter, whose default is the catalog's tool-grade description.
    usableAsTool: { replacements: { description: catalog.tools.classify.description } },
    inputs: [NodeConnectionTypes.Main],
    outputs: outputsExpression,
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    hints: nodeHints,
    properties: nodeProperties(2),
  };

  methods = methods;

  execute = execute;
}
