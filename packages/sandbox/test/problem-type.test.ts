import { problemTypeUrl } from '@classifaily/core';
import { startSandbox, type Sandbox } from '../src';
import { call } from './helpers';

// A problem's `type` is the page that explains its code, in core's one documentation URL scheme.
describe('problem types', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('links each problem to its page under the documentation host', async () => {
    const missing = await call(sandbox, 'GET', '/v1/schemas/sch_doesnotexist');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe(problemTypeUrl(missing.body.code));
    expect(missing.body.type).toBe('https://docs.classifaily.com/errors/schema_not_found');
  });
});
