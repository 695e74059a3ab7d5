/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, @n8n/community-nodes/no-dangerous-functions --
   test code, runs in Jest; it loads the built node the way n8n does, with require(), and evaluates
   the outputs expression with nothing else in scope (new Function). */
// The parts of the node that need no running n8n: the catalog mapping, the outputs expression
// evaluated on its own (as n8n does), the category list parsing, the error mapping and the transport.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import {
  AuthenticationError,
  catalog,
  ClassifailyClient,
  errorFromResponse,
  RateLimitError,
  ValidationError,
} from '@classifaily/core';
import {
  NodeApiError,
  NodeOperationError,
  type INode,
  type INodeProperties,
  type INodeTypeDescription,
  type IVersionedNodeType,
} from 'n8n-workflow';

import { ClassifailyApi } from '../../credentials/ClassifailyApi.credentials';
import { categorySource } from '../../nodes/Classifaily/category-source';
import { toNodeError } from '../../nodes/Classifaily/errors';
import { fieldProperty } from '../../nodes/Classifaily/fields';
import { searchSchemas } from '../../nodes/Classifaily/methods/listSearch';
import { categoryNames } from '../../nodes/Classifaily/resources/classification/classify/execute';
import { n8nFetch } from '../../nodes/Classifaily/transport';
import { PACKAGE_ROOT as root } from '../harness/n8n';
import { startSandboxProcess } from '../harness/sandbox-process';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const { Classifaily } = require(path.join(root, pkg.n8n.nodes[0])) as {
  Classifaily: new () => IVersionedNodeType;
};
const v1 = new Classifaily().nodeVersions[1]!.description as INodeTypeDescription;
const v2 = new Classifaily().nodeVersions[2]!.description as INodeTypeDescription;
/** A test-mode key's shape, for checks that never reach a server. */
const SAMPLE_KEY = ['cai', 'test', 'abcdefgh12345678'].join('_');
const NODE: INode = {
  id: '1',
  name: 'Classifaily',
  type: 'n8n-nodes-classifaily.classifaily',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};

/** Evaluates the built `outputs` expression alone, as n8n's expression engine would. */
function outputsFor(parameters: Record<string, unknown>) {
  const body = /^=\{\{([\s\S]*)\}\}$/.exec(v1.outputs as string)?.[1];
  return new Function('$parameter', `return ${body}`)(parameters) as Array<{
    displayName?: string;
  }>;
}

describe('outputs (Route by Category)', () => {
  it('is one output unless routing is on with a typed list', () => {
    expect(outputsFor({})).toEqual([{ type: 'main' }]);
    expect(
      outputsFor({ categorySource: 'schema', options: { routeByCategory: true } }),
    ).toHaveLength(1);
    expect(outputsFor({ resource: 'schema', options: { routeByCategory: true } })).toHaveLength(1);
  });

  it('is one output per category plus Needs Review, named after them, from a self-contained function', () => {
    const outputs = outputsFor({
      categories: ['billing', 'technical_bug'],
      options: { routeByCategory: true },
    });
    expect(outputs.map((o) => o.displayName)).toEqual(['billing', 'technical_bug', 'Needs Review']);
  });
});

