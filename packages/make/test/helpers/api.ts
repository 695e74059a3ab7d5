// The Classifaily API the evaluator tests send the generated modules' requests to: the real sandbox,
// over HTTP on 127.0.0.1, with fault injection on (429/5xx answers on demand).
import { startSandbox } from '@classifaily/sandbox';

export const startApi = () => startSandbox({ faults: true });
export type ApiServer = Awaited<ReturnType<typeof startApi>>;
