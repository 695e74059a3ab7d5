// --sandbox: the local sandbox (@classifaily/sandbox), started in this process on a free port of
// 127.0.0.1, so the command works with no account. The sandbox is an optional peer dependency: it
// is loaded only here, and a clear message says how to install it when it is not there.
import type { Sandbox } from '@classifaily/sandbox';
import { CliError } from './errors';

const SANDBOX_PACKAGE = '@classifaily/sandbox';

export async function startLocalSandbox(): Promise<Pick<Sandbox, 'url' | 'apiKey' | 'close'>> {
  let sandbox: typeof import('@classifaily/sandbox');
  try {
    sandbox = await import(SANDBOX_PACKAGE);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.includes(`'${SANDBOX_PACKAGE}'`))
      throw new CliError(
        `--sandbox needs the package ${SANDBOX_PACKAGE}, which is not installed.`,
        `Install it where the classifaily command is: npm install --global ${SANDBOX_PACKAGE} (or, in a project, npm install ${SANDBOX_PACKAGE}). Or leave out --sandbox and set CLASSIFAILY_API_KEY.`,
      );
    throw error;
  }
  // No rate limit to speak of: a long evaluation on this machine need not wait for one.
  return sandbox.startSandbox({ port: 0, rateLimit: 1_000_000 });
}
