// The Classifaily API the evaluator tests send the generated modules' requests to: the real sandbox,
// over HTTP on 127.0.0.1, with fault injection on (429/5xx answers on demand) and a rate limit high
// enough for the suite that fills the schema dropdown with more than three pages.
import { startSandbox } from '@classifaily/sandbox';

export const startApi = () => startSandbox({ faults: true, rateLimit: 100_000 });
export type ApiServer = Awaited<ReturnType<typeof startApi>>;
