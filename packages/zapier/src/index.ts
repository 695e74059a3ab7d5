// The Classifaily app for Zapier: one definition, following Zapier's TypeScript template.
import zapier, { defineApp } from 'zapier-platform-core';

import authentication from './authentication';
import { addBearerToken } from './middleware';

// package.json sits outside rootDir; require keeps the version in one place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export default defineApp({
  version,
  platformVersion: zapier.version,

  authentication,
  beforeRequest: [addBearerToken],

  triggers: {},
  searches: {},
  creates: {},
});
