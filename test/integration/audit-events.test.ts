import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeCsv, samplePdf, samplePng } from '../fixtures/sample-files.js';
import { ApiClient, type ApiResponse, type TestWorkspace } from '../helpers/api-client.js';
import { getUnread, readBody, sendRaw } from '../helpers/raw-http.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, ISO_TIMESTAMP } from '../helpers/upload-expectations.js';

const EVENT_FIELDS = ['id', 'type', 'occurred_at', 'workspace_id', 'link_id', 'upload_id', 'actor', 'client_ip', 'user_agent', 'detail'];

let t: TestServer;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
});
afterAll(() => t.stop());

const downloadPath = (ws: TestWorkspace, linkId: string, uploadId: string) => `/v1/${ws.id}/intake/links/${linkId}/uploads/${uploadId}/download`;

async function events(ws: TestWorkspace, query = ''): Promise<any[]> {
  const res = await api.request('GET', `/v1/${ws.id}/audit-events${query}`, { token: ws.apiKey });
  if (res.status !== 200) throw new Error(`audit-events: ${res.status} ${res.text}`);
  return res.body as any[];
}

/** A second key for the workspace, issued by the admin, so the test knows its id. */
async function issueKey(ws: TestWorkspace): Promise<{ id: string; apiKey: string }> {
  const res = await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken });
  expect(res.status).toBe(201);
  return { id: res.body.id, apiKey: res.body.api_key };
}

describe('events written by uploads and downloads', () => {
  it('records each received upload as upload.received by the customer', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);
    const uploaded = await api.upload(link.link_token, samplePdf(), {
      filename: 'scan.pdf',
      contentType: 'application/pdf',
      headers: { 'user-agent': 'customer-browser/1.0' },
    });
    expect(uploaded.status).toBe(201);
    const [event, ...rest] = await events(ws, `?upload_id=${uploaded.body.id}`);
    expect(rest).toEqual([]);
    expect(Object.keys(event)).toEqual(EVENT_FIELDS);
    expect(event).toMatchObject({
      type: 'upload.received',
      workspace_id: ws.id,
      link_id: link.id,
      upload_id: uploaded.body.id,
      actor: { kind: 'customer', id: null },
      client_ip: '127.0.0.1',
      user_agent: 'customer-browser/1.0',
      detail: { filename: 'scan.pdf', content_type: 'application/pdf', size_bytes: uploaded.body.size_bytes, sha256: uploaded.body.sha256 },
    });
    expect(event.occurred_at).toMatch(ISO_TIMESTAMP);
  });

  it('records a download as upload.downloaded with the acting key, before the first byte is sent', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const key = await issueKey(ws);
    const link = await api.createLink(ws);
    // Far more than the socket buffers hold: the server cannot finish sending while the test does not read.
    const bytes = largeCsv(24 * 1024 * 1024);
    const uploaded = await api.upload(link.link_token, bytes, { filename: 'big.csv', contentType: 'text/csv' });
    expect(uploaded.status).toBe(201);

    const res = await getUnread(t.url, downloadPath(ws, link.id, uploaded.body.id), {
      authorization: `Bearer ${key.apiKey}`,
      'user-agent': 'operator-tool/2.0',
    });
    expect(res.statusCode).toBe(200);
    // Headers are here and the body is not being read: the event must already be in the table.
    const recorded = await t.db.query("select id from audit_events where type = 'upload.downloaded' and upload_id = $1", [uploaded.body.id]);
    expect(recorded).toHaveLength(1);
    expect((await readBody(res)).equals(bytes)).toBe(true);

    const [event] = await events(ws, `?upload_id=${uploaded.body.id}&limit=1`);
    expect(event).toMatchObject({
      type: 'upload.downloaded',
      workspace_id: ws.id,
      link_id: link.id,
      upload_id: uploaded.body.id,
      actor: { kind: 'api_key', id: key.id },
      client_ip: '127.0.0.1',
      user_agent: 'operator-tool/2.0',
    });
    expect(Date.parse(event.occurred_at)).toBeGreaterThanOrEqual(Date.parse(uploaded.body.received_at));
  });

  it('records a download with the admin token as the admin', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);
    const uploaded = await api.upload(link.link_token, samplePng(), { filename: 'a.png', contentType: 'image/png' });
    const res = await sendRaw(t.url, { method: 'GET', path: downloadPath(ws, link.id, uploaded.body.id), headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(res.status).toBe(200);
    const [event] = await events(ws, `?upload_id=${uploaded.body.id}&limit=1`);
    expect(event).toMatchObject({ type: 'upload.downloaded', actor: { kind: 'admin', id: null } });
  });

  it('sends no byte and answers 503 audit_unavailable when the event cannot be recorded', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);
    const bytes = samplePdf();
    const uploaded = await api.upload(link.link_token, bytes, { filename: 'secret.pdf', contentType: 'application/pdf' });
    const path = downloadPath(ws, link.id, uploaded.body.id);

    // A real refusal by the database: the table itself will not take a download event.
    await t.db.query("alter table audit_events add constraint test_refuse_downloads check (type <> 'upload.downloaded') not valid");
    let refused;
    try {
      refused = await sendRaw(t.url, { method: 'GET', path, headers: { authorization: `Bearer ${ws.apiKey}` } });
    } finally {
      await t.db.query('alter table audit_events drop constraint test_refuse_downloads');
    }
    expectError(refused, 503, 'audit_unavailable');
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(refused.body.includes(bytes.subarray(0, 8))).toBe(false);
    expect((await events(ws, `?upload_id=${uploaded.body.id}`)).map((e) => e.type)).toEqual(['upload.received']);

    const allowed = await sendRaw(t.url, { method: 'GET', path, headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.equals(bytes)).toBe(true);
  });
});

