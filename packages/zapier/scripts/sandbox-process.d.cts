// Types of sandbox-process.cjs for the TypeScript tests.
import type { FaultSpec, SandboxStats } from '@classifaily/sandbox';

export interface SandboxProcess {
  url: string;
  apiKey: string;
  revokedKey: string;
  readOnlyKey: string;
  stats(): Promise<SandboxStats>;
  setFaults(faults: FaultSpec | FaultSpec[]): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  reset(options?: { schemas?: boolean }): Promise<unknown>;
  close(): Promise<void>;
}
export declare function startSandboxProcess(options?: { args?: string[] }): Promise<SandboxProcess>;
export declare function sandboxNode(): string;
