// Whether the tests that check files against Make's schemas run here (decision 0409): where a folder
// holds the schemas, always; where none does, only under CI, which must fail rather than skip them.
// No Jest globals here: test/global-setup.ts reads it too.
import { findMakeSchemas } from '../../src/make-schemas';

export const MAKE_SCHEMAS = findMakeSchemas();

/** `CI=true` (any value but false or 0, as CI services set it). */
export const SCHEMAS_REQUIRED =
  Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI!);

export const RUN_SCHEMA_TESTS = Boolean(MAKE_SCHEMAS) || SCHEMAS_REQUIRED;
