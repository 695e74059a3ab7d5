// `zapier-platform validate --without-style`, offline: the app definition checked against
// zapier-platform-schema, locally. (Without --without-style the CLI also POSTs the definition to
// Zapier's servers for style checks.)
import { runZapierCli } from './zapier-cli.cjs';

const started = Date.now();
const result = await runZapierCli(['validate', '--without-style']);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
console.log(`validate: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.code ?? 1);
