import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { waitFor } from '../helpers/wait-for.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

// Deliveries to a real receiver on loopback that verifies each with the standardwebhooks package.
// Retry waits are scaled down (5 s -> 5 ms) so retries happen within the test.

const ENV = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCALE: '0.001', LINK_EXPIRY_CHECK_SECONDS: '1' };

let s: ServerWithWorkspace;
let receiver: WebhookReceiver;
beforeAll(async () => {
  s = await startServerWithWorkspace({ env: ENV, workers: true });
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await s.t.stop();
  await receiver.stop();
});

async function register(url: string, events: string[]): Promise<{ id: string; secret: string }> {
  const res = await s.api.request('POST', `/v1/${s.ws.id}/webhooks`, { token: s.ws.apiKey, json: { url, events } });
  expect(res.status).toBe(201);
  return res.body;
}

async function uploadPdf(api: ApiClient, token: string, filename = 'scan.pdf') {
  const res = await api.upload(token, samplePdf(), { filename, contentType: 'application/pdf' });
  expect(res.status).toBe(201);
  return res.body;
}

async function deliveries(webhookId: string): Promise<any[]> {
  return (await s.api.request('GET', `/v1/${s.ws.id}/webhooks/${webhookId}/deliveries`, { token: s.ws.apiKey })).body;
}

