// Every address an integration sends a person to, written once: the documentation's one URL scheme
// (one host; a path per platform guide and per problem code) and the dashboard's API-key page.
// The n8n credential, the Make app's readme (through `catalog.service.guides`) and the sandbox's
// problem types derive from here (docs/decisions/0500-one-documentation-url-scheme.md).

/** The documentation site. A platform's guide is this repository's docs/<platform>.md. */
export const DOCS_URL = 'https://docs.classifaily.com';

/** Where a person creates and copies API keys. */
export const DASHBOARD_KEYS_URL = 'https://app.classifaily.com/settings/api-keys';

export type GuidePlatform = 'n8n' | 'zapier' | 'make';

/**
 * The anchor of each guide's "Get an API key" section (docs/<platform>.md): where the dashboard
 * is, live and test keys, and where the key goes on that platform. Credentials link there.
 */
export const KEY_GUIDE_SECTION = 'get-an-api-key';

/** A platform's guide, or one section of it (`section` is the heading's anchor). */
export function guideUrl(platform: GuidePlatform, section?: string): string {
  return `${DOCS_URL}/guides/${platform}${section ? `#${section}` : ''}`;
}

/** The page that explains one problem `code`: the RFC 9457 `type` of an API error. */
export function problemTypeUrl(code: string): string {
  return `${DOCS_URL}/errors/${encodeURIComponent(code)}`;
}
