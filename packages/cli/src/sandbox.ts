// --sandbox: the local sandbox (@classifaily/sandbox), started in this process on a free port of
// 127.0.0.1, so the command works with no account. The sandbox is an optional dependency: npm
// installs it with the command unless told not to (--omit=optional) or its install failed (its
// SQLite module is native); it is loaded only here, and its absence is said plainly.
import type { Sandbox } from '@classifaily/sandbox';
import { CliError } from './errors';

const SANDBOX_PACKAGE = '@classifaily/sandbox';
const INSTALL = `npm install --global ${SANDBOX_PACKAGE} (or, in a project, npm install ${SANDBOX_PACKAGE})`;

export async function startLocalSandbox(): Promise<Pick<Sandbox, 'url' | 'apiKey' | 'close'>> {
  let sandbox: typeof import('@classifaily/sandbox');
  try {
    sandbox = await import(SANDBOX_PACKAGE);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.includes(`'${SANDBOX_PACKAGE}'`))
      throw new CliError(
        `--sandbox needs the package ${SANDBOX_PACKAGE}, which is not installed.`,
        `Install it where the classifaily command is: ${INSTALL}. Or leave out --sandbox and set CLASSIFAILY_API_KEY.`,
      );
    throw new CliError(
      `--sandbox needs the package ${SANDBOX_PACKAGE}, which is installed but does not load on this Node (${message.split('\n')[0]}).`,
      `Install it again for this Node: ${INSTALL}. Or leave out --sandbox and set CLASSIFAILY_API_KEY.`,
    );
  }
  // No rate limit to speak of: a long evaluation on this machine need not wait for one.
  return sandbox.startSandbox({ port: 0, rateLimit: 1_000_000 });
}
