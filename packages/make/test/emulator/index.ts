// The Make emulator of the tests and the demo: reads an app folder and runs its modules, RPCs and
// connection check against a Classifaily API over HTTP. Test code, not the product (decision 0404).
export { readApp } from './read';
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
export { evaluateDeep, evaluateExpression, evaluateTemplate, expressionsOf } from './iml';
export { checkApp, allParameters, type Violation } from './rules';
