// Every field of every operation, written once. Labels and help texts are plain words for people
// building workflows, not programmers; limits come from the OpenAPI document (LIMITS).
import { DEFAULT_BASE_URL } from '../base-url';
import { LIMITS } from '../generated/limits';
import { DEFAULT_REVIEW_THRESHOLD } from '../review';
import { tools } from './tools';
import type { FieldSpec } from './types';
import { DASHBOARD_KEYS_URL } from './links';

const n = (value: number) => value.toLocaleString('en-US');

export const apiKey = {
  key: 'apiKey',
  label: 'API Key',
  type: 'password',
  required: true,
  help: `Your Classifaily API key, from the API Keys tab of the Classifaily dashboard (${DASHBOARD_KEYS_URL}): Generate new key. It starts with cai_live_, or cai_test_ for a test-mode key.`,
  placeholder: 'cai_live_…',
} as const satisfies FieldSpec;

export const baseUrl = {
  key: 'baseUrl',
  label: 'Base URL',
  type: 'url',
  required: false,
  default: DEFAULT_BASE_URL,
  help: 'Leave as it is. Change it only to use the local sandbox (http://localhost:8787) or another Classifaily region. Plain http:// is allowed for localhost only.',
  advanced: true,
} as const satisfies FieldSpec;

export const input = {
  key: 'input',
  label: 'Text to Classify',
  type: 'text',
  required: true,
  maxLength: LIMITS.inputMaxLength,
  help: `The text to classify, such as an email body or a support ticket (up to ${n(LIMITS.inputMaxLength)} characters).`,
  placeholder: 'I cannot log in - the password reset email never arrives.',
} as const satisfies FieldSpec;

export const categorySource = {
  key: 'categorySource',
  label: 'Categories From',
  type: 'select',
  required: true,
  default: 'list',
  options: [
    { value: 'list', label: 'A List', help: 'Type the categories in this step.' },
    { value: 'schema', label: 'A Saved Schema', help: 'Use a category list saved in Classifaily.' },
  ],
  help: 'Type the categories here, or use a schema saved in Classifaily so several workflows share one list.',
} as const satisfies FieldSpec;

export const categories = {
  key: 'categories',
  label: 'Categories',
  type: 'stringList',
  required: true,
  minItems: LIMITS.categoriesMin,
  maxItems: LIMITS.categoriesMax,
  maxLength: LIMITS.categoryMaxLength,
  help: `The categories to choose from: ${LIMITS.categoriesMin} to ${LIMITS.categoriesMax} short, distinct names, such as billing, technical_bug, account_access, feature_request.`,
  placeholder: 'billing',
  itemLabel: 'Category',
} as const satisfies FieldSpec;

export const schema = {
  key: 'schema',
  label: 'Schema',
  type: 'schemaId',
  required: true,
  help: 'A category list saved in Classifaily. Pick it from the list, or enter its ID (sch_…).',
  placeholder: 'sch_…',
} as const satisfies FieldSpec;

export const explain = {
  key: 'explain',
  label: 'Explain',
  type: 'boolean',
  required: false,
  default: false,
  help: 'Add one or two sentences saying why the label was chosen. Useful for reviewers; a little slower.',
} as const satisfies FieldSpec;

export const deduplicationKey = {
  key: 'deduplicationKey',
  label: 'Deduplication Key',
  type: 'string',
  required: false,
  advanced: true,
  help: 'Optional: what names this piece of work, such as a ticket ID. A repeat of the step with the same key and the same content within 24 hours is answered from the first run and not billed again. Left empty, a classification repeats when its text and options do; a schema is then created anew on every run.',
} as const satisfies FieldSpec;

export const reviewThreshold = {
  key: 'reviewThreshold',
  label: 'Review Threshold',
  type: 'number',
  required: false,
  default: DEFAULT_REVIEW_THRESHOLD,
  min: 0,
  max: 1,
  precision: 2,
  help: `Results with a confidence below this are marked needs_review, so you can send them to a person. ${DEFAULT_REVIEW_THRESHOLD.toFixed(2)} is a good start: above it, most results are right.`,
} as const satisfies FieldSpec;

export const itemInput = { ...input, key: 'input' } as const satisfies FieldSpec;

export const itemReference = {
  key: 'id',
  label: 'Reference',
  type: 'string',
  required: false,
  maxLength: LIMITS.itemIdMaxLength,
  help: 'Your own ID for this text (a ticket or message ID), returned with its result so you can match them up.',
  placeholder: 'ticket-123',
} as const satisfies FieldSpec;

export const items = {
  key: 'items',
  label: 'Items',
  type: 'collection',
  required: true,
  minItems: 1,
  help: `The texts to classify, each with an optional reference. They are sent ${LIMITS.batchMaxItems} per request; one bad item fails alone.`,
  children: [itemInput, itemReference],
  itemLabel: 'Item',
} as const satisfies FieldSpec;

