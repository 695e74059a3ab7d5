export * from './make-format';
export { buildApp, CONNECTION_ID, SCHEMA_RPC_ID, RPC_MAX_PAGES, idFromLabel } from './app/build';
export { layout, MAKECOMAPP, kebab } from './layout';
export * from './generate';
export { checkFolder, loadMakeSchemas, schemaFor, DEFAULT_MAKE_SCHEMAS_DIR } from './check';
export { deployPlan, deployProblems, deploy, ZONES, APP_NAME, type DeployStep } from './deploy';