describe('V2: what a saved workflow holds changes, so it is a new version (decision 0209)', () => {
  const named = (description: INodeTypeDescription, name: string) =>
    description.properties.filter((p) => p.name === name);

  it('has no two parameters of the same name with different types', () => {
    for (const description of [v2]) {
      const types = new Map<string, Set<string>>();
      for (const p of description.properties)
        types.set(p.name, (types.get(p.name) ?? new Set()).add(p.type));
      expect([...types].filter(([, t]) => t.size > 1).map(([name]) => name)).toEqual([]);
    }
    // V1 keeps its saved parameter names: Classify's list and the new schema's categories.
    expect(named(v1, 'categories').map((p) => p.type)).toEqual(['string', 'fixedCollection']);
    expect(named(v2, 'schemaCategories').map((p) => p.type)).toEqual(['fixedCollection']);
  });

  it('offers Low-Confidence Items with routing, and Discard drops the Needs Review output', () => {
    const options = (d: INodeTypeDescription) =>
      (named(d, 'options')[0]!.options as INodeProperties[]).map((o) => o.name);
    expect(options(v1)).not.toContain('lowConfidence');
    expect(options(v2)).toContain('lowConfidence');
    const routing = {
      categories: ['billing', 'technical_bug'],
      options: { routeByCategory: true },
    };
    expect(outputsFor(routing).map((o) => o.displayName)).toEqual([
      'billing',
      'technical_bug',
      'Needs Review',
    ]);
    expect(
      outputsFor({ ...routing, options: { routeByCategory: true, lowConfidence: 'discard' } }).map(
        (o) => o.displayName,
      ),
    ).toEqual(['billing', 'technical_bug']);
  });

  it('carries the catalog’s tool-grade description on the AI tool only', () => {
    const [tool] = named(v2, 'toolDescription');
    expect(tool).toMatchObject({
      default: catalog.tools.classify.description,
      displayOptions: { show: { '@tool': [true] } },
    });
    expect(named(v1, 'toolDescription')).toEqual([]);
  });

  it('warns in the editor when routing meets a category from an expression', () => {
    const [hint] = v2.hints!;
    const condition = /^=\{\{([\s\S]*)\}\}$/.exec(hint!.displayCondition!)![1];
    const shows = (parameters: Record<string, unknown>) =>
      new Function('$parameter', `return ${condition}`)(parameters) as boolean;
    const routing = { options: { routeByCategory: true } };
    expect(shows({ ...routing, categories: ['billing', '={{ $json.extra }}'] })).toBe(true);
    expect(shows({ ...routing, categories: ['billing', 'bug'] })).toBe(false);
    expect(shows({ categories: ['={{ $json.extra }}'] })).toBe(false);
    expect(hint!.message).toMatch(/cannot name an output.*Type the category names/);
  });
});

describe('fields from the catalog', () => {
  const byName = (name: string) => v1.properties.filter((p) => p.name === name);

  it('takes labels, help, defaults and limits from core', () => {
    const [input] = byName('input');
    expect(input).toMatchObject({
      displayName: catalog.fields.input.label,
      description: catalog.fields.input.help,
      required: true,
    });
    const options = byName('options')[0]!.options as INodeProperties[];
    const batch = options.find((o) => o.name === 'batchSize')!;
    expect(batch.default).toBe(25);
    expect(batch.typeOptions).toMatchObject({ minValue: 1, maxValue: 25 });
    expect(options.find((o) => o.name === 'reviewThreshold')!.default).toBe(0.8);
    expect(options.find((o) => o.name === 'outputField')!.default).toBe('classification');
  });

  it('maps a schema to a searchable resource locator (list / by ID)', () => {
    const property = fieldProperty(catalog.fields.schema);
    expect(property.type).toBe('resourceLocator');
    expect(property.modes?.map((m) => m.name)).toEqual(['list', 'id']);
    expect(property.modes?.[0]?.typeOptions).toMatchObject({ searchable: true });
    expect(Object.keys(new Classifaily().nodeVersions[1]!.methods?.listSearch ?? {})).toEqual([
      'searchSchemas',
    ]);
  });

  it('maps a category list to multiple string values and schema categories to a fixed collection', () => {
    expect(fieldProperty(catalog.fields.categories)).toMatchObject({
      type: 'string',
      typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Category' },
    });
    expect(fieldProperty(catalog.fields.schemaCategories)).toMatchObject({
      type: 'fixedCollection',
      options: [{ name: 'values', displayName: 'Category' }],
    });
  });

  it('offers Classify and the four schema operations', () => {
    const operations = byName('operation').flatMap((p) =>
      p.options!.map((o) => 'value' in o && o.value),
    );
    expect(operations).toEqual(['classify', 'create', 'delete', 'get', 'getAll']);
  });
});

