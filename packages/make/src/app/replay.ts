// Idempotency-Keys in IML, by core's replay rule (decision 0017): a classification's key comes from
// what a re-run keeps, the module and the request's content, never the run; the API keeps keys per
// API key, so the connection scopes them too. Make names no scenario or run to app code, so a write
// (Create Schema) sends a key only when the user gives one (Deduplication Key). IML's sha256 is
// Make's (help.make.com, Text and binary functions: "sha256 (text; [encoding]; [key])", hex).
import { catalog, type FieldSpec } from '@classifaily/core';
import { imlString } from './iml';

const f = catalog.fields;
/** Between the parts of a key's text: a control character that no form field holds. */
export const SEP = imlString('\u001f');
const USER_KEY = `parameters.${f.deduplicationKey.key}`;

/** A body's content as one text (IML has no JSON): each field, and each column of a list. */
export function content(fields: readonly FieldSpec[], valueOf: (field: FieldSpec) => string) {
  const part = (field: FieldSpec) => {
    const value = valueOf(field);
    if (field.type === 'stringList') return `join(${value}, ${SEP})`;
    if (field.type === 'collection')
      return (field.children ?? [])
        .map((child) => `join(map(${value}, '${child.key}'), ${SEP})`)
        .join(` + ${SEP} + `);
    return value;
  };
  return fields.map(part).join(` + ${SEP} + `);
}

/** The key of a classification: the module (`step`), the user's key if any, the content. */
export const classificationKey = (step: string, text: string) =>
  `'make-' + sha256('${step}' + ${SEP} + ifempty(${USER_KEY}, '') + ${SEP} + ${text})`;

/** The key of a write: only when the user gave one (without, `if` gives nothing: no header). */
export const writeKey = (step: string, text: string) =>
  `if(${USER_KEY}, ${classificationKey(step, text)})`;
