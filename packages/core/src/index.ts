// The public API of @classifaily/core. Modules not named here (answers, options, redirects, retry,
// answer-size, sleep) are the client's internals.
export * from './generated/limits';
export * from './generated/assumptions';
export type { components, paths, operations } from './generated/openapi';
export * from './types';
export * from './errors';
export * from './format';
export type {
  BodyChunks,
  FetchLike,
  FetchLikeInit,
  FetchLikeResponse,
  NodeAnswer,
  NodeBody,
  Sleep,
} from './transport';
// For transports over a platform's Node HTTP helper: n8n's and Zapier's (decision 0032).
export { abortableSleep, networkFailure, nodeResponse } from './transport';
export {
  checkInput,
  MESSAGES,
  parseCategoryList,
  SCHEMA_ID_PATTERN,
  validateBatchShape,
  validateClassify,
  validateCreateSchema,
  validateSchemaId,
  validationError,
} from './validation';
export * from './text';
export * from './review';
export * from './metrics';
export * from './api-key';
export * from './base-url';
export type { ClassifyManyOptions, ClassifyManyParams } from './many';
export type { BatchQueue, BatchQueueOptions, BatchTarget, ManyItem, ManyOutcome } from './queue';
// The n8n node checks each item's target with it before the item is queued (decision 0250).
export { targetError } from './batcher';
// Make's `valid` tests each answer by its mark (decision 0011).
export { ANSWER_MARK } from './answers';
export * from './replay-keys';
export * from './policy';
export * from './advice';
export * from './batch-shortfall';
export * from './flat-output';
export * from './step-input';
export * from './conformance';
export * from './documented-only';
export type { ClientEvent } from './events';
export * from './client';
export * from './catalog';
export { VERSION } from './generated/version';