describe('categoryNames', () => {
  it('takes typed names, lists from expressions and lines, without blanks', () => {
    expect(categoryNames(['billing', ' bug ', ''])).toEqual(['billing', 'bug']);
    expect(categoryNames([['a', 'b'], 'c\nd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(categoryNames(undefined)).toEqual([]);
  });
});

describe('Categories From (categorySource)', () => {
  const withSource = (value: unknown): INode => ({
    ...NODE,
    parameters: value === undefined ? {} : { categorySource: value as string },
  });

  it('takes the two options, and the default when it is not saved', () => {
    expect(categorySource(withSource('list'))).toBe('list');
    expect(categorySource(withSource('schema'))).toBe('schema');
    expect(categorySource(withSource(undefined))).toBe('list');
  });

  it('refuses anything else with what to choose: the text n8n leaves of an expression, an expression, empty', () => {
    for (const value of ['{{ $json.source }}', '={{ "list" }}', '', 'List']) {
      const thrown = (() => {
        try {
          categorySource(withSource(value));
        } catch (error) {
          return error as NodeOperationError;
        }
        throw new Error(`${value} was taken`);
      })();
      expect(thrown).toBeInstanceOf(NodeOperationError);
      expect(thrown.message).toMatch(
        /^Categories From must be A List or A Saved Schema, but it is /,
      );
      expect(thrown.message).toContain(value.replace(/^=/, '') || 'empty');
      expect(thrown.description).toMatch(/choose A List or A Saved Schema in Categories From/);
    }
  });
});

describe('toNodeError', () => {
  it('turns a bad key into a NodeApiError that says to reconnect the credential', () => {
    const error = toNodeError(
      NODE,
      new AuthenticationError('The API key was revoked.', {
        status: 401,
        code: 'revoked_api_key',
        requestId: 'req_1',
        hint: 'Create a new API key.',
      }),
      3,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    expect(error.message).toBe('The API key was revoked.');
    expect(error.description).toMatch(/credential/);
    // Says to reconnect once: core's hint, then where that is in n8n.
    const advice = toNodeError(NODE, errorFromResponse(401, undefined, 'req_2')).description;
    expect(advice?.match(/reconnect/gi)).toHaveLength(1);
    expect(advice).toMatch(/reconnect\..*In n8n: open this node's Classifaily API credential/);
    // A 429's advice is what a user can do in n8n: Retry On Fail waits 5 s at most (decision 0212).
    const limited = toNodeError(NODE, errorFromResponse(429, undefined, 'req_3')).description;
    expect(limited).toBe(
      "Slow down: process fewer items at once, lower the concurrency, or wait a minute and retry. In n8n: Concurrency is in this node's options; Wait Out Rate Limits (Seconds) there sets how long the node waits before it gives up. (request req_3)",
    );
    expect(error.description).toContain('req_1');
    expect((error as NodeApiError).httpCode).toBe('401');
    expect(error.context.itemIndex).toBe(3);
  });

  it('says to slow down after a 429 that outlived the retries', () => {
    const error = toNodeError(
      NODE,
      new RateLimitError('Too many requests.', { status: 429, hint: 'Slow down.' }),
    );
    expect(error.description).toMatch(/Slow down.*Concurrency/);
  });

  it('tells a read-only key that classified what it may not do: classify, not "create, change or delete"', async () => {
    const sandbox = await startSandboxProcess();
    try {
      const client = new ClassifailyClient({ apiKey: sandbox.readOnlyKey, baseUrl: sandbox.url });
      const refused = await client
        .classify({ input: 'I was charged twice.', categories: ['billing', 'other'] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const error = toNodeError(NODE, refused, 0);
      expect(error.message).toBe(catalog.operations.classify.denied);
      expect(`${error.message} ${error.description}`).toMatch(
        /^This API key may not classify texts\. Use a key that may do this \(not a read-only one\), or ask the account owner for one\. In n8n: select another credential under this node's Credential, or create one with such a key\. \(request req_\w+\)$/,
      );
      expect(`${error.message} ${error.description}`).not.toMatch(/create, change or delete/);
    } finally {
      await sandbox.close();
    }
  });

  it('makes a validation before sending a NodeOperationError, and never shows a key', () => {
    const error = toNodeError(
      NODE,
      new ValidationError('Bad key cai_live_FakeKeyForRedaction in text.', { hint: 'Fix it.' }),
    );
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(error.message).not.toContain('FakeKeyForRedaction');
  });
});

describe('the transport over httpRequestWithAuthentication', () => {
  it('gives core every status, the headers and the body text; Authorization is n8n’s', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const context = {
      getNode: () => ({ ...NODE, credentials: { classifailyApi: { id: 'c1', name: 'Sandbox' } } }),
      helpers: {
        httpRequestWithAuthentication: async (
          type: string,
          options: Record<string, unknown>,
          extra?: Record<string, unknown>,
        ) => {
          calls.push({ type, ...options, extra });
          return {
            statusCode: 429,
            headers: { 'Retry-After': '0', 'X-Request-Id': 'req_9' },
            body: '{"type":"about:blank","title":"Too Many Requests","status":429,"code":"rate_limited","detail":"Slow down."}',
          };
        },
      },
    };
    const credentials = { apiKey: SAMPLE_KEY, baseUrl: 'http://127.0.0.1:9' };
    const client = new ClassifailyClient({
      auth: 'transport',
      baseUrl: 'http://127.0.0.1:9',
      fetch: n8nFetch(context as never, credentials),
      sleep: async () => {},
      maxRetries: 1,
    });
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).requestId).toBe('req_9');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      type: 'classifailyApi',
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      json: false,
      // A 3xx comes back for core to judge, and the body as a stream read no further than core
      // allows (decision 0235).
      disableFollowRedirect: true,
      encoding: 'stream',
    });
    expect(calls[0]!.headers).not.toHaveProperty('Authorization');
    // Core's signal (cancel + per-attempt timeout) is n8n's abortSignal; the credential read once
    // for the client goes with each request, so that n8n does not read and decrypt it again.
    expect(calls[0]!.abortSignal).toBeInstanceOf(AbortSignal);
    expect(calls[0]!.extra).toEqual({
      credentialsDecrypted: {
        id: 'c1',
        name: 'Sandbox',
        type: 'classifailyApi',
        data: credentials,
      },
    });
  });

  it('turns a failure without an answer into a connection error carrying only the network code', async () => {
    const context = {
      getNode: () => NODE,
      helpers: {
        httpRequestWithAuthentication: async () => {
          throw Object.assign(new Error('boom Bearer cai_test_secret000000000'), {
            cause: { code: 'ECONNREFUSED' },
          });
        },
      },
    };
    const fetch = n8nFetch(context as never);
    const error = (await fetch('http://127.0.0.1:9/v1/me', { method: 'GET', headers: {} }).catch(
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).not.toContain('cai_test');
  });
});

describe('the transport reads n8n’s response stream as core allows (decision 0235)', () => {
  /** n8nFetch over a helper that answers 200 with `body`, as n8n does with `encoding: 'stream'`. */
  const fetchWith = (body: Readable) =>
    n8nFetch({
      getNode: () => NODE,
      helpers: {
        httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: {}, body }),
      },
    } as never);
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );

  it('reads a body up to the limit, and refuses one past it without reading the rest', async () => {
    const small = await fetchWith(Readable.from([Buffer.from('{"ok":'), Buffer.from('true}')]))(
      'http://127.0.0.1:9/v1/me',
      { method: 'GET', headers: {}, maxResponseBytes: 11 },
    );
    await expect(small.text()).resolves.toBe('{"ok":true}');

    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += 1;
          yield Buffer.alloc(1024, 'x');
        }
      })(),
    );
    const large = await fetchWith(endless)('http://127.0.0.1:9/v1/me', {
      method: 'GET',
      headers: {},
      maxResponseBytes: 10 * 1024,
    });
    expect((await rejection(large.text()))?.code).toBe('answer_too_large');
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(100);
  });

  it('gives up on a body still arriving when core’s signal fires (n8n’s timeout ends at the headers)', async () => {
    const trickle = new PassThrough();
    trickle.write('{"ok":');
    const attempt = new AbortController();
    const response = await fetchWith(trickle)('http://127.0.0.1:9/v1/me', {
      method: 'GET',
      headers: {},
      signal: attempt.signal,
    });
    const reading = rejection(response.text());
    const timedOut = new Error('the attempt timed out');
    attempt.abort(timedOut);
    expect(await reading).toBe(timedOut);
    expect(trickle.destroyed).toBe(true);
  });

  it('keeps a late error on a body core never reads (a refused redirect) from being uncaught', async () => {
    const unread = new PassThrough();
    await fetchWith(unread)('http://127.0.0.1:9/v1/me', { method: 'GET', headers: {} });
    // With no listener, emitting 'error' throws: in n8n, an uncaught exception.
    expect(() => unread.emit('error', new Error('socket hang up'))).not.toThrow();
  });
});

