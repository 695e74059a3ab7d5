// Once per run: the one line that says why the tests that need Make's schemas are skipped here, and
// what to run so they are not. Under CI there is no skip: those tests fail with the same message.
import { FETCH_COMMAND, findMakeSchemas, missingMakeSchemasMessage } from '../src/make-schemas';
import { SCHEMAS_REQUIRED } from './helpers/schemas-policy';

export default function globalSetup(): void {
  if (findMakeSchemas()) return;
  process.stderr.write(
    SCHEMAS_REQUIRED
      ? `\n[make] CI: the tests that check files against Make's schemas will fail: ${missingMakeSchemasMessage()}\n`
      : `\n[make] Make's official schemas are not on this machine: the tests that check files against them are skipped. To run them: ${FETCH_COMMAND}\n`,
  );
}
