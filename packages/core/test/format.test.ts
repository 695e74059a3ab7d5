import { ClassifailyError, formatError, ValidationError } from '../src';

describe('formatError (decision 0014)', () => {
  it('writes the message, the fields by their catalog labels, the hint and the request id', () => {
    const error = new ValidationError('The text to classify is empty.', {
      hint: 'Correct the field named in the message and run the step again.',
      requestId: 'req_1',
      fieldErrors: [
        { field: 'items[3].input', code: 'input_empty', message: 'empty' },
        { field: 'categories[0]', code: 'category_empty', message: 'empty' },
      ],
    });
    expect(formatError(error)).toBe(
      'The text to classify is empty. Fields: Items line 4: Text to Classify, Categories. Correct the field named in the message and run the step again. (request req_1)',
    );
  });

  it('takes the platform’s labels, leaves out the message where the platform shows it apart, and adds its advice', () => {
    const error = new ValidationError('Bad.', {
      hint: 'Fix it.',
      fieldErrors: [{ field: 'categories', code: 'x', message: 'x' }],
    });
    expect(
      formatError(error, {
        labels: { categories: 'Category List' },
        message: false,
        advice: 'In n8n: edit the node.',
      }),
    ).toBe('Field: Category List. Fix it. In n8n: edit the node.');
  });

  it('names unknown fields as they are, even ones named like Object’s own properties', () => {
    const error = new ValidationError('Bad.', {
      fieldErrors: [{ field: 'constructor', code: 'x', message: 'x' }],
    });
    expect(formatError(error)).toMatch(/^Bad\. Field: constructor\. /);
  });

  it('accepts any object shaped like an error, and never shows a key', () => {
    expect(formatError({ message: 'Down cai_live_FakeKeyInAMessage01.', requestId: 'req_2' })).toBe(
      'Down cai_live_***. (request req_2)',
    );
    expect(formatError(new ClassifailyError('x', { hint: 'y' }))).toBe('x y');
  });
});
