import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { baseDescription, subtitle, usableAsTool, versionDescription } from '../description';
import { execute, methods } from '../execute';

export class ClassifailyV1 implements INodeType {
  // `icon`, `subtitle` and `usableAsTool` are written here for n8n's lint (decision 0253).
  description: INodeTypeDescription = {
    ...versionDescription(1),
    icon: baseDescription.icon,
    subtitle,
    usableAsTool,
  };

  methods = methods;

  execute = execute;
}
