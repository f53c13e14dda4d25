import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { requestJson } from '../lib/http-client.ts';
import { createLink, startProduct, type ProductSettings } from '../lib/servers.ts';

/** Webhook latency and delivery rate, as the issue measures them. */
export interface WebhookResult {
  /** Upload 201 → the webhook arriving at a loopback receiver, at `ratePerSecond` uploads per second. */
  latency: { ratePerSecond: number; uploads: number; p50Ms: number; p99Ms: number; maxMs: number; missing: number };
  /** Deliveries per second to a receiver that answers 204 at once, from a backlog of `deliveries`. */
  throughput: { webhooks: number; uploads: number; deliveries: number; seconds: number; perSecond: number };
}

export interface WebhookOptions {
  ratePerSecond: number;
  seconds: number;
  /** Webhooks (each receiving every upload.received) and uploads for the throughput part. */
  webhooks: number;
  uploads: number;
}

/**
 * A product of its own (WEBHOOK_ALLOW_PRIVATE, so it may call loopback) on the run's database, a bare
 * node:http receiver in this process answering 204, and uploads of a small CSV.
 */
export async function runWebhooks(settings: ProductSettings, options: WebhookOptions, log: (line: string) => void): Promise<WebhookResult> {
  const arrivals = new Map<string, number>();
  let deliveries = 0;
  let firstAt = 0;
  let lastAt = 0;
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = performance.now();
      deliveries += 1;
      if (firstAt === 0) firstAt = now;
      lastAt = now;
      const uploadId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { upload_id?: string } }).data?.upload_id;
      if (uploadId && !arrivals.has(uploadId)) arrivals.set(uploadId, now);
      res.writeHead(204).end();
    });
  });
  receiver.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const product = await startProduct({ ...settings, env: { ...settings.env, WEBHOOK_ALLOW_PRIVATE: 'true' } });
  try {
    const link = await createLink(product, settings.adminToken);
    const register = async () => {
      const res = await requestJson(product.url, 'POST', `/v1/${link.workspaceId}/webhooks`, link.apiKey, { url: receiverUrl, events: ['upload.received'] });
      if (res.status !== 201) throw new Error(`create webhook: ${res.status} ${res.text}`);
    };
    await register();
    const body = Buffer.from('id,name\n1,bench\n');
    const upload = async (): Promise<{ id: string; at: number }> => {
      const res = await fetch(`${product.url}/upload/${link.linkToken}/files`, {
        method: 'POST',
        headers: { 'x-amigo-intake-filename': 'bench.csv', 'x-amigo-intake-content-type': 'text/csv', 'content-type': 'application/octet-stream' },
        body,
      });
      const at = performance.now();
      const json = (await res.json()) as { id?: string };
      if (res.status !== 201 || !json.id) throw new Error(`upload: ${res.status}`);
      return { id: json.id, at };
    };

    // 1. Latency: an open-loop 50 uploads/s (one every 20 ms, not waiting for the previous answer).
    const total = options.ratePerSecond * options.seconds;
    const sent: Promise<{ id: string; at: number }>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i += 1) {
      const due = start + (i * 1000) / options.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await delay(wait);
      const one = upload();
      // Handled at once: a 503 while the loop still sends would otherwise be an unhandled rejection,
      // which ends the whole bench process (it did, twice, on an overloaded machine); Promise.all below rethrows it.
      one.catch(() => undefined);
      sent.push(one);
    }
    const done = await Promise.all(sent);
    await waitUntil(() => done.every((u) => arrivals.has(u.id)), 30_000);
    const latencies = done.filter((u) => arrivals.has(u.id)).map((u) => (arrivals.get(u.id) as number) - u.at).sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
    const latency = { ratePerSecond: options.ratePerSecond, uploads: total, p50Ms: pick(0.5), p99Ms: pick(0.99), maxMs: latencies.at(-1) ?? Number.NaN, missing: total - latencies.length };
    log(`webhooks: ${total} uploads at ${options.ratePerSecond}/s, 201 → webhook p50 ${latency.p50Ms.toFixed(0)} ms, p99 ${latency.p99Ms.toFixed(0)} ms`);

    // 2. Throughput: every upload fans out to `webhooks` endpoints; the rate from first to last arrival.
    for (let i = 1; i < options.webhooks; i += 1) await register();
    deliveries = 0;
    firstAt = 0;
    const expected = options.webhooks * options.uploads;
    for (let i = 0; i < options.uploads; i += 10) await Promise.all(Array.from({ length: Math.min(10, options.uploads - i) }, () => upload()));
    await waitUntil(() => deliveries >= expected, 120_000);
    const seconds = (lastAt - firstAt) / 1000;
    const throughput = { webhooks: options.webhooks, uploads: options.uploads, deliveries, seconds, perSecond: deliveries / seconds };
    log(`webhooks: ${deliveries} deliveries (${options.webhooks} endpoints × ${options.uploads} uploads) in ${seconds.toFixed(1)} s, ${throughput.perSecond.toFixed(0)}/s`);
    return { latency, throughput };
  } finally {
    await product.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await delay(20);
}
