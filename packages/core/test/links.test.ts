import { catalog, DOCS_URL, guideUrl, problemTypeUrl } from '../src';

describe('the documentation URL scheme', () => {
  it('puts every guide and problem page under the one documentation host', () => {
    const urls = [
      ...Object.values(catalog.service.guides),
      guideUrl('zapier', 'get-an-api-key'),
      problemTypeUrl('schema_not_found'),
    ];
    for (const url of urls) {
      expect(url.startsWith(`${DOCS_URL}/`)).toBe(true);
      expect(new URL(url).protocol).toBe('https:');
    }
  });

  it('has one path per platform guide, one anchor per section, one page per problem code', () => {
    expect(catalog.service.guides).toEqual({
      n8n: 'https://docs.classifaily.com/guides/n8n',
      zapier: 'https://docs.classifaily.com/guides/zapier',
      make: 'https://docs.classifaily.com/guides/make',
    });
    expect(guideUrl('make', 'get-an-api-key')).toBe(
      'https://docs.classifaily.com/guides/make#get-an-api-key',
    );
    expect(problemTypeUrl('rate_limited')).toBe('https://docs.classifaily.com/errors/rate_limited');
  });

  it("points each credential at its guide's Get an API key section", () => {
    expect(catalog.service.keyGuides).toEqual({
      n8n: 'https://docs.classifaily.com/guides/n8n#get-an-api-key',
      zapier: 'https://docs.classifaily.com/guides/zapier#get-an-api-key',
      make: 'https://docs.classifaily.com/guides/make#get-an-api-key',
    });
  });

  it('names the dashboard address in the API key help, written once', () => {
    expect(catalog.fields.apiKey.help).toContain(catalog.links.DASHBOARD_KEYS_URL);
  });
});
