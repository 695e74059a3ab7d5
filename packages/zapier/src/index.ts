// The Classifaily app for Zapier: one definition, following Zapier's TypeScript template.
import zapier, { defineApp } from 'zapier-platform-core';

import authentication from './authentication';
import classifyBatch from './creates/classify-batch';
import classifyText from './creates/classify-text';
import createSchema from './creates/create-schema';
import { addBearerToken } from './middleware';
import findSchema from './searches/find-schema';
import listSchemas from './triggers/list-schemas';
import { version } from './version';

export default defineApp({
  version,
  platformVersion: zapier.version,

  authentication,
  beforeRequest: [addBearerToken],

  triggers: { [listSchemas.key]: listSchemas },
  searches: { [findSchema.key]: findSchema },
  creates: {
    [classifyText.key]: classifyText,
    [classifyBatch.key]: classifyBatch,
    [createSchema.key]: createSchema,
  },
});
