export * from './generated/limits';
export type { components, paths, operations } from './generated/openapi';
