import type { Icon } from 'n8n-workflow';

// n8n resolves the icon path of every version of a versioned node relative to the entry file
// (Classifaily.node.js), not to the version's own file, so all versions share this one value.
// test/unit/package.test.ts checks that it points at the files in icons/.
export const classifailyIcon: Icon = {
  light: 'file:../../icons/classifaily.svg',
  dark: 'file:../../icons/classifaily.dark.svg',
};
