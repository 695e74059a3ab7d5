// Each operation's answer mark (Make's `valid`, decision 0011) is one the client's own check needs:
// a good answer passes, and the same answer without its mark is a bad answer.
import { ANSWER_MARK, catalog } from '../src';
import {
  isBatchClassification,
  isClassification,
  isDeletedSchema,
  isMe,
  isSchema,
  isSchemaList,
  type AnswerCheck,
} from '../src/answers';

const schema = { id: 'sch_1', name: 'Triage', categories: [{ name: 'billing' }] };
const ANSWERS: Record<string, [AnswerCheck<unknown>, Record<string, unknown>]> = {
  classify: [isClassification, { id: '1', result: { label: 'a', confidence: 0.9 } }],
  classifyBatch: [isBatchClassification, { results: [] }],
  createSchema: [isSchema, schema],
  getSchema: [isSchema, schema],
  listSchemas: [isSchemaList, { data: [schema], has_more: false }],
  deleteSchema: [isDeletedSchema, { id: 'sch_1', deleted: true }],
  me: [isMe, { account: { name: 'A' }, key: { name: 'k', mode: 'live' } }],
};

const without = (answer: Record<string, unknown>, path: string): Record<string, unknown> => {
  const [head, ...rest] = path.split('.');
  const { [head!]: value, ...others } = answer;
  return rest.length
    ? { ...others, [head!]: without(value as Record<string, unknown>, rest.join('.')) }
    : others;
};

it.each(Object.keys(catalog.operations))('%s: its answer mark is one the client checks', (key) => {
  const mark = ANSWER_MARK[key];
  if (mark === undefined) return expect(ANSWERS[key]).toBeUndefined();
  const [check, answer] = ANSWERS[key]!;
  expect(check(answer, undefined)).toBe(true);
  expect(check(without(answer, mark), undefined)).toBe(false);
});