describe('webhook delivery', () => {
  it('a receiver that fails twice then succeeds gets the event once more, with the same webhook-id every try', async () => {
    const hook = await register(receiver.url, ['upload.received']);
    receiver.secrets = [hook.secret];
    receiver.answers = [500, 503];
    const link = await s.api.createLink(s.ws, { customer_slug: 'retry-case' });
    const upload = await uploadPdf(s.api, link.link_token);
    const tries = await waitFor(() => receiver.received.length >= 3 && receiver.received.slice(), { what: 'three tries' });
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.id)).size).toBe(1);
    expect(tries.map((t) => t.verifiedWith)).toEqual([[true], [true], [true]]);
    expect(tries[0]!.payload).toEqual({
      type: 'upload.received',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        event_id: expect.any(String),
        workspace_id: s.ws.id,
        link_id: link.id,
        upload_id: upload.id,
        filename: 'scan.pdf',
        content_type: 'application/pdf',
        size_bytes: upload.size_bytes,
        sha256: upload.sha256,
        scan_status: 'skipped',
        duplicate_of: null,
      },
    });
    expect(tries[0]!.body).not.toContain(link.link_token);
    const log = await waitFor(async () => {
      const [row] = await deliveries(hook.id);
      return row?.status === 'succeeded' && row;
    }, { what: 'the delivery marked succeeded' });
    expect(log).toMatchObject({ id: tries[0]!.id, attempts: 3, status: 'succeeded', last_status_code: 200, next_attempt_at: null, event_type: 'upload.received' });
    const endpoint = (await s.api.request('GET', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey })).body;
    expect(endpoint.consecutive_failures).toBe(0);
    expect(endpoint.last_success_at).not.toBeNull();

    // Redelivery: the same message again, same webhook-id.
    const before = receiver.received.length;
    const redo = await s.api.request('POST', `/v1/${s.ws.id}/webhooks/${hook.id}/deliveries/${log.id}/redeliver`, { token: s.ws.apiKey });
    expect(redo.status).toBe(202);
    await waitFor(() => receiver.received.length > before, { what: 'the redelivery' });
    expect(receiver.received.at(-1)!.id).toBe(log.id);
    await s.api.request('DELETE', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey });
    receiver.received.length = 0;
  });

  it('a change that rolls back sends nothing', async () => {
    const hook = await register(receiver.url, ['link.created']);
    const { services } = s.t.server.container;
    const link = await s.api.createLink(s.ws, { customer_slug: 'rolled-back' });
    // The audit seam inside a transaction that then fails: neither the event nor its outbox row survive.
    const unitOfWork = (services.webhooks as any).unitOfWork;
    await expect(
      unitOfWork.run(async (tx: any) => {
        await services.audit.record({ type: 'link.created', workspaceId: s.ws.id, linkId: link.id, actor: { kind: 'system', id: null }, meta: null }, tx);
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    await waitFor(() => receiver.of('link.created').length === 1, { what: 'the real link.created' });
    const rows = await deliveries(hook.id);
    expect(rows).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.of('link.created')).toHaveLength(1);
    await s.api.request('DELETE', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey });
    receiver.received.length = 0;
  });

  it('after a secret rotation both secrets sign, and each verifies', async () => {
    const hook = await register(receiver.url, ['link.created']);
    const rotated = (await s.api.request('POST', `/v1/${s.ws.id}/webhooks/${hook.id}/rotate-secret`, { token: s.ws.apiKey })).body;
    receiver.secrets = [hook.secret, rotated.secret, 'whsec_' + Buffer.alloc(32, 7).toString('base64')];
    await s.api.createLink(s.ws, { customer_slug: 'rotation' });
    const [got] = await waitFor(() => receiver.of('link.created').length === 1 && receiver.of('link.created'), { what: 'link.created' });
    expect(got!.signature.split(' ')).toHaveLength(2);
    expect(got!.verifiedWith).toEqual([true, true, false]);
    await s.api.request('DELETE', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey });
    receiver.received.length = 0;
  });

  it('announces link.exhausted at the upload that fills the link, and link.expired after expires_at', async () => {
    const hook = await register(receiver.url, ['link.exhausted', 'link.expired']);
    receiver.secrets = [hook.secret];
    const full = await s.api.createLink(s.ws, { customer_slug: 'one-file', max_uploads: 1 });
    await uploadPdf(s.api, full.link_token);
    const [exhausted] = await waitFor(() => receiver.of('link.exhausted').length === 1 && receiver.of('link.exhausted'), { what: 'link.exhausted' });
    expect(exhausted!.payload.data).toEqual({ workspace_id: s.ws.id, link_id: full.id, customer_slug: 'one-file', max_uploads: 1, upload_count: 1 });

    const expiring = await s.api.createLink(s.ws, { customer_slug: 'expiring' });
    await s.t.db.query(`update intake_links set expires_at = now() - interval '1 second' where id = '${expiring.id}'`);
    const [expired] = await waitFor(() => receiver.of('link.expired').some((d) => d.payload.data.link_id === expiring.id) && receiver.of('link.expired'), {
      what: 'link.expired',
    });
    expect(expired!.payload.data).toMatchObject({ link_id: expiring.id, customer_slug: 'expiring', upload_count: 0 });
    expect(expired!.verifiedWith).toEqual([true]);
    await s.api.request('DELETE', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey });
    receiver.received.length = 0;
  });

  it('a 410 disables the endpoint (audited); a redirect is not followed', async () => {
    const gone = await register(receiver.url, ['link.created']);
    receiver.answers = [410];
    await s.api.createLink(s.ws, { customer_slug: 'gone' });
    await waitFor(async () => {
      const res = await s.api.request('GET', `/v1/${s.ws.id}/webhooks/${gone.id}`, { token: s.ws.apiKey });
      return res.body.enabled === false && res.body;
    }, { what: 'the endpoint disabled' });
    const audit = await s.api.request('GET', `/v1/${s.ws.id}/audit-events`, { token: s.ws.apiKey });
    const disabled = audit.body.find((e: any) => e.type === 'webhook.disabled');
    expect(disabled).toMatchObject({ actor: { kind: 'system', id: null }, detail: { webhook_id: gone.id, reason: 'the receiver answered 410 Gone' } });
    receiver.received.length = 0;

    const elsewhere = await new WebhookReceiver().start();
    try {
      const hook = await register(receiver.url, ['link.created']);
      receiver.answers = Array(50).fill({ status: 302, headers: { location: elsewhere.url } });
      await s.api.createLink(s.ws, { customer_slug: 'redirected' });
      const [row] = await waitFor(async () => {
        const rows = await deliveries(hook.id);
        return rows[0]?.attempts >= 2 && rows;
      }, { what: 'two tries' });
      expect(row).toMatchObject({ last_status_code: 302, last_error: 'the receiver answered 302' });
      expect(elsewhere.received).toHaveLength(0);
      receiver.answers = [];
      await s.api.request('DELETE', `/v1/${s.ws.id}/webhooks/${hook.id}`, { token: s.ws.apiKey });
    } finally {
      await elsewhere.stop();
    }
  });
});

describe('webhook delivery without WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { WEBHOOK_RETRY_SCALE: '0.001' }, workers: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses at send time a host name that resolves to a private address (and never connects)', async () => {
    const api = new ApiClient(t.url);
    const ws = await api.createWorkspace(t.adminToken);
    const local = await new WebhookReceiver().start();
    try {
      const port = new URL(local.url).port;
      const hostname = os.hostname(); // resolves to 127.0.0.1 on this machine kind (/etc/hosts)
      const created = await api.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url: `http://${hostname}:${port}/hook`, events: ['link.created'] } });
      expect(created.status).toBe(201);
      await api.createLink(ws, { customer_slug: 'rebinding' });
      const [row] = await waitFor(async () => {
        const rows = (await api.request('GET', `/v1/${ws.id}/webhooks/${created.body.id}/deliveries`, { token: ws.apiKey })).body;
        return rows[0]?.attempts >= 1 && rows;
      }, { what: 'the refused try' });
      expect(row.last_status_code).toBeNull();
      expect(row.last_error).toContain('which webhooks may not reach');
      expect(local.received).toHaveLength(0);
    } finally {
      await local.stop();
    }
  });
});
