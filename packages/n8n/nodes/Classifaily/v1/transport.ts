import {
  NodeApiError,
  type IDataObject,
  type IExecuteFunctions,
  type IHttpRequestMethods,
  type IHttpRequestOptions,
  type ILoadOptionsFunctions,
  type JsonObject,
} from 'n8n-workflow';

const DEFAULT_BASE_URL = 'https://api.classifaily.com';

// One authenticated request through n8n's own HTTP helper, so that n8n's proxy settings, logging and
// the credential's Bearer header apply. Phase 2 replaces the call sites with @classifaily/core's
// client (retries, typed errors), given a FetchLike built on this same helper.
export async function classifailyApiRequest(
  this: IExecuteFunctions | ILoadOptionsFunctions,
  method: IHttpRequestMethods,
  path: string,
  qs: IDataObject = {},
  body?: IDataObject,
): Promise<IDataObject> {
  const credentials = await this.getCredentials<{ baseUrl?: string }>('classifailyApi');
  const baseUrl = (credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
  const options: IHttpRequestOptions = {
    method,
    url: `${baseUrl}${path}`,
    qs: Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== undefined)),
    body,
    json: true,
  };
  try {
    return (await this.helpers.httpRequestWithAuthentication.call(
      this,
      'classifailyApi',
      options,
    )) as IDataObject;
  } catch (error) {
    throw new NodeApiError(this.getNode(), error as JsonObject);
  }
}
