import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { baseDescription, subtitle, usableAsTool, versionDescription } from '../description';
import { execute, methods } from '../execute';

// V2 (decision 0209): the same operations and code as V1; what changes is what a saved workflow
// holds (nodeProperties), so that V1 workflows keep the parameters they were saved with.
export class ClassifailyV2 implements INodeType {
  // `icon`, `subtitle` and `usableAsTool` are written here for n8n's lint (decision 0253).
  description: INodeTypeDescription = {
    ...versionDescription(2),
    icon: baseDescription.icon,
    subtitle,
    usableAsTool,
  };

  methods = methods;

  execute = execute;
}
