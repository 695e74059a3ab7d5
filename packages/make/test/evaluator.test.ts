import { evaluateDeep, evaluateExpression, evaluateTemplate } from './emulator';

const scope = {
  2: { __IMTINDEX__: 26 },
  body: {
    result: { label: 'billing', confidence: 0.42 },
    request_id: 'req_1',
    empty: '',
    errors: [{ field: 'items[3].input' }, { field: 'categories' }],
  },
  common: { labels: { items: 'Items' } },
  parameters: { reviewThreshold: 0.8, headers: [{ key: 'X-A', value: '1' }] },
};

describe('the IML subset', () => {
  it.each<[string, unknown]>([
    ['body.result.label', 'billing'],
    ['body.result.missing.deeper', undefined],
    ['body.result.confidence < parameters.reviewThreshold', true],
    ['body.result.confidence >= 0.42', true],
    ["body.result.label == 'billing'", true],
    ["body.result.label != 'billing'", false],
    ["ifempty(body.empty, 'fallback')", 'fallback'],
    ["ifempty(body.result.label, 'fallback')", 'billing'],
    ["if(body.request_id, ' (request ' + body.request_id + ')', '')", ' (request req_1)'],
    ["if(body.nothing, 'yes', 'no')", 'no'],
    ['!body.nothing && true', true],
    ['1 + 2', 3],
    ["toCollection(parameters.headers, 'key', 'value')", { 'X-A': '1' }],
    ['ceil(2.__IMTINDEX__ / 25)', 2],
    ['ceil(1 / 25)', 1],
    // Arrays count from 1 in IML; -1 is the last item.
    ['body.errors[1].field', 'items[3].input'],
    ['body.errors[-1].field', 'categories'],
    ['body.errors[3].field', undefined],
    ["get(common.labels, 'items')", 'Items'],
    ["get(common.labels, 'nothing')", undefined],
    ['length(body.errors)', 2],
    ['length(body.nothing)', 0],
    ["contains('a (b)', '(b)')", true],
    [
      "replace(body.errors[1].field, /^(\\w+)\\[(\\d+)\\][./](\\w+)$/, '$1 $2 $3')",
      'items 3 input',
    ],
    ["replace('a/b', /[./]/g, '-')", 'a-b'],
    ["parseNumber('3') + 1", 4],
    ["join(deduplicate(remove(split('a|b||a', '|'), '')), ', ')", 'a, b'],
    // Make's slice: "The first item in the array has an index of 0" (help.make.com, Array functions).
    ["join(slice(split('a|b|c|d', '|'), 1, 3), '')", 'bc'],
    ["join(map(body.errors, 'field'), ',')", 'items[3].input,categories'],
    // Make's sha256: hex by default (help.make.com, Text and binary functions: sha256(Make) = ccdd…).
    ["sha256('Make')", 'ccdd25d4230fb997a7ee1166f8afabd157248eb812ea55ec7c3d1b7c8af7fa11'],
    ["encodeURL('../v1/me?x=1')", '..%2Fv1%2Fme%3Fx%3D1'],
    // `if` without an else gives nothing: Make leaves such a key out of a request.
    ["if(body.nothing, 'yes')", undefined],
  ])('{{%s}}', (src, expected) => {
    expect(evaluateExpression(src, scope)).toEqual(expected);
  });

  it('a whole-expression template keeps its type; mixed text is a string', () => {
    expect(evaluateTemplate('{{body.result.confidence}}', scope)).toBe(0.42);
    expect(evaluateTemplate('[{{body.result.label}}] {{body.nothing}}!', scope)).toBe(
      '[billing] !',
    );
  });

  it('drops keys whose value is undefined, as Make does in a request', () => {
    expect(evaluateDeep({ a: '{{body.result.label}}', b: '{{body.nothing}}' }, scope)).toEqual({
      a: 'billing',
    });
  });

  it('merges the spread key {{...}} into the object, as Make’s universal module template does', () => {
    const headers = {
      Accept: 'x',
      '{{...}}': "{{toCollection(parameters.headers, 'key', 'value')}}",
    };
    expect(evaluateDeep(headers, scope)).toEqual({ Accept: 'x', 'X-A': '1' });
    expect(evaluateDeep({ '{{...}}': '{{parameters.none}}' }, scope)).toEqual({});
    expect(() => evaluateDeep({ '{{...}}': '{{body.result.label}}' }, scope)).toThrow(/collection/);
    expect(() => evaluateDeep({ '{{body.x}}': 1 }, scope)).toThrow(/object key/);
  });

  it.each([
    'lower(body.result.label)',
    'body.`x`',
    'body.result.label ?',
    "replace('a', /b/x, '')",
  ])('refuses what it does not implement: {{%s}}', (src) => {
    expect(() => evaluateExpression(src, scope)).toThrow();
  });
});
