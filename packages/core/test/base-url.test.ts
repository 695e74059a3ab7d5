import fc from 'fast-check';
import { baseUrlPattern, isAllowedBaseUrl, normalizeBaseUrl } from '../src/base-url';

describe('the base URL rule', () => {
  const allowed = [
    'https://api.classifaily.com',
    'https://eu.api.classifaily.com/',
    'https://api.classifaily.com:8443/prefix',
    'http://localhost:8787',
    'http://127.0.0.1:8787',
    'http://[::1]:8787',
    'http://sandbox.localhost',
  ];
  const refused = [
    'http://api.example.org',
    'http://192.168.1.10:8787',
    'ftp://localhost',
    'https://user:secret@api.classifaily.com',
    'http://localhost.evil.com',
  ];

  it.each(allowed)('allows %s', (raw) => {
    expect(() => normalizeBaseUrl(raw)).not.toThrow();
    expect(new RegExp(baseUrlPattern({ allowLocalHttp: true })).test(raw.replace(/\/$/, ''))).toBe(
      true,
    );
  });

  it.each(refused)('refuses %s, and the pattern refuses it too', (raw) => {
    expect(() => normalizeBaseUrl(raw)).toThrow(/not secure|user name or password/);
    expect(new RegExp(baseUrlPattern({ allowLocalHttp: true })).test(raw)).toBe(false);
  });

  it('never repeats a password from the URL', () => {
    expect(() => normalizeBaseUrl('https://u:cai_test_SECRET123@host')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('SECRET') }),
    );
  });

  it('production builds refuse even localhost over http', () => {
    expect(() => normalizeBaseUrl('http://localhost:8787', { allowLocalHttp: false })).toThrow(
      /not secure/,
    );
    expect(new RegExp(baseUrlPattern()).test('http://localhost:8787')).toBe(false);
    expect(new RegExp(baseUrlPattern()).test('https://api.classifaily.com')).toBe(true);
  });

  it('the pattern never accepts what the function refuses', () => {
    const pattern = new RegExp(baseUrlPattern({ allowLocalHttp: true }));
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (raw) => {
        if (!pattern.test(raw)) return;
        expect(isAllowedBaseUrl(new URL(raw))).toBe(true);
      }),
    );
  });
});
