// Sample outputs: what a platform shows before the step has run. Taken from the getting-started
// example. Each satisfies the type of what its step outputs, so adapters use it without a cast.
import type { DeletedSchema, Me, Schema } from '../types';
import type { ClassificationOutput, ClassifiedItemOutput } from './outputs';

export const SAMPLE_CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
export const SAMPLE_INPUT = 'I cannot log in - the password reset email never arrives.';

export const classificationSample = {
  id: 'cls_8f3kq2m1x9v4t7b6n5p0',
  label: 'account_access',
  confidence: 0.94,
  explanation:
    'The text talks about logging in and a password reset email, which are account access problems.',
  needs_review: false,
  scores: { billing: 0.01, technical_bug: 0.04, account_access: 0.94, feature_request: 0.01 },
} satisfies ClassificationOutput & { id: string };

export const batchItemSample = {
  index: 0,
  reference: 'ticket-1',
  id: 'cls_2h7dm4r8w1c6y9k3s0q5',
  label: 'billing',
  confidence: 0.91,
  explanation: 'The text mentions being charged twice, which is a billing matter.',
  needs_review: false,
  scores: { billing: 0.91, technical_bug: 0.03, account_access: 0.03, feature_request: 0.03 },
} satisfies ClassifiedItemOutput;

export const schemaSample = {
  id: 'sch_a1b2c3d4',
  object: 'schema',
  name: 'Support triage',
  categories: [
    { name: 'billing', description: 'Charges, invoices, refunds and payment methods.' },
    {
      name: 'account_access',
      description: 'Logging in, passwords, two-factor and locked accounts.',
    },
  ],
  created_at: '2026-01-15T09:30:00.000Z',
} satisfies Schema;

export const deletedSchemaSample = {
  id: 'sch_a1b2c3d4',
  object: 'schema',
  deleted: true,
} satisfies DeletedSchema;

export const meSample = {
  object: 'me',
  account: { id: 'acct_1', name: 'Acme Support' },
  key: { name: 'Automation key', mode: 'live' },
} satisfies Me;
