// The app's version (from package.json, one place) and the User-Agent it sends.
// package.json sits outside rootDir, so it is required rather than imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { version } = require('../package.json') as { version: string };

export const USER_AGENT = `classifaily-zapier/${version}`;
