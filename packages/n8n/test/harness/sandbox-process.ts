// The real sandbox in its own process, driven over HTTP: `@classifaily/sandbox/process`, shared with
// the Zapier package. Not in-process: this package's scripts run on Node 24 (the `node24`
// devDependency puts it first on PATH), while the sandbox's better-sqlite3 is built for the Node that
// ran `pnpm install`. Test mode is always on, for the counters and fault injection.
export { startSandboxProcess, type SandboxProcess } from '@classifaily/sandbox/process';