describe('the credential: core decides what a key is and where it may go', () => {
  const key = SAMPLE_KEY;
  const call = (credentials: Record<string, string>, url = '/v1/me') =>
    new ClassifailyApi().authenticate(credentials, { url, method: 'GET' });

  it('sends the key only under the credential’s base URL, the API’s when it is empty', async () => {
    await expect(call({ apiKey: key, baseUrl: '' })).resolves.toMatchObject({
      url: 'https://api.classifaily.com/v1/me',
      headers: { Authorization: `Bearer ${key}` },
    });
    await expect(
      call(
        { apiKey: key, baseUrl: 'https://eu.classifaily.com/api' },
        'https://eu.classifaily.com/api/v1/classify/batch',
      ),
    ).resolves.toMatchObject({ url: 'https://eu.classifaily.com/api/v1/classify/batch' });
    await expect(
      call(
        { apiKey: key, baseUrl: 'https://api.classifaily.com' },
        'https://elsewhere.example/v1/me',
      ),
    ).rejects.toThrow(/only sent to https:\/\/api\.classifaily\.com/);
  });

  it('refuses plain http except to this machine, with core’s message, before anything is sent', async () => {
    await expect(call({ apiKey: key, baseUrl: 'http://api.example.com' })).rejects.toThrow(
      /not secure \(https\).*localhost/,
    );
    await expect(call({ apiKey: key, baseUrl: 'https://user:pw@api.example.com' })).rejects.toThrow(
      /user name or password/,
    );
    await expect(call({ apiKey: key, baseUrl: 'http://localhost:8787' })).resolves.toBeDefined();
  });

  it('refuses a value that cannot be a key, and never repeats it', async () => {
    const error = await call({ apiKey: 'my password 123', baseUrl: '' }).catch((e: Error) => e);
    expect(String(error)).toMatch(/doesn't look like a Classifaily API key/);
    expect(String(error)).not.toContain('password 123');
  });
});

describe('the schema picker (searchSchemas)', () => {
  // 250 schemas, newest first, in pages of 100 as the API serves them; "Team 0".."Team 49" are on
  // the last page.
  const schemas = Array.from({ length: 250 }, (_, i) => ({
    object: 'schema',
    id: `sch_${String(249 - i).padStart(3, '0')}`,
    name: `Team ${249 - i}`,
    categories: [{ name: 'billing' }, { name: 'other' }],
    created_at: '2026-01-01T00:00:00Z',
  }));
  function picker() {
    const urls: string[] = [];
    const context = {
      getNode: () => NODE,
      getCredentials: async () => ({ apiKey: SAMPLE_KEY, baseUrl: 'http://127.0.0.1:9' }),
      helpers: {
        httpRequestWithAuthentication: async (_type: string, options: { url: string }) => {
          urls.push(options.url);
          const url = new URL(options.url);
          const limit = Number(url.searchParams.get('limit'));
          const start = Number(url.searchParams.get('cursor') ?? 0);
          const next = start + limit < schemas.length ? String(start + limit) : null;
          return {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              object: 'list',
              data: schemas.slice(start, start + limit),
              has_more: next !== null,
              next_cursor: next,
            }),
          };
        },
      },
    };
    return { urls, search: searchSchemas.bind(context as never) };
  }

  it('gives one page per call and the token for the next, without a search text', async () => {
    const { urls, search } = picker();
    const first = await search();
    expect(first.results).toHaveLength(100);
    expect(first.results[0]).toEqual({
      name: 'Team 249',
      value: 'sch_249',
      description: 'billing, other',
    });
    const second = await search(undefined, first.paginationToken as string);
    expect(second.results[0]!.name).toBe('Team 149');
    expect(urls).toHaveLength(2);
  });

  it('reads on past pages without a match, so a schema on a later page is found', async () => {
    const { urls, search } = picker();
    const found = await search('team 7');
    // "Team 7x" are on the second page; the first page (Team 249..150) has none.
    expect(found.results.map((r) => r.name)).toEqual([
      'Team 79',
      'Team 78',
      'Team 77',
      'Team 76',
      'Team 75',
      'Team 74',
      'Team 73',
      'Team 72',
      'Team 71',
      'Team 70',
    ]);
    expect(urls).toHaveLength(2);
    // The rest ("Team 7") is on the last page, behind the token.
    const rest = await search('team 7', found.paginationToken as string);
    expect(rest.results.map((r) => r.name)).toEqual(['Team 7']);
    expect(rest.paginationToken).toBeUndefined();
  });

  it('answers no results, and no token, once every page was read without a match', async () => {
    const { urls, search } = picker();
    expect(await search('nothing like this')).toEqual({
      results: [],
      paginationToken: undefined,
    });
    expect(urls).toHaveLength(3);
  });
});
