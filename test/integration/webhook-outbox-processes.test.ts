import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

// The outbox across real server processes (node dist/main.js): a kill -9 while a delivery is in
// flight loses nothing, and two processes on one database deliver each event once.

let db: TestDatabase;
let dataDir: string;
let receiver: WebhookReceiver;
const adminToken = `test-admin-${randomBytes(24).toString('hex')}`;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = path.join(TEST_RUNS_DIR, randomBytes(6).toString('hex'));
  await mkdir(dataDir, { recursive: true });
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await receiver.stop();
  await db.drop();
  await rm(dataDir, { recursive: true, force: true });
});

function start(): Promise<ServerProcess> {
  return startServerProcess({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_SCALE: '0.001',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
  }).then((p) => (processes.push(p), p));
}

describe('the webhook outbox across processes', () => {
  it('delivers after a kill -9 that interrupted the delivery, with the same webhook-id', async () => {
    const first = await start();
    const api = new ApiClient(first.url);
    const ws = await api.createWorkspace(adminToken);
    const hook = (await api.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url: receiver.url, events: ['link.created'] } })).body;
    receiver.secrets = [hook.secret];
    receiver.answers = ['hang']; // the first try never gets an answer...
    await api.createLink(ws, { customer_slug: 'crash' });
    await waitFor(() => receiver.received.length === 1, { what: 'the first try to arrive' });
    first.child.kill('SIGKILL'); // ...and the process dies mid-delivery, after the commit
    await first.exited;

    const second = await start();
    // The lease of the dead process runs out (timeout + 5 s) and the restarted one sends it again.
    await waitFor(() => receiver.received.length >= 2, { what: 'the delivery after the restart', timeoutMs: 45_000 });
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.received[1]!.verifiedWith).toEqual([true]);
    const rows = (await new ApiClient(second.url).request('GET', `/v1/${ws.id}/webhooks/${hook.id}/deliveries`, { token: ws.apiKey })).body;
    await waitFor(async () => {
      const [row] = (await new ApiClient(second.url).request('GET', `/v1/${ws.id}/webhooks/${hook.id}/deliveries`, { token: ws.apiKey })).body;
      return row.status === 'succeeded';
    }, { what: 'the delivery recorded as succeeded' });
    expect(rows).toHaveLength(1);
    second.child.kill('SIGTERM');
    await second.exited;
    receiver.received.length = 0;
  });

  it('two processes on one database deliver each event exactly once', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    const apiOne = new ApiClient(one!.url);
    const apiTwo = new ApiClient(two!.url);
    const ws = await apiOne.createWorkspace(adminToken, 'Two processes');
    const hook = (await apiOne.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url: receiver.url, events: ['upload.received'] } })).body;
    receiver.secrets = [hook.secret];
    const link = await apiOne.createLink(ws, { customer_slug: 'busy', max_uploads: 100 });
    const uploads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? apiOne : apiTwo).upload(link.link_token, samplePdf(), { filename: `f${i}.pdf`, contentType: 'application/pdf' })),
    );
    expect(uploads.map((u) => u.status)).toEqual(Array(20).fill(201));
    await waitFor(() => receiver.received.length >= 20, { what: 'twenty deliveries' });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a duplicate would have arrived by now
    expect(receiver.received).toHaveLength(20);
    expect(new Set(receiver.received.map((d) => d.id)).size).toBe(20);
    expect(new Set(receiver.received.map((d) => d.payload.data.upload_id))).toEqual(new Set(uploads.map((u) => u.body.id)));
    expect(receiver.received.every((d) => d.verifiedWith[0] === true)).toBe(true);
  });
});
