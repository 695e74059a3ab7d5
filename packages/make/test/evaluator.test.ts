import { evaluateDeep, evaluateExpression, evaluateTemplate } from './emulator';

const scope = {
  2: { __IMTINDEX__: 26 },
  body: { result: { label: 'billing', confidence: 0.42 }, request_id: 'req_1', empty: '' },
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

  it.each(['lower(body.result.label)', 'body.items[1]', 'body.`x`', 'body.result.label ?'])(
    'refuses what it does not implement: {{%s}}',
    (src) => {
      expect(() => evaluateExpression(src, scope)).toThrow();
    },
  );
});
