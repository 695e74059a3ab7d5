// The app's readme (shown in Make's app page): the service and its modules, from the catalog.
import { catalog } from '@classifaily/core';
import type { MakeModule } from '../make-format';

export function readme(modules: readonly MakeModule[]): string {
  const lines = [
    `# ${catalog.service.name}`,
    '',
    catalog.service.description,
    '',
    '## Modules',
    '',
    ...modules.map((m) => `- **${m.label}**: ${m.description}`),
    '',
    `Documentation: ${catalog.service.guides.make}`,
    '',
  ];
  return lines.join('\n');
}
