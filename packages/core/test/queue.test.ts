import fc from 'fast-check';
import {
  AuthenticationError,
  ClassifailyError,
  LIMITS,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
  ValidationError,
  type BatchTarget,
  type ClassifyBatchRequest,
  type ManyOutcome,
} from '../src';
import { createBatchQueue } from '../src/queue';
import { fakeBatch } from './helpers/fake-batch';

const TARGETS: BatchTarget[] = [
  { categories: ['spam', 'ham'] },
  { categories: ['spam', 'ham'], explain: true },
  { categories: ['billing', 'bug', 'access'] },
  { schema: 'sch_0123456789abcdef' },
];

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const sameTarget = (call: ClassifyBatchRequest, target: BatchTarget) =>
  call.schema === target.schema &&
  (target.schema !== undefined ||
    JSON.stringify(call.categories) === JSON.stringify(target.categories)) &&
  (call.explain === true) === (target.explain === true);

describe('createBatchQueue', () => {
  it('gives each item its own outcome, in ⌈n/batch size⌉ requests per target, never over the concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Items as (target, pause before the next add): the caller is slow between some items.
        fc.array(fc.tuple(fc.nat(TARGETS.length - 1), fc.nat(2)), { maxLength: 150 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.infiniteStream(fc.nat(3)),
        async (plan, batchSize, concurrency, delayStream) => {
          const delays = delayStream[Symbol.iterator]();
          const fake = fakeBatch({ delays: () => delays.next().value as number });
          const queue = createBatchQueue(fake.send, { batchSize, concurrency });
          const promises: Promise<ManyOutcome>[] = [];
          for (const [i, [t, pause]] of plan.entries()) {
            promises.push(queue.add({ input: `text ${i}`, id: `ref-${i}` }, TARGETS[t]!));
            for (let p = 0; p < pause; p++) await tick();
          }
          await queue.flush();
          const outcomes = await Promise.all(promises);

          outcomes.forEach((o, i) => {
            expect(o.index).toBe(i);
            expect(o.id).toBe(`ref-${i}`);
            expect(o.ok && o.result.label).toBe(`text ${i}`);
          });
          // Every item sent exactly once, with its own target, in its target's order.
          TARGETS.forEach((target, t) => {
            const mine = plan.flatMap(([pt], i) => (pt === t ? [`text ${i}`] : []));
            const calls = fake.calls.filter((c) => sameTarget(c, target));
            expect(calls.flatMap((c) => c.items.map((item) => item.input))).toEqual(mine);
            expect(calls.length).toBe(Math.ceil(mine.length / batchSize));
          });
          expect(fake.calls.reduce((n, c) => n + c.items.length, 0)).toBe(plan.length);
          expect(fake.calls.every((c) => c.items.length >= 1 && c.items.length <= batchSize)).toBe(
            true,
          );
          expect(fake.peak()).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('sends a full batch at once, before flush', async () => {
    const fake = fakeBatch({ delays: () => 0 });
    const queue = createBatchQueue(fake.send, { batchSize: 3 });
    const first = [0, 1, 2].map((i) => queue.add({ input: `t${i}` }, TARGETS[0]!));
    queue.add({ input: 't3' }, TARGETS[0]!);
    expect(fake.calls).toHaveLength(1);
    expect((await Promise.all(first)).every((o) => o.ok)).toBe(true);
    await queue.flush();
    expect(fake.calls).toHaveLength(2);
  });

  it('fails the items of a bad target and of bad input alone, without a request', async () => {
    const fake = fakeBatch({ delays: () => 1 });
    const queue = createBatchQueue(fake.send);
    const outcomes = [
      queue.add({ input: 'a' }, TARGETS[0]!),
      queue.add({ input: 'b' }, { categories: ['only'] }),
      queue.add({ input: '   ' }, TARGETS[0]!),
      queue.add({ input: 'c' }, TARGETS[0]!),
    ];
    await queue.flush();
    const [a, bad, empty, c] = await Promise.all(outcomes);
    expect(a!.ok && c!.ok).toBe(true);
    expect(!bad!.ok && bad!.error).toBeInstanceOf(ValidationError);
    expect(!bad!.ok && bad!.error.message).toMatch(/at least 2/);
    expect(!empty!.ok && empty!.error.code).toBe('input_empty');
    expect(fake.calls.map((call) => call.items.map((i) => i.input))).toEqual([['a', 'c']]);
  });

  it('fails only the items of a batch that failed as a whole', async () => {
    let call = 0;
    const ok = fakeBatch({ delays: () => 0 });
    const queue = createBatchQueue(
      async (body) => {
        if (++call === 2) throw new ServerError('down', { status: 503 });
        return ok.send(body);
      },
      { concurrency: 1, batchSize: 2 },
    );
    const outcomes = Array.from({ length: 5 }, (_, i) =>
      queue.add({ input: `t${i}` }, TARGETS[0]!),
    );
    await queue.flush();
    expect((await Promise.all(outcomes)).map((o) => o.ok)).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it('fails a deleted schema (404) and a refused target (422) alone: every other target is classified', async () => {
    const DELETED: BatchTarget = { schema: 'sch_deleted' };
    const REFUSED: BatchTarget = { categories: ['refused', 'by server'] };
    const ALL = [...TARGETS, DELETED, REFUSED];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(ALL.length - 1), fc.nat(2)), { maxLength: 150 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.infiniteStream(fc.nat(3)),
        async (plan, batchSize, concurrency, delayStream) => {
          const delays = delayStream[Symbol.iterator]();
          const fake = fakeBatch({ delays: () => delays.next().value as number });
          const send = async (body: ClassifyBatchRequest) => {
            const answer = fake.send(body); // recorded and answered after its delay, as the others
            await answer;
            if (sameTarget(body, DELETED))
              throw new NotFoundError('No schema sch_deleted.', {
                status: 404,
                code: 'schema_not_found',
              });
            if (sameTarget(body, REFUSED))
              throw new ValidationError('Refused.', { status: 422, code: 'validation_failed' });
            return answer;
          };
          const queue = createBatchQueue(send, { batchSize, concurrency });
          const promises: Promise<ManyOutcome>[] = [];
          for (const [i, [t, pause]] of plan.entries()) {
            promises.push(queue.add({ input: `text ${i}` }, ALL[t]!));
            for (let p = 0; p < pause; p++) await tick();
          }
          await queue.flush();
          const outcomes = await Promise.all(promises);

          plan.forEach(([t], i) => {
            const o = outcomes[i]!;
            expect(o.index).toBe(i);
            if (ALL[t] === DELETED) expect(!o.ok && o.error).toBeInstanceOf(NotFoundError);
            else if (ALL[t] === REFUSED) expect(!o.ok && o.error.status).toBe(422);
            else expect(o.ok && o.result.label).toBe(`text ${i}`);
          });
          TARGETS.forEach((target, t) => {
            const mine = plan.filter(([pt]) => pt === t).length;
            const calls = fake.calls.filter((c) => sameTarget(c, target));
            expect(calls.length).toBe(Math.ceil(mine / batchSize));
          });
          // A refused target costs at most the batches already in flight when its first answer came.
          for (const target of [DELETED, REFUSED]) {
            const mine = plan.filter(([pt]) => ALL[pt] === target).length;
            const calls = fake.calls.filter((c) => sameTarget(c, target)).length;
            expect(calls).toBeLessThanOrEqual(Math.min(concurrency, Math.ceil(mine / batchSize)));
            if (mine > 0) expect(calls).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it.each([
    [
      'a refused key (401)',
      () => new AuthenticationError('revoked', { status: 401, code: 'revoked_api_key' }),
    ],
    [
      'a key that may not classify (403)',
      () => new PermissionDeniedError('no', { status: 403, code: 'permission_denied' }),
    ],
  ])(
    'stops sending after %s, for every target, also for items added later',
    async (_name, make) => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 1, max: 200 }),
          async (concurrency, n) => {
            let calls = 0;
            const queue = createBatchQueue(
              async () => {
                calls++;
                await tick();
                throw make();
              },
              { concurrency },
            );
            const outcomes: Promise<ManyOutcome>[] = [];
            for (let i = 0; i < n; i++) {
              outcomes.push(queue.add({ input: `t${i}` }, TARGETS[i % TARGETS.length]!));
              if (i % 10 === 0) await tick();
            }
            await queue.flush();
            const settled = await Promise.all(outcomes);
            const Expected = make().constructor as typeof ClassifailyError;
            expect(settled.every((o) => !o.ok && o.error instanceof Expected)).toBe(true);
            expect(calls).toBeLessThanOrEqual(concurrency);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('cuts batches by the body limit as well as by count: every request fits, greedily, in order (defect 3)', async () => {
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    // 1, 2, 3 and 4 bytes per code point, and a control character that JSON spells in 6 bytes.
    const piece = fc.constantFrom('a', 'é', '€', '😀', 'a\u0001');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            piece,
            fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 15_000, max: 20_000 })),
            fc.nat(1),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 25 }),
        async (plan, batchSize) => {
          const fake = fakeBatch();
          const queue = createBatchQueue(fake.send, { batchSize });
          const texts = plan.map(([p, n]) => p.repeat(Math.max(1, Math.floor(n / p.length))));
          const outcomes = texts.map((input, i) =>
            queue.add({ input, id: `r${i}` }, TARGETS[plan[i]![2]]!),
          );
          await queue.flush();
          expect((await Promise.all(outcomes)).every((o) => o.ok)).toBe(true);
          for (const call of fake.calls) {
            expect(bytes(call)).toBeLessThanOrEqual(LIMITS.requestBodyMaxBytes);
            expect(call.items.length).toBeLessThanOrEqual(batchSize);
          }
          for (const t of [0, 1]) {
            const calls = fake.calls.filter((c) => sameTarget(c, TARGETS[t]!));
            const sent = calls.flatMap((c) => c.items.map((i) => i.id));
            expect(sent).toEqual(plan.flatMap(([, , pt], i) => (pt === t ? [`r${i}`] : [])));
            // A batch is cut only when the next item would not fit, by count or by size.
            calls.slice(0, -1).forEach((call, k) => {
              const next = calls[k + 1]!.items[0]!;
              const withNext = { ...call, items: [...call.items, next] };
              expect(
                call.items.length === batchSize || bytes(withNext) > LIMITS.requestBodyMaxBytes,
              ).toBe(true);
            });
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sends 25 texts of 20,000 three-byte characters (1.5 MB) in two requests, not one the API refuses', async () => {
    const fake = fakeBatch();
    const queue = createBatchQueue(fake.send);
    const outcomes = Array.from({ length: 25 }, () =>
      queue.add({ input: '€'.repeat(LIMITS.inputMaxLength) }, TARGETS[0]!),
    );
    await queue.flush();
    expect((await Promise.all(outcomes)).every((o) => o.ok)).toBe(true);
    expect(fake.calls.map((c) => c.items.length)).toEqual([17, 8]);
  });

  it('fails alone an item whose reference is too long, and one too big for any request', async () => {
    const fake = fakeBatch();
    const queue = createBatchQueue(fake.send);
    const outcomes = [
      queue.add({ input: 'a', id: 'x'.repeat(LIMITS.itemIdMaxLength + 1) }, TARGETS[0]!),
      queue.add({ input: 'b', id: '😀'.repeat(LIMITS.itemIdMaxLength) }, TARGETS[0]!),
    ];
    await queue.flush();
    const [long, emoji] = await Promise.all(outcomes);
    expect(!long!.ok && long!.error.code).toBe('item_id_too_long');
    expect(emoji!.ok).toBe(true);

    // With the contract's numbers one item always fits (20,000 code points × 6 bytes < 1 MiB), so
    // the rule is shown with a smaller limit.
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../src/generated/limits', () => ({
        LIMITS: { ...LIMITS, requestBodyMaxBytes: 200 },
      }));
      const { createBatchQueue: smallQueue } = await import('../src/queue');
      const small = fakeBatch();
      const q = smallQueue(small.send);
      const results = [
        q.add({ input: 'x'.repeat(300) }, TARGETS[0]!),
        q.add({ input: 'fits' }, TARGETS[0]!),
      ];
      await q.flush();
      const [tooBig, fits] = await Promise.all(results);
      expect(!tooBig!.ok && tooBig!.error).toMatchObject({ code: 'item_too_large' });
      expect(!tooBig!.ok && tooBig!.error.message).toMatch(/too large to send.*the limit is 200/);
      expect(fits!.ok).toBe(true);
      expect(small.calls.map((c) => c.items.map((i) => i.input))).toEqual([['fits']]);
    });
  });

  it('sends nothing more once cancelled: the waiting items reject with the reason', async () => {
    const controller = new AbortController();
    const fake = fakeBatch({ delays: () => 2 });
    const queue = createBatchQueue(fake.send, {
      batchSize: 1,
      concurrency: 1,
      signal: controller.signal,
    });
    const outcomes = Promise.allSettled(
      [0, 1, 2].map((i) => queue.add({ input: `t${i}` }, TARGETS[0]!)),
    );
    controller.abort(new Error('cancelled'));
    await queue.flush();
    const settled = await outcomes;
    expect(fake.calls).toHaveLength(1);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
  });

  it.each([
    [{ batchSize: 26 }, /Batch Size \(batchSize\) must be a whole number from 1 to 25 \(got 26\)/],
    [{ batchSize: 2.5 }, /Batch Size \(batchSize\) .*got 2\.5/],
    [{ concurrency: 0 }, /Concurrency \(concurrency\) must be a whole number, 1 or more \(got 0\)/],
    [{ concurrency: NaN }, /Concurrency \(concurrency\).*got NaN/],
  ])('refuses %p with a ValidationError naming the option', (options, message) => {
    const make = () => createBatchQueue(fakeBatch().send, options);
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });

  it('stopOnFirstFailure: after the first failed item nothing more is sent; the rest is not_sent', async () => {
    const fake = fakeBatch({ failInputs: new Set(['t3']), delays: () => 1 });
    const queue = createBatchQueue(fake.send, {
      batchSize: 5,
      concurrency: 1,
      stopOnFirstFailure: true,
    });
    const outcomes = Array.from({ length: 20 }, (_, i) =>
      queue.add({ input: `t${i}` }, TARGETS[0]!),
    );
    await queue.flush();
    const settled = await Promise.all(outcomes);
    expect(fake.calls).toHaveLength(1);
    expect(settled.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'input_too_long',
      'ok',
      ...Array.from({ length: 15 }, () => 'not_sent'),
    ]);
  });

  it('stop(): batches in flight keep their answers; the partial ones flushed after it are not_sent', async () => {
    const fake = fakeBatch({ delays: () => 5 });
    const queue = createBatchQueue(fake.send, { batchSize: 5, concurrency: 2 });
    // 12 items: two full batches go out at once, two items wait in a partial batch.
    const outcomes = Array.from({ length: 12 }, (_, i) =>
      queue.add({ input: `t${i}` }, TARGETS[0]!),
    );
    queue.stop();
    await queue.flush();
    const settled = await Promise.all(outcomes);
    expect(fake.calls).toHaveLength(2);
    expect(settled.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      ...Array.from({ length: 10 }, () => 'ok'),
      'not_sent',
      'not_sent',
    ]);
  });

  it('room(): resolves at once while fewer than `concurrency` full batches wait, else once a slot takes one', async () => {
    const fake = fakeBatch({ delays: () => 5 });
    const queue = createBatchQueue(fake.send, { batchSize: 2, concurrency: 2 });
    const add = (i: number) => queue.add({ input: `t${i}` }, TARGETS[0]!);
    const outcomes = [0, 1, 2, 3].map(add); // two batches in flight, none waiting
    let roomed = false;
    await queue.room().then(() => (roomed = true));
    expect(roomed).toBe(true);
    outcomes.push(...[4, 5, 6, 7].map(add)); // two more wait for a slot
    expect(fake.calls).toHaveLength(2);
    roomed = false;
    const room = queue.room().then(() => (roomed = true));
    await tick();
    expect(roomed).toBe(false);
    await room; // the first answer frees a slot, a waiting batch takes it
    expect(fake.calls).toHaveLength(3);
    await queue.flush();
    expect((await Promise.all(outcomes)).every((o) => o.ok)).toBe(true);
  });

  it('answered(): counts the batches answered, failed ones too, as each frees its slot', async () => {
    const fake = fakeBatch({ delays: () => 5, failInputs: new Set(['t2']) });
    const queue = createBatchQueue(fake.send, { batchSize: 2, concurrency: 1 });
    const outcomes = ['t0', 't1', 't2', ''].map((input) => queue.add({ input }, TARGETS[0]!));
    expect(queue.answered()).toBe(0); // the first batch is in flight, the second waits
    await outcomes[0];
    expect(queue.answered()).toBe(1);
    expect(fake.calls).toHaveLength(1); // the empty text failed without a request: t2 waits alone
    await queue.flush();
    expect(queue.answered()).toBe(2);
    expect((await Promise.all(outcomes)).map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      'ok',
      'ok',
      'input_too_long', // its batch was answered all the same
      'input_empty',
    ]);
  });

  it('room(): a stopped queue refuses what waits, so a caller waiting for room carries on', async () => {
    const fake = fakeBatch({ delays: () => 5 });
    const queue = createBatchQueue(fake.send, { batchSize: 1, concurrency: 1 });
    const outcomes = [0, 1, 2].map((i) => queue.add({ input: `t${i}` }, TARGETS[0]!));
    const room = queue.room();
    queue.stop();
    await room;
    await queue.flush();
    expect((await Promise.all(outcomes)).map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([
      'ok',
      'not_sent',
      'not_sent',
    ]);
  });
});
