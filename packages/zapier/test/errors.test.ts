import zapier, { type ZObject } from 'zapier-platform-core';

import { catalog, TimeoutError, ValidationError } from '@classifaily/core';
import { toZapierError, DEFAULT_THROTTLE_DELAY_SECONDS } from '../src/errors';

const z = { errors: zapier.errors } as unknown as ZObject;
const appError = (error: Error) => ({ name: error.name, ...JSON.parse(error.message) });

describe('toZapierError', () => {
  it('names the fields of a validation error with the catalog labels', () => {
    const error = new ValidationError('Too few categories.', {
      code: 'validation_failed',
      fieldErrors: [
        { field: 'categories', code: 'minItems', message: 'x' },
        { field: 'items[2].input', code: 'input_empty', message: 'y' },
      ],
    });
    expect(appError(toZapierError(z, error))).toMatchObject({
      name: 'AppError',
      message: expect.stringContaining(
        `Fields: Categories, Items line 3: ${catalog.fields.input.label}.`,
      ),
      status: 400,
    });
  });

  it('a timeout is temporary', () => {
    const error = new TimeoutError('Classifaily did not answer within 7 seconds.', {
      code: 'timeout',
    });
    expect(appError(toZapierError(z, error))).toMatchObject({
      message: expect.stringMatching(/^Temporary problem/),
      code: 'timeout',
      status: 503,
    });
  });

  it('401 asks the user to reconnect', () => {
    const error = toZapierError(z, {
      status: 401,
      message: 'The API key was revoked.',
      hint: 'Reconnect.',
    });
    expect(error).toBeInstanceOf(zapier.errors.ExpiredAuthError);
    expect(error.message).toBe('The API key was revoked. Reconnect.');
  });

  it('429 is a ThrottledError whose delay is the server’s, in whole seconds', () => {
    expect(
      appError(toZapierError(z, { status: 429, message: 'Slow down.', retryAfterMs: 1500 })),
    ).toMatchObject({
      name: 'ThrottledError',
      delay: 2,
    });
    expect(appError(toZapierError(z, { status: 429, message: 'Slow down.' }))).toMatchObject({
      delay: DEFAULT_THROTTLE_DELAY_SECONDS,
    });
  });

  it('400/422 are user errors with the code and status', () => {
    expect(
      appError(
        toZapierError(z, {
          status: 422,
          code: 'validation_failed',
          message: 'categories: too many.',
        }),
      ),
    ).toEqual({
      name: 'AppError',
      message: 'categories: too many.',
      code: 'validation_failed',
      status: 422,
    });
  });

  it('5xx and connection failures say the problem is temporary', () => {
    expect(
      appError(toZapierError(z, { status: 502, message: 'Bad gateway.', requestId: 'req_1' })),
    ).toMatchObject({
      message: 'Temporary problem, try again later: Bad gateway. (request req_1)',
      status: 502,
    });
    expect(appError(toZapierError(z, { message: 'Could not connect.' }))).toMatchObject({
      code: 'temporarily_unavailable',
      status: 503,
    });
  });
});
