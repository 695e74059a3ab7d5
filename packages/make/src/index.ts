// The package's API: the generator, the folder check and the deploy (the CLI is cli.ts).
export { buildApp, type MakeApp } from './app/build';
export * from './generate';
export { checkFolder, loadMakeSchemas } from './check';
export { deploy, deployPlan } from './deploy';
