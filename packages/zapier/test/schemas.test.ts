// Create Schema, Find Schema and the hidden trigger behind the Schema dropdown, against the sandbox.
import { ClassifailyClient } from '@classifaily/core';

import { PAGE_SIZE } from '../src/triggers/list-schemas';
import {
  App,
  appTester,
  authDataFor,
  details,
  rejectionOf,
  start,
  startCursorStore,
  type Sandbox,
} from './sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset({ schemas: true }));

const authData = () => authDataFor(sandbox);

describe('Create Schema', () => {
  it('saves a named list from line items, descriptions optional', async () => {
    const schema = await appTester(App.creates.createSchema.operation.perform, {
      authData: authData(),
      inputData: {
        name: 'Support triage',
        categories: [
          { category: 'billing', description: 'Charges and refunds.' },
          { category: 'account_access', description: '' },
        ],
      },
    });
    expect(schema).toMatchObject({
      id: expect.stringMatching(/^sch_/),
      name: 'Support triage',
      categories: [
        { name: 'billing', description: 'Charges and refunds.' },
        { name: 'account_access' },
      ],
    });
  });

  it('refuses one category as a user error naming the field', async () => {
    const error = await rejectionOf(
      appTester(App.creates.createSchema.operation.perform, {
        authData: authData(),
        inputData: { name: 'Too small', categories: [{ category: 'billing' }] },
      }),
    );
    expect(details(error)).toMatchObject({
      status: 400,
      message: expect.stringContaining('Field: Categories'),
    });
  });
});

describe('Find Schema', () => {
  it('finds a schema by name, not case-sensitive, and returns [] when there is none', async () => {
    const client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    await client.schemas.create({
      name: 'Support triage',
      categories: [{ name: 'a' }, { name: 'b' }],
    });
    const find = (name: string) =>
      appTester(App.searches.findSchema.operation.perform, {
        authData: authData(),
        inputData: { name },
      });
    await expect(find('support TRIAGE')).resolves.toEqual([
      expect.objectContaining({ name: 'Support triage' }),
    ]);
    await expect(find('Sales')).resolves.toEqual([]);
  });

  it('refuses a blank name before sending, in our words, not the API’s', async () => {
    const error = await rejectionOf(
      appTester(App.searches.findSchema.operation.perform, {
        authData: authData(),
        inputData: { name: '  ' },
      }),
    );
    expect(details(error)).toMatchObject({
      name: 'AppError',
      status: 400,
      message:
        'Give the name of the schema to find. Field: Name. Correct the field named in the message and run the step again.',
    });
    expect((await sandbox.stats()).total).toBe(0);
  });
});

describe('the Schema dropdown (hidden trigger)', () => {
  it('is hidden, paginated, and what the Schema field of both classify actions points at', () => {
    const trigger = App.triggers.listSchemas;
    expect(trigger.display.hidden).toBe(true);
    expect(trigger.operation.canPaginate).toBe(true);
  });

  it('pages through more schemas than one page with z.cursor, then returns nothing', async () => {
    const client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const total = PAGE_SIZE + 5;
    for (let i = 0; i < total; i++)
      await client.schemas.create({
        name: `Schema ${i}`,
        categories: [{ name: 'a' }, { name: 'b' }],
      });

    const store = await startCursorStore();
    try {
      const page = (n: number) =>
        store.runPage(
          'triggers.listSchemas.operation.perform',
          { authData: authData(), meta: { page: n } },
          'dropdown-1',
        ) as Promise<{ id: string; name: string }[]>;
      const first = await page(0);
      const second = await page(1);
      const third = await page(2);
      expect(first).toHaveLength(PAGE_SIZE);
      expect(second).toHaveLength(5);
      expect(third).toEqual([]);
      const ids = new Set([...first, ...second].map((schema) => schema.id));
      expect(ids.size).toBe(total);
    } finally {
      await store.close();
    }
  }, 60_000);
});
