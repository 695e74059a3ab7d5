import fc from 'fast-check';
import { checkCategoryNames, checkInput } from '../src/validation';
import {
  LIMITS,
  normalizeApiKey,
  parseCategoryList,
  redact,
  SCHEMA_ID_PATTERN,
  validateClassify,
  validateCreateSchema,
  validateSchemaId,
} from '../src';

describe('checkInput', () => {
  it('accepts exactly the texts with a non-blank character and within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const ok = text.trim().length > 0;
        expect(checkInput(text) === undefined).toBe(ok);
      }),
    );
    expect(checkInput('x'.repeat(LIMITS.inputMaxLength))).toBeUndefined();
    expect(checkInput('x'.repeat(LIMITS.inputMaxLength + 1))?.code).toBe('input_too_long');
    expect(checkInput(42)?.code).toBe('input_not_text');
    // A missing field says it is missing, not that it is not text.
    expect(checkInput(undefined)).toMatchObject({ code: 'input_missing', message: /missing/ });
    expect(checkInput(null)?.code).toBe('input_missing');
  });
});

describe('checkCategoryNames', () => {
  it('accepts 2..50 distinct non-blank names within the length limit, and only those', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 110 }), { maxLength: 60 }), (names) => {
        const valid =
          names.length >= LIMITS.categoriesMin &&
          names.length <= LIMITS.categoriesMax &&
          names.every((n) => n.trim() !== '' && n.length <= LIMITS.categoryMaxLength) &&
          new Set(names).size === names.length;
        expect(checkCategoryNames(names, 'categories').length === 0).toBe(valid);
      }),
    );
  });

  it('names the position of a bad category', () => {
    const [error] = checkCategoryNames(['a', '', 'c'], 'categories');
    expect(error).toMatchObject({
      field: 'categories[1]',
      code: 'category_empty',
      message: 'Category 2 is empty.',
    });
  });
});

describe('validateClassify and validateCreateSchema', () => {
  it('lists every problem at once', () => {
    expect(() => validateClassify({ input: '', categories: ['a'] })).toThrow(
      'The text to classify is empty. Give at least 2 categories to choose from (got 1).',
    );
  });

  it('checks schema names, categories and descriptions', () => {
    expect(() =>
      validateCreateSchema({
        name: ' ',
        categories: [{ name: 'a', description: 'x'.repeat(501) }, { name: 'a' }],
      }),
    ).toThrow(/needs a name.*listed twice.*longer than 500/);
    expect(() =>
      validateCreateSchema({ name: 'ok', categories: [{ name: 'a' }, { name: 'b' }] }),
    ).not.toThrow();
  });
});

describe('SCHEMA_ID_PATTERN', () => {
  it('is the rule validateSchemaId applies, for a platform checking the ID as it is typed', () => {
    const pattern = new RegExp(SCHEMA_ID_PATTERN);
    for (const id of [
      'sch_abc123',
      `sch_${'a'.repeat(64)}`,
      'sch_',
      `sch_${'a'.repeat(65)}`,
      'x',
    ]) {
      const valid = (() => {
        try {
          validateSchemaId(id);
          return true;
        } catch {
          return false;
        }
      })();
      expect([id, pattern.test(id)]).toEqual([id, valid]);
    }
    expect(pattern.test('sch_abc123')).toBe(true);
    expect(pattern.test('sch_')).toBe(false);
  });
});

describe('API keys', () => {
  it('trims what copy-paste adds', () => {
    expect(normalizeApiKey(' cai_live_FakeExample123456\r\n')).toBe('cai_live_FakeExample123456');
    expect(normalizeApiKey('Bearer cai_test_ABCdef123456789')).toBe('cai_test_ABCdef123456789');
  });

  it('rejects obvious non-keys without echoing them', () => {
    for (const bad of [
      '',
      'sk-proj-123',
      'cai_live_',
      'cai_prod_abcdefghijkl',
      'cai_live_abc def ghi jkl',
    ]) {
      expect(() => normalizeApiKey(bad)).toThrow();
      try {
        normalizeApiKey(bad);
      } catch (e) {
        if (bad) expect((e as Error).message).not.toContain(bad);
      }
    }
  });

  it('redacts keys and Bearer tokens from any text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{8,40}$/), (secret) => {
        const text = `failed for cai_live_${secret} with Authorization: Bearer ${secret}`;
        expect(redact(text)).not.toContain(secret);
      }),
    );
  });
});

describe('parseCategoryList', () => {
  it('splits commas and lines and drops blanks', () => {
    expect(parseCategoryList('billing, refunds\n  shipping ,,')).toEqual([
      'billing',
      'refunds',
      'shipping',
    ]);
    expect(parseCategoryList(['a', ' b ', ''])).toEqual(['a', 'b']);
  });
});