describe('GET /v1/{workspace_id}/audit-events', () => {
  let ws: TestWorkspace;
  let first: any;
  let second: any;
  let firstUpload: any;
  let secondUpload: any;
  let all: any[];

  beforeAll(async () => {
    ws = await api.createWorkspace(t.adminToken, 'Audited');
    first = await api.createLink(ws, { customer_slug: 'first' });
    firstUpload = (await api.upload(first.link_token, samplePdf(), { filename: 'a.pdf', contentType: 'application/pdf' })).body;
    expect((await sendRaw(t.url, { method: 'GET', path: downloadPath(ws, first.id, firstUpload.id), headers: { authorization: `Bearer ${ws.apiKey}` } })).status).toBe(200);
    second = await api.createLink(ws, { customer_slug: 'second' });
    secondUpload = (await api.upload(second.link_token, samplePng(), { filename: 'b.png', contentType: 'image/png' })).body;
    expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${second.id}`, { token: ws.apiKey })).status).toBe(204);
    all = await events(ws);
  });

  it('lists every event of the workspace newest first, in the documented shape', () => {
    expect(all).toHaveLength(7);
    for (const event of all) {
      expect(Object.keys(event)).toEqual(EVENT_FIELDS);
      expect(event.workspace_id).toBe(ws.id);
    }
    const times = all.map((e) => Date.parse(e.occurred_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.map((e) => [e.type, e.link_id, e.upload_id]).sort()).toEqual(
      [
        ['link.created', first.id, null],
        ['upload.received', first.id, firstUpload.id],
        ['upload.downloaded', first.id, firstUpload.id],
        ['link.created', second.id, null],
        ['upload.received', second.id, secondUpload.id],
        ['link.revoked', second.id, null],
        // The workspace's first key, issued with it.
        ['api_key.issued', null, null],
      ].sort(),
    );
    expect(all[0].type).toBe('link.revoked');
    expect(all.at(-1).type).toBe('api_key.issued');
  });

  it('filters by link_id and by upload_id', async () => {
    expect((await events(ws, `?link_id=${first.id}`)).map((e) => e.type).sort()).toEqual(['link.created', 'upload.downloaded', 'upload.received']);
    expect((await events(ws, `?upload_id=${firstUpload.id}`)).map((e) => e.type).sort()).toEqual(['upload.downloaded', 'upload.received']);
    expect((await events(ws, `?link_id=${second.id}&upload_id=${firstUpload.id}`))).toEqual([]);
    expect(await events(ws, `?link_id=${randomUUID()}`)).toEqual([]);
  });

  it('filters by time: since includes its instant, until excludes it, and together they split the trail', async () => {
    const pivot = all[2].occurred_at as string;
    const since = await events(ws, `?since=${encodeURIComponent(pivot)}`);
    const until = await events(ws, `?until=${encodeURIComponent(pivot)}`);
    for (const e of since) expect(Date.parse(e.occurred_at)).toBeGreaterThanOrEqual(Date.parse(pivot));
    for (const e of until) expect(Date.parse(e.occurred_at)).toBeLessThan(Date.parse(pivot));
    expect([...since, ...until].map((e) => e.id).sort()).toEqual(all.map((e) => e.id).sort());
    expect(since.map((e) => e.id)).toContain(all[2].id);

    const offset = pivot.replace('Z', '+00:00');
    expect((await events(ws, `?since=${encodeURIComponent(offset)}`)).map((e) => e.id)).toEqual(since.map((e) => e.id));
    const window = await events(ws, `?since=${encodeURIComponent(all.at(-1).occurred_at)}&until=${encodeURIComponent(all[0].occurred_at)}`);
    expect(window.map((e) => e.id)).not.toContain(all[0].id);
    expect(window.map((e) => e.id)).toContain(all.at(-1).id);
  });

  it('pages with limit and cursor, the next page in a Link header that keeps the filters', async () => {
    const seen: string[] = [];
    let next: string | null = `/v1/${ws.id}/audit-events?limit=4`;
    let pages = 0;
    while (next) {
      const res: ApiResponse = await api.request('GET', next, { token: ws.apiKey });
      expect(res.status).toBe(200);
      seen.push(...res.body.map((e: any) => e.id));
      const header = res.headers.get('link');
      next = header ? (/^<([^>]+)>; rel="next"$/.exec(header)?.[1] ?? null) : null;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(all.map((e) => e.id));

    const filtered = await api.request('GET', `/v1/${ws.id}/audit-events?link_id=${first.id}&limit=1`, { token: ws.apiKey });
    const link = filtered.headers.get('link') ?? '';
    expect(link).toMatch(/; rel="next"$/);
    const nextUrl = new URL(/^<([^>]+)>/.exec(link)![1]!, 'http://x');
    expect(nextUrl.searchParams.get('link_id')).toBe(first.id);
    expect(nextUrl.searchParams.get('cursor')).toBe(filtered.body[0].id);
  });

  it.each([
    ['link_id=not-a-uuid', 'link_id'],
    ['upload_id=42', 'upload_id'],
    ['since=yesterday', 'since'],
    ['until=2026-13-45T00:00:00Z', 'until'],
    ['since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z', 'since'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-an-id', 'cursor'],
    [`cursor=${randomUUID()}`, 'cursor'],
  ])('refuses ?%s with 422 validation_error naming %s', async (query, field) => {
    const res = await api.request('GET', `/v1/${ws.id}/audit-events?${query}`, { token: ws.apiKey });
    expectError(res, 422, 'validation_error');
    expect(res.body.detail).toContain(field);
  });

  it('answers 401 without a key and 403 with the key of another workspace', async () => {
    expectError(await api.request('GET', `/v1/${ws.id}/audit-events`), 401, 'unauthorized');
    const stranger = await api.createWorkspace(t.adminToken, 'Stranger');
    expectError(await api.request('GET', `/v1/${ws.id}/audit-events`, { token: stranger.apiKey }), 403, 'forbidden');
    expect((await events(stranger)).map((e) => e.type)).toEqual(['api_key.issued']);
  });

  it('keeps events that nobody can change or delete, also once their upload is gone', async () => {
    await expect(t.db.query("update audit_events set type = 'link.created' where workspace_id = $1", [ws.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_events where workspace_id = $1', [ws.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('truncate audit_events')).rejects.toThrow(/append-only/);
    await t.db.query('delete from uploads where id = $1', [firstUpload.id]);
    expect((await events(ws)).map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect((await events(ws, `?upload_id=${firstUpload.id}`)).map((e) => e.type).sort()).toEqual(['upload.downloaded', 'upload.received']);
  });
});
