import { catalog } from '@classifaily/core';
import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { classifailyIcon } from '../icon';
import { nodeHints, nodeProperties } from '../properties';
import { execute, methods } from '../execute';
import { outputsExpression } from '../outputs';
import { CREDENTIAL_TYPE } from '../credential';

export class ClassifailyV1 implements INodeType {
  description: INodeTypeDescription = {
    displayName: catalog.service.name,
    name: 'classifaily',
    icon: classifailyIcon,
    group: ['transform'],
    description: catalog.service.description,
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    defaults: { name: catalog.service.name },
    // As an AI tool the node has one output (n8n replaces the outputs). V1's tool has n8n's Tool
    // Description option; set to manual, it starts from this description.
    usableAsTool: { replacements: { description: catalog.tools.classify.description } },
    inputs: [NodeConnectionTypes.Main],
    outputs: outputsExpression,
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    hints: nodeHints,
    properties: nodeProperties(1),
  };

  methods = methods;

  execute = execute;
}
