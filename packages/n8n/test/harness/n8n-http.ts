/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// HTTP to a started n8n: its readiness endpoint, whether a webhook is registered, and a POST to a
// webhook that waits for the answer however long the workflow runs.
import http from 'node:http';

/**
 * POSTs JSON to a URL (an n8n production webhook) and waits for n8n's answer, however long the workflow runs
 * (up to `timeoutMs`): node:http, because fetch gives up on a response after 300 s of headers.
 */
export function postJson(
  url: string,
  body: unknown,
  timeoutMs = 15 * 60_000,
): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: timeoutMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer from ${url} after ${timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** The URL answers 200 (n8n's readiness endpoints: database and Redis connected). */
export async function answers200(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  await response.body?.cancel();
  return response.status === 200;
}

/**
 * n8n answers a GET to a POST-only webhook with 404 "… not registered for GET …" once it is
 * registered, and with "… is not registered" before: a probe that starts no execution.
 */
export async function isWebhookRegistered(url: string): Promise<boolean> {
  const response = await fetch(url);
  return /not registered for GET/i.test(await response.text());
}
