// The public API of @classifaily/core. Modules not named here (answers, options, redirects, retry,
// answer-size, sleep) are the client's internals.
export * from './generated/limits';
export type { components, paths, operations } from './generated/openapi';
export * from './types';
export * from './errors';
export * from './format';
export type { BodyChunks, FetchLike, FetchLikeInit, FetchLikeResponse, Sleep } from './transport';
// For a transport that reads the body itself and can stop (n8n's, over a Node stream).
export { readChunksAtMost } from './transport';
export {
  checkInput,
  MESSAGES,
  parseCategoryList,
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
export type { ClassifyManyOptions, ClassifyManyParams, ManyItem, ManyOutcome } from './many';
export {
  createBatchQueue,
  // The n8n node checks each item's target with it before anything is sent (decision 0208).
  targetError,
  type BatchQueue,
  type BatchQueueOptions,
  type BatchTarget,
  type SendBatch,
} from './batch-queue';
export * from './stable-keys';
export * from './client';
export * from './catalog';
export { VERSION } from './generated/version';
