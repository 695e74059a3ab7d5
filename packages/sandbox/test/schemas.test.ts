import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../src';
import { call, createSchema, expectConforms } from './helpers';

const cats = [{ name: 'billing', description: 'Charges and invoices.' }, { name: 'spam' }];

describe('schemas', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => sandbox.close());

  it('create, get, list, delete', async () => {
    const created = await call(sandbox, 'POST', '/v1/schemas', {
      body: { name: 'Triage', categories: cats },
    });
    expectConforms('createSchema', created);
    expect(created.body).toMatchObject({ object: 'schema', name: 'Triage', categories: cats });
    expect(created.body.id).toMatch(/^sch_[A-Za-z0-9]+$/);

    const got = await call(sandbox, 'GET', `/v1/schemas/${created.body.id}`);
    expect(got.body).toEqual(created.body);

    const deleted = await call(sandbox, 'DELETE', `/v1/schemas/${created.body.id}`);
    expectConforms('deleteSchema', deleted);
    expect(deleted.body).toEqual({ id: created.body.id, object: 'schema', deleted: true });
    expect((await call(sandbox, 'GET', `/v1/schemas/${created.body.id}`)).status).toBe(404);
    expect((await call(sandbox, 'DELETE', `/v1/schemas/${created.body.id}`)).status).toBe(404);
  });

  it('lists newest first, page by page, with an opaque cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createSchema(sandbox, `S${i}`)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await call(
        sandbox,
        'GET',
        `/v1/schemas?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expectConforms('listSchemas', answer);
      seen.push(...answer.body.data.map((s: { id: string }) => s.id));
      expect(answer.body.has_more).toBe(answer.body.next_cursor !== null);
      cursor = answer.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('defaults to 20 per page and filters by exact name, case-insensitive', async () => {
    for (let i = 0; i < 22; i++)
      await createSchema(sandbox, i === 3 ? 'Support Triage' : `Other ${i}`);
    const page = await call(sandbox, 'GET', '/v1/schemas');
    expect(page.body.data).toHaveLength(20);
    expect(page.body.has_more).toBe(true);
    const named = await call(sandbox, 'GET', '/v1/schemas?name=support%20triage');
    expect(named.body.data.map((s: { name: string }) => s.name)).toEqual(['Support Triage']);
    expect((await call(sandbox, 'GET', '/v1/schemas?name=support')).body.data).toEqual([]);
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=bogus', 'cursor'],
    ['page=2', 'page'],
  ])('?%s → 400 naming %s', async (query, field) => {
    const answer = await call(sandbox, 'GET', `/v1/schemas?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expectConforms('listSchemas', answer);
  });

  it('refuses duplicate or blank category names and a blank name (422)', async () => {
    for (const body of [
      { name: 'x', categories: [{ name: 'a' }, { name: 'a' }] },
      { name: 'x', categories: [{ name: 'a' }, { name: '  ' }] },
      { name: ' ', categories: [{ name: 'a' }, { name: 'b' }] },
      { name: 'x', categories: [{ name: 'a' }] },
    ]) {
      const answer = await call(sandbox, 'POST', '/v1/schemas', { body });
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('validation_failed');
    }
  });
});

describe('schemas: what counts as text', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it.each([
    [{ name: '\u0000', categories: cats }, 422, 'name', 'name_empty'],
    [
      { name: 'x', categories: [{ name: 'a' }, { name: '\u200b' }] },
      422,
      'categories[1].name',
      'category_empty',
    ],
    [{ name: 'x\ud800', categories: cats }, 400, 'name', 'name_malformed'],
    [
      { name: 'x', categories: [{ name: 'a\udfff' }, { name: 'b' }] },
      400,
      'categories[0].name',
      'category_malformed',
    ],
    [
      { name: 'x', categories: [{ name: 'a', description: 'cut \ud83d' }, { name: 'b' }] },
      400,
      'categories[0].description',
      'description_malformed',
    ],
  ])('%j → %i with %s %s', async (body, status, field, code) => {
    const answer = await call(sandbox, 'POST', '/v1/schemas', { body });
    expect(answer.status).toBe(status);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field, code })]);
    expectConforms('createSchema', answer);
  });
});

describe('schemas survive a restart with a database file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'classifaily-sandbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what was saved, and not what was deleted', async () => {
    const db = path.join(dir, 'sandbox.db');
    const first = await startSandbox({ db });
    const kept = await createSchema(first, 'Kept');
    const gone = await createSchema(first, 'Gone');
    await call(first, 'DELETE', `/v1/schemas/${gone.id}`);
    await first.close();

    const second = await startSandbox({ db });
    try {
      const got = await call(second, 'GET', `/v1/schemas/${kept.id}`);
      expect(got.status).toBe(200);
      expect(got.body.name).toBe('Kept');
      expect((await call(second, 'GET', `/v1/schemas/${gone.id}`)).status).toBe(404);
      const classified = await call(second, 'POST', '/v1/classify', {
        body: { input: 'I was charged twice', schema: kept.id },
      });
      expect(classified.body.result.label).toBe('billing');
    } finally {
      await second.close();
    }
  });

  it('an in-memory sandbox starts empty', async () => {
    const a = await startSandbox();
    await createSchema(a, 'Ephemeral');
    await a.close();
    const b = await startSandbox();
    expect((await call(b, 'GET', '/v1/schemas')).body.data).toEqual([]);
    await b.close();
  });
});
