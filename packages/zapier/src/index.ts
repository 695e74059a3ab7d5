// The Classifaily app for Zapier: one definition, following Zapier's TypeScript template.
import zapier, { defineApp } from 'zapier-platform-core';

import authentication from './authentication';
import classifyBatch from './creates/classify-batch';
import classifyText from './creates/classify-text';
import createSchema from './creates/create-schema';
import findSchema from './searches/find-schema';
import listSchemas from './triggers/list-schemas';
import { version } from './version';

export default defineApp({
  version,
  platformVersion: zapier.version,

  authentication,
  // Every request goes through z.request, whose log censors the Authorization header by name. The
  // default patch of Node's http module logs raw headers again and censors only the exact stored
  // value, so a key saved with stray spaces would show in clear there (decision 0304).
  flags: { skipHttpPatch: true },

  triggers: { [listSchemas.key]: listSchemas },
  searches: { [findSchema.key]: findSchema },
  creates: {
    [classifyText.key]: classifyText,
    [classifyBatch.key]: classifyBatch,
    [createSchema.key]: createSchema,
  },
  // "Find or Create Schema": Zapier offers to create the schema when the search finds none.
  searchOrCreates: {
    [findSchema.key]: {
      key: findSchema.key,
      display: {
        label: `Find or Create ${findSchema.noun}`,
        description: `${findSchema.display.description} If there is none, creates it.`,
      },
      search: findSchema.key,
      create: createSchema.key,
    },
  },
});
