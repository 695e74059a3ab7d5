// Friendly names for the generated wire types. Never hand-copy a wire type: derive it from here.
import type { components, operations } from './generated/openapi';

type S = components['schemas'];

export type ClassifyRequest = S['ClassifyRequest'];
export type ClassifyBatchRequest = S['ClassifyBatchRequest'];
export type BatchItem = S['BatchItem'];
export type Classification = S['Classification'];
export type ClassificationResult = S['ClassificationResult'];
export type BatchClassification = S['BatchClassification'];
export type BatchItemResult = S['BatchItemResult'];
export type WireItemError = S['ItemError'];
export type Schema = S['Schema'];
export type SchemaCategory = S['SchemaCategory'];
export type CreateSchemaRequest = S['CreateSchemaRequest'];
export type SchemaList = S['SchemaList'];
export type DeletedSchema = S['DeletedSchema'];
export type Me = S['Me'];
export type Problem = S['Problem'];
export type FieldError = S['FieldError'];
export type ListSchemasQuery = NonNullable<operations['listSchemas']['parameters']['query']>;
