import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LIMITS } from '../src';

describe('the OpenAPI contract', () => {
  it('generated wire types and limits are up to date with the document', () => {
    const script = path.join(__dirname, '../scripts/generate.mjs');
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('publishes the batch size the design fixes', () => {
    expect(LIMITS.batchMaxItems).toBe(25);
    expect(LIMITS.categoriesMin).toBe(2);
  });

  it('renders the checked-in API reference (docs/api/index.html) from the current document', () => {
    // The page embeds the document and the pinned Redoc script; both must be today's.
    const script = path.join(__dirname, '../scripts/api-docs.mjs');
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
