import { startSandbox, type Sandbox } from '../src';
import { call, expectConforms } from './helpers';

describe('authentication', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      keys: [
        {
          key: 'cai_live_FakeProductionKey0000001',
          name: 'Zapier key',
          account: { id: 'acct_1', name: 'Acme' },
        },
        { key: 'cai_test_sandbox0000000000000000' },
        { key: 'cai_test_revoked000000000000000', revoked: true },
        { key: 'cai_test_readonly00000000000000', readOnly: true, name: 'Reporting' },
      ],
    });
  });
  afterAll(() => sandbox.close());

  const me = (authorization?: string) =>
    call(sandbox, 'GET', '/v1/me', {
      key: null,
      headers: authorization === undefined ? {} : { authorization },
    });

  it.each([
    ['missing header', undefined, 'missing_api_key'],
    ['empty header', '', 'missing_api_key'],
    ['not Bearer', 'Basic abc', 'invalid_api_key'],
    ['malformed key', 'Bearer sk-123', 'invalid_api_key'],
    ['too short', 'Bearer cai_test_abc', 'invalid_api_key'],
    ['unknown key', 'Bearer cai_test_unknown00000000000000', 'invalid_api_key'],
    ['revoked key', 'Bearer cai_test_revoked000000000000000', 'revoked_api_key'],
  ])('%s → 401 %s', async (_what, header, code) => {
    const answer = await me(header);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe(code);
    expectConforms('getMe', answer);
  });

  it('never echoes the key it was sent', async () => {
    const secret = 'cai_live_FakeSecretForRedaction01';
    const answer = await me(`Bearer ${secret}`);
    expect(answer.text).not.toContain('FakeSecretForRedaction01');
  });

  it('/v1/me answers for the key: account, key name and mode', async () => {
    const live = await me('Bearer cai_live_FakeProductionKey0000001');
    expect(live.body).toEqual({
      object: 'me',
      account: { id: 'acct_1', name: 'Acme' },
      key: { name: 'Zapier key', mode: 'live', read_only: false },
    });
    const test = await me('bearer   cai_test_sandbox0000000000000000');
    expect(test.status).toBe(200);
    expect(test.body.key.mode).toBe('test');
    expectConforms('getMe', test);
  });

  it('a read-only key reads but may not write', async () => {
    const key = 'cai_test_readonly00000000000000';
    expect((await call(sandbox, 'GET', '/v1/schemas', { key })).status).toBe(200);
    const write = await call(sandbox, 'POST', '/v1/schemas', {
      key,
      body: { name: 'x', categories: [{ name: 'a' }, { name: 'b' }] },
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('permission_denied');
    // It says so where a connection test reads it.
    const who = await me(`Bearer ${key}`);
    expect(who.body.key.read_only).toBe(true);
    expectConforms('getMe', who);
  });

  it('refuses to start with a key that has the wrong format', async () => {
    await expect(startSandbox({ keys: [{ key: 'not-a-key' }] })).rejects.toThrow(/format/);
  });
});
