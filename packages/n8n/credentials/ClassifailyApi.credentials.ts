import { catalog } from '@classifaily/core';
import type {
  IAuthenticateGeneric,
  Icon,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

import { fieldProperty } from '../nodes/Classifaily/v1/fields';

const { credential } = catalog;

// Labels, help texts and defaults come from @classifaily/core's catalog. n8n applies the key
// itself (generic Bearer `authenticate`), on the credential test and on every node request; core's
// client runs with `auth: 'transport'` and never sees it.
export class ClassifailyApi implements ICredentialType {
  name = 'classifailyApi';

  displayName = credential.label;

  icon: Icon = {
    light: 'file:../icons/classifaily.svg',
    dark: 'file:../icons/classifaily.dark.svg',
  };

  documentationUrl = catalog.service.guides.n8n;

  properties: INodeProperties[] = credential.fields.map((field) => fieldProperty(field));

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: {
        // Trimmed as core trims a pasted key (spaces, newline, a leading "Bearer ").
        Authorization: '=Bearer {{$credentials.apiKey.trim().replace(/^Bearer\\s+/i, "")}}',
      },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL: `={{($credentials.baseUrl || "${catalog.fields.baseUrl.default}").trim().replace(/\\/+$/, "")}}`,
      url: credential.testPath,
      method: 'GET',
    },
    // n8n shows only "Unauthorized" for a refused key; it passes the answer's status, not its body,
    // to these rules, so the message names both a mistyped and a revoked key (decision 0222).
    rules: [
      {
        type: 'responseCode',
        properties: { value: 401, message: credential.keyRejectedMessage },
      },
    ],
  };
}
