// Generated from openapi/classifaily.openapi.yaml by scripts/generate.mjs. Do not edit.

/** Every limit the API publishes, as numbers. The client enforces the same ones. */
export const LIMITS = {
  "inputMaxLength": 20000,
  "categoriesMin": 2,
  "categoriesMax": 50,
  "categoryMaxLength": 100,
  "categoryDescriptionMaxLength": 500,
  "batchMaxItems": 25,
  "itemIdMaxLength": 200,
  "schemaNameMaxLength": 100,
  "schemaListMaxLimit": 100,
  "schemaListDefaultLimit": 20,
  "idempotencyKeyMaxLength": 255,
  "requestBodyMaxBytes": 1048576,
  "requestBodyMaxDepth": 32,
  "requestBodyMaxMembers": 1000,
  "explanationMaxLength": 1000
} as const;

export type Limits = typeof LIMITS;
