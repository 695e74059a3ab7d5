// "Make an API Call": Make's universal module, on Make's REST template (developers.make.com,
// universal module / REST): its label, description and fields are the ones Make prescribes for every
// REST app, so they are written here rather than in core's catalog; the example path is core's.
import { catalog } from '@classifaily/core';
import { iml } from './iml';
import type { MakeParameter } from './params';

export const UNIVERSAL_GROUP_LABEL = 'Other';

const keyValue = (
  name: string,
  label: string,
  extra: Partial<MakeParameter> = {},
): MakeParameter => ({
  name,
  label,
  type: 'array',
  spec: [
    { name: 'key', label: 'Key', type: 'text' },
    { name: 'value', label: 'Value', type: 'text' },
  ],
  ...extra,
});

/** Pairs from a key/value array, spread into the request's headers or query string. */
const spread = (param: string) => ({
  '{{...}}': iml(`toCollection(parameters.${param}, 'key', 'value')`),
});

/** `baseUrl`: the connection's base URL, in IML; the user's path goes after it, never a host. */
export function universalModule(baseUrl: string) {
  return {
    id: 'makeAnApiCall',
    label: 'Make an API Call',
    description: 'Performs an arbitrary authorized API call.',
    moduleType: 'universal' as const,
    crud: undefined,
    resource: 'universal',
    communication: {
      url: `${baseUrl}${iml('parameters.url')}`,
      method: iml('parameters.method'),
      headers: spread('headers'),
      qs: spread('qs'),
      // The body goes as the user gives it: JSON text (Make's JSON › Create JSON) is sent as is.
      body: iml('parameters.body'),
      type: 'text',
      response: {
        output: { body: iml('body'), headers: iml('headers'), statusCode: iml('statusCode') },
      },
    },
    staticParams: [] as MakeParameter[],
    mappableParams: [
      {
        name: 'url',
        label: 'URL',
        type: 'text',
        required: true,
        help: `Enter a path relative to the base URL of your connection, for example: \`${catalog.operations.listSchemas.path}\`.`,
        // Only a path: the key must never go to another host.
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
      keyValue('headers', 'Headers', {
        help: "You don't have to add authorization headers; we already did that for you.",
        default: [{ key: 'Content-Type', value: 'application/json' }],
      }),
      keyValue('qs', 'Query String'),
      { name: 'body', label: 'Body', type: 'any' },
    ] as MakeParameter[],
    interface: [
      { name: 'body', label: 'Body', type: 'any' },
      { name: 'headers', label: 'Headers', type: 'collection' },
      { name: 'statusCode', label: 'Status Code', type: 'number' },
    ] as MakeParameter[],
    samples: {},
  };
}
