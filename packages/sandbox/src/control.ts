// The test-mode control endpoints (/__sandbox/stats, faults, reset). They need no key, so they answer
// only what cannot come from a web page: a loopback peer that names a loopback Host (no DNS
// rebinding), with no cross-origin browser marks (Origin, Sec-Fetch-Site). Otherwise any page the
// user visits could reset the sandbox or inject faults into a running test.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from './context';
import { faultProblem, type FaultSpec } from './faults';
import { ProblemError } from './problems';

export const CONTROL_PREFIX = '/__sandbox';

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;
const LOOPBACK_PEER = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

/** Why a request may not use the control endpoints, or undefined when it may. */
function controlRefusal(request: FastifyRequest): string | undefined {
  const host = request.headers.host ?? '';
  if (!LOOPBACK_PEER.test(request.socket.remoteAddress ?? ''))
    return 'they answer only requests from this machine';
  if (!LOOPBACK_HOST.test(host))
    return 'they answer only a loopback Host (127.0.0.1, localhost, [::1])';
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    return 'they answer no cross-origin browser request';
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return 'they answer no cross-origin browser request';
  return undefined;
}

export function registerControl(
  app: FastifyInstance,
  ctx: SandboxContext,
  reset: (options: { schemas?: boolean }) => void,
): void {
  const faults = ctx.faults!;
  const badRequest = (detail: string) => new ProblemError('invalid_request', detail);
  app.register(
    async (control) => {
      control.addHook('onRequest', async (request) => {
        const refusal = controlRefusal(request);
        if (refusal)
          throw new ProblemError(
            'permission_denied',
            `The ${CONTROL_PREFIX} endpoints are for tests on this machine: ${refusal}.`,
          );
      });
      control.get('/stats', async () => ctx.stats.snapshot());
      control.get('/faults', async () => ({ faults: faults.list() }));
      control.post('/faults', async (request) => {
        const body = request.body as unknown;
        const list = Array.isArray(body) ? body : [body];
        for (const f of list) {
          const problem = faultProblem(f);
          if (problem) throw badRequest(`Invalid fault: ${problem}.`);
        }
        for (const f of list) faults.add(f as FaultSpec);
        return { faults: faults.list() };
      });
      control.delete('/faults', async () => {
        faults.clear();
        return { faults: [] };
      });
      control.post('/reset', async (request) => {
        const body = (request.body ?? {}) as { schemas?: unknown };
        reset({ schemas: body.schemas === true });
        return { reset: true };
      });
    },
    { prefix: CONTROL_PREFIX },
  );
}
