// "Make an API Call": Make's universal module. Its label, description and fields are the ones Make
// prescribes for every REST app (developers.make.com, universal module / REST), so they are written
// here rather than in core's catalog; only the example path comes from the catalog.
import { catalog } from '@classifaily/core';
import type { MakeModule, MakeParameter } from '../make-format';
import { iml } from '../iml/literal';

export const UNIVERSAL_GROUP_LABEL = 'Other';

const keyValue = (name: string, label: string): MakeParameter => ({
  name,
  label,
  type: 'array',
  spec: {
    type: 'collection',
    label,
    spec: [
      { name: 'key', label: 'Key', type: 'text' },
      { name: 'value', label: 'Value', type: 'text' },
    ],
  },
});

export function universalModule(): MakeModule {
  const example = catalog.credential.testPath;
  return {
    id: 'makeAnApiCall',
    label: 'Make an API Call',
    description: 'Performs an arbitrary authorized API call.',
    moduleType: 'universal',
    communication: {
      // Relative: base.baseUrl (the connection's) is put in front, so the key only ever goes there.
      url: iml('parameters.url'),
      method: iml('parameters.method'),
      headers: iml(`toCollection(parameters.headers, 'key', 'value')`),
      qs: iml(`toCollection(parameters.qs, 'key', 'value')`),
      body: iml('parameters.body'),
      response: {
        output: { body: iml('body'), headers: iml('headers'), statusCode: iml('statusCode') },
      },
    },
    staticParams: [],
    mappableParams: [
      {
        name: 'url',
        label: 'URL',
        type: 'text',
        required: true,
        help: `Enter a path relative to the base URL of your connection, for example: \`${example}\`.`,
        // Only a path: an absolute URL would send the connection's key to another host.
        validate: { pattern: '^/' },
      },
      {
        name: 'method',
        label: 'Method',
        type: 'select',
        required: true,
        default: 'GET',
        options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ label: m, value: m })),
      },
      keyValue('headers', 'Headers'),
      keyValue('qs', 'Query String'),
      { name: 'body', label: 'Body', type: 'any' },
    ],
    interface: [
      { name: 'body', label: 'Body', type: 'any' },
      { name: 'headers', label: 'Headers', type: 'collection' },
      { name: 'statusCode', label: 'Status Code', type: 'number' },
    ],
    samples: {},
  };
}
