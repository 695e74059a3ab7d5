export * from './make-format';
export { buildApp, CONNECTION_ID, SCHEMA_RPC_ID, idFromLabel } from './app/build';
export { layout, MAKECOMAPP, kebab } from './layout';
export { generatedFiles, writeApp, staleness, isStale, DEFAULT_APP_DIR } from './generate';
export { readApp } from './read';
export { checkApp, type Violation } from './rules';
export {
  runModule,
  runRpc,
  verifyConnection,
  prepareParameters,
  MakeModuleError,
  type RunOptions,
  type RunResult,
  type SentRequest,
} from './runtime';
export { evaluateTemplate, evaluateDeep, evaluateExpression, expressionsOf } from './iml/evaluate';
export { deployPlan, deploy, ZONES, type Zone, type DeployStep } from './deploy';
