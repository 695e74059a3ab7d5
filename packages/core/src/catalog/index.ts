// The operation catalog: the one place where a label, a limit, a help text, a default or a sample is
// written. The n8n node, the Zapier app and the Make app all derive their fields from it.
import { REDIRECT_HINT } from '../redirects';
import type { Me } from '../types';
import * as fields from './fields';
import * as links from './links';
import * as operations from './operations';
import { tools } from './tools';
import type { OperationSpec } from './types';

export * from './links';
export * from './types';
export {
  positionOf,
  presentClassification,
  presentResult,
  type ClassificationOutput,
  type ClassifiedItemOutput,
} from './outputs';
export { SAMPLE_CATEGORIES, SAMPLE_INPUT } from './samples';

const testRequest = {
  method: operations.listSchemas.method,
  path: operations.listSchemas.path,
  query: { [fields.limit.key]: 1 },
} as const;

export const credential = {
  label: 'Classifaily API',
  fields: [fields.apiKey, fields.baseUrl],
  /**
   * The request of a platform's own declarative connection test, n8n's credential test and Make's
   * connection validation (decision 0038): a one-schema page of the schema list. It bills nothing,
   * answers 401 to a wrong key and 2xx to a good one, so those platforms' rules for a failed test
   * keep working; and the vendor's page names schemas, where it says nothing of `/v1/me`. Core's
   * own `testConnection()` (Zapier's test) keeps `/v1/me` with the empty-classify probe
   * (decision 0036).
   */
  testRequest,
  /** The test request's path and query as one relative URL (`/v1/schemas?limit=1`). */
  testUrl: `${testRequest.path}?${new URLSearchParams(
    Object.entries(testRequest.query).map(([k, v]) => [k, String(v)]),
  )}`,
  /**
   * The Base URL help where the platform runs in the cloud and cannot reach this machine, so the
   * field takes https:// only (Make's production app). `fields.baseUrl.help` is the text where
   * plain http:// to localhost (the sandbox) is allowed.
   */
  hostedBaseUrlHelp:
    'Leave as it is. Change it only to use another Classifaily region; the address must start with https://.',
  /**
   * "Acme Support (Automation key, test mode, read-only)": names the account and key, never shows
   * the key; says read-only where the API says so, before a first step fails with 403. Only where
   * the test read `/v1/me` (Zapier's); otherwise the connection is the service's `label`.
   */
  connectionLabel(me: Me): string {
    const mode = me.key.mode === 'test' ? ', test mode' : '';
    const readOnly = me.key.read_only === true ? ', read-only' : '';
    return `${me.account.name} (${me.key.name}${mode}${readOnly})`;
  },
  /**
   * What a connection test says when the API refuses the key (401) on a platform that shows only the
   * status of the test's answer, not its body (n8n's credential test rules): so it names both causes.
   */
  keyRejectedMessage:
    'Classifaily did not accept this API key: it is mistyped, or it has been revoked. Copy the key again from the API Keys tab of the Classifaily dashboard, or click Generate new key there, then paste it here and save.',
  /**
   * What a connection test says when the base URL answers with a redirect, on a platform whose test
   * does not follow one and shows only the answer's status (n8n's credential test rules).
   */
  redirectMessage: `The Base URL answered with a redirect to another address. It was not followed, so your key was not sent there. ${REDIRECT_HINT}`,
} as const;

/** Labels of the resources operations belong to, for platforms that group steps (Make's module groups). */
export const resources: Record<OperationSpec['resource'], { label: string }> = {
  classification: { label: 'Classification' },
  schema: { label: 'Schemas' },
  account: { label: 'Account' },
};

export const catalog = {
  service: {
    name: 'Classifaily',
    description: 'Classify text into your own categories with a confidence score.',
    docsUrl: links.DOCS_URL,
    /** Each platform's guide: the link its step (n8n's codex, Make's app readme) points to. */
    guides: {
      n8n: links.guideUrl('n8n'),
      zapier: links.guideUrl('zapier'),
      make: links.guideUrl('make'),
    },
    /** Each guide's "Get an API key" section: what a credential or connection form links to. */
    keyGuides: {
      n8n: links.guideUrl('n8n', links.KEY_GUIDE_SECTION),
      zapier: links.guideUrl('zapier', links.KEY_GUIDE_SECTION),
      make: links.guideUrl('make', links.KEY_GUIDE_SECTION),
    },
  },
  credential,
  resources,
  fields,
  operations,
  tools,
  links,
} as const;
