import type {
  IAuthenticateGeneric,
  Icon,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

// Phase 2 derives these labels and help texts from @classifaily/core's `catalog.credential`.
export class ClassifailyApi implements ICredentialType {
  name = 'classifailyApi';

  displayName = 'Classifaily API';

  icon: Icon = {
    light: 'file:../icons/classifaily.svg',
    dark: 'file:../icons/classifaily.dark.svg',
  };

  documentationUrl = 'https://classifaily.com/docs/guides/n8n';

  properties: INodeProperties[] = [
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      required: true,
      default: '',
      placeholder: 'cai_live_...',
      description:
        'Your Classifaily API key (starts with cai_live_, or cai_test_ for test mode). It is shown once when you create it in the Classifaily dashboard.',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: 'https://api.classifaily.com',
      description:
        'Leave as is unless you use another region or a local Classifaily sandbox (for example http://127.0.0.1:4010)',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: {
        Authorization: '=Bearer {{$credentials.apiKey.trim()}}',
      },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
      url: '/v1/me',
      method: 'GET',
    },
  };
}