export const batchSize = {
  key: 'batchSize',
  label: 'Batch Size',
  type: 'number',
  required: false,
  default: LIMITS.batchMaxItems,
  min: 1,
  max: LIMITS.batchMaxItems,
  help: `How many texts go in one request (1 to ${LIMITS.batchMaxItems}). Keep ${LIMITS.batchMaxItems} unless you have a reason: fewer requests is faster.`,
  advanced: true,
} as const satisfies FieldSpec;

export const concurrency = {
  key: 'concurrency',
  label: 'Concurrency',
  type: 'number',
  required: false,
  default: 4,
  min: 1,
  max: 10,
  help: 'How many requests run at once. Lower it if you hit the rate limit.',
  advanced: true,
} as const satisfies FieldSpec;

/** n8n's Classify: how long the queue waits out rate limits in all (decision 0212, 0018). */
export const rateLimitWait = {
  key: 'rateLimitWait',
  label: 'Wait Out Rate Limits (Seconds)',
  type: 'number',
  required: false,
  default: 300,
  min: 0,
  max: 3600,
  help: "How long in all the node may wait when Classifaily's rate limit is reached (in queue mode, every worker shares the key's limit) before the items it could not send fail. 0 waits only between core's usual retries.",
  advanced: true,
} as const satisfies FieldSpec;

export const schemaId = { ...schema, key: 'schemaId' } as const satisfies FieldSpec;

export const schemaName = {
  key: 'name',
  label: 'Name',
  type: 'string',
  required: true,
  maxLength: LIMITS.schemaNameMaxLength,
  help: 'A name you will recognise in lists, such as "Support triage".',
  placeholder: 'Support triage',
} as const satisfies FieldSpec;

export const schemaCategoryName = {
  key: 'name',
  label: 'Category',
  type: 'string',
  required: true,
  maxLength: LIMITS.categoryMaxLength,
  help: 'A short category name, such as billing.',
  placeholder: 'billing',
} as const satisfies FieldSpec;

export const schemaCategoryDescription = {
  key: 'description',
  label: 'Description',
  type: 'string',
  required: false,
  maxLength: LIMITS.categoryDescriptionMaxLength,
  help: 'What belongs in this category. A good description makes results more accurate.',
  placeholder: 'Charges, invoices, refunds and payment methods.',
} as const satisfies FieldSpec;

export const schemaCategories = {
  key: 'categories',
  label: 'Categories',
  type: 'collection',
  required: true,
  minItems: LIMITS.categoriesMin,
  maxItems: LIMITS.categoriesMax,
  help: `${LIMITS.categoriesMin} to ${LIMITS.categoriesMax} categories, each with an optional description.`,
  children: [schemaCategoryName, schemaCategoryDescription],
  itemLabel: 'Category',
} as const satisfies FieldSpec;

export const schemaNameFilter = {
  ...schemaName,
  help: 'The exact name of the schema to find (not case-sensitive).',
} as const satisfies FieldSpec;

export const returnAll = {
  key: 'returnAll',
  label: 'Return All',
  type: 'boolean',
  required: false,
  default: false,
  help: 'Whether to return every schema or only up to a given limit.',
} as const satisfies FieldSpec;

export const limit = {
  key: 'limit',
  label: 'Limit',
  type: 'number',
  required: false,
  default: 50,
  min: 1,
  max: 1000,
  help: 'The most schemas to return.',
} as const satisfies FieldSpec;

// For platforms that merge the result into the incoming record (n8n items) and that can route a
// step's output by label (n8n's node outputs, like its Switch node).

export const outputField = {
  key: 'outputField',
  label: 'Output Field',
  type: 'string',
  required: false,
  default: 'classification',
  help: 'The field of each item that receives the result: label, confidence, explanation, needs_review and scores.',
  placeholder: 'classification',
  advanced: true,
} as const satisfies FieldSpec;

export const routeByCategory = {
  key: 'routeByCategory',
  label: 'Route by Category',
  type: 'boolean',
  required: false,
  default: false,
  help: 'Give the step one output per category, plus a Needs Review output for results below the review threshold, so each item goes down its own path. Needs a typed list of categories.',
  advanced: true,
} as const satisfies FieldSpec;

export const lowConfidence = {
  key: 'lowConfidence',
  label: 'Low-Confidence Items',
  type: 'select',
  required: false,
  default: 'needsReview',
  options: [
    {
      value: 'needsReview',
      label: 'Send to Needs Review',
      help: 'Results below the review threshold go to their own output, for a person to check.',
    },
    {
      value: 'discard',
      label: 'Discard',
      help: 'Results below the review threshold are dropped; only confident results go on.',
    },
  ],
  help: 'What Route by Category does with results below the review threshold.',
  advanced: true,
} as const satisfies FieldSpec;

// For platforms that offer a step to AI agents as a tool (n8n).

export const toolDescription = {
  key: 'toolDescription',
  label: 'Tool Description',
  type: 'text',
  required: false,
  default: tools.classify.description,
  help: 'What an AI agent reads to decide when to call this tool and what to give it. The default describes classifying a text; change it to say when your agent should use it.',
} as const satisfies FieldSpec;
