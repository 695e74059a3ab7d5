import zapier, { type ZObject } from 'zapier-platform-core';

import { resolveBaseUrl, BaseUrlError, DEFAULT_BASE_URL } from '../src/base-url';
import { toZapierError, DEFAULT_THROTTLE_DELAY_SECONDS } from '../src/errors';

const z = { errors: zapier.errors } as unknown as ZObject;
const appError = (error: Error) => ({ name: error.name, ...JSON.parse(error.message) });

describe('toZapierError', () => {
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

describe('resolveBaseUrl', () => {
  it.each([
    [undefined, DEFAULT_BASE_URL],
    ['  ', DEFAULT_BASE_URL],
    ['https://eu.classifaily.example/', 'https://eu.classifaily.example'],
    ['https://proxy.example/classifaily/', 'https://proxy.example/classifaily'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('%p → %p', (raw, expected) => {
    expect(resolveBaseUrl(raw)).toBe(expected);
  });

  it.each([
    'http://api.example.com',
    'ftp://localhost',
    'not a url',
    'https://user:pw@example.com',
    'https://x.example/?a=1',
  ])('refuses %p', (raw) => {
    expect(() => resolveBaseUrl(raw)).toThrow(BaseUrlError);
  });
});
