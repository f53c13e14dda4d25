import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { bareHost, isForbiddenAddress } from '../../domain/webhook-url-policy.js';
import { DELIVERY_TIMEOUT_MS } from '../../domain/webhook-vocabulary.js';
import { safeLookup } from './safe-lookup.js';

/** What one HTTP try came to. */
export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const USER_AGENT = 'intake-links-webhooks/1';
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one delivery: a 10 s deadline for the whole exchange, redirects not followed (a 3xx is a
 * failure), and unless `allowPrivate`, only public addresses, checked on the address actually dialled.
 */
export function sendWebhook(target: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...result, durationMs: elapsed() });
    };
    const url = new URL(target);
    const host = bareHost(url);
    if (!allowPrivate && isIP(host) && isForbiddenAddress(host)) {
      finish({ statusCode: null, error: `${host} is an address webhooks may not reach` });
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': USER_AGENT },
      ...(allowPrivate ? {} : { lookup: safeLookup }),
      agent: false, // a fresh connection each time: a pooled one would skip the address check
    });
    deadline = setTimeout(() => {
      request.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`));
    }, DELIVERY_TIMEOUT_MS);
    request.on('response', (response) => {
      let seen = 0;
      // The answer's body is read (a little of it) so the receiver is not cut off mid-write, then dropped.
      response.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > MAX_RESPONSE_BYTES) response.destroy();
      });
      const done = () => {
        const status = response.statusCode ?? null;
        const ok = status !== null && status >= 200 && status < 300;
        finish({ statusCode: status, error: ok ? null : `the receiver answered ${status}` });
      };
      response.on('end', done);
      response.on('close', done);
      response.on('error', done);
    });
    request.on('error', (error) => finish({ statusCode: null, error: error.message }));
    request.end(body);
  });
}
