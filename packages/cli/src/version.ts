// The package's version, read from its own package.json (always in the published package).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const VERSION: string = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'),
).version;
