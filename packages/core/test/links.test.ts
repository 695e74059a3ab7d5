import { API_KEY_SECTION, catalog, DOCS_URL, guideUrl, problemTypeUrl } from '../src';

describe('the documentation URL scheme', () => {
  it('puts every guide and problem page under the one documentation host', () => {
    for (const url of [
      guideUrl('n8n'),
      guideUrl('zapier', API_KEY_SECTION),
      guideUrl('make'),
      problemTypeUrl('schema_not_found'),
    ]) {
      expect(url.startsWith(`${DOCS_URL}/`)).toBe(true);
      expect(new URL(url).protocol).toBe('https:');
    }
  });

  it('has one path per platform guide, one anchor per section, one page per problem code', () => {
    expect(guideUrl('n8n')).toBe('https://docs.classifaily.com/guides/n8n');
    expect(guideUrl('make', API_KEY_SECTION)).toBe(
      'https://docs.classifaily.com/guides/make#get-an-api-key',
    );
    expect(problemTypeUrl('rate_limited')).toBe('https://docs.classifaily.com/errors/rate_limited');
  });

  it('names the dashboard address in the API key help, written once', () => {
    expect(catalog.fields.apiKey.help).toContain(catalog.links.DASHBOARD_KEYS_URL);
    expect(catalog.links.guideUrl).toBe(guideUrl);
  });
});
