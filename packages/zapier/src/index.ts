// The Classifaily app for Zapier: one definition, following Zapier's TypeScript template.
import zapier, { defineApp } from 'zapier-platform-core';

import authentication from './authentication';
import { addBearerToken } from './middleware';
import { version } from './version';

export default defineApp({
  version,
  platformVersion: zapier.version,

  authentication,
  beforeRequest: [addBearerToken],

  triggers: {},
  searches: {},
  creates: {},
});
