// The Classifaily API the evaluator tests send the generated modules' requests to.
// Until @classifaily/sandbox is on this branch, a minimal stub; switching is this one line:
//   export { startSandbox as startApi } from '@classifaily/sandbox';
export { startStub as startApi } from './classifaily-stub';
export type { ApiServer } from './classifaily-stub';
