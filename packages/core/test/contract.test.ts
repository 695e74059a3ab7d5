import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
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
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'api-docs-')), 'index.html');
    const redocly = path.join(__dirname, '../node_modules/.bin/redocly');
    const spec = path.join(__dirname, '../openapi/classifaily.openapi.yaml');
    execFileSync(redocly, ['build-docs', spec, '--output', out], { stdio: 'pipe' });
    const committed = readFileSync(path.join(__dirname, '../../../docs/api/index.html'), 'utf8');
    expect(readFileSync(out, 'utf8') === committed).toBe(true);
  });
});
