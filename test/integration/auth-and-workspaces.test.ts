import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
let other: TestWorkspace;
let otherLink: any;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
  ws = await api.createWorkspace(t.adminToken, 'Clinic');
  other = await api.createWorkspace(t.adminToken, 'Law firm');
  otherLink = await api.createLink(other, { customer_slug: 'their-client' });
});
afterAll(() => t.stop());

describe('POST /v1/workspaces', () => {
  it('creates a workspace with its first API key, shown once and stored only as a hash', async () => {
    const res = await api.request('POST', '/v1/workspaces', { token: t.adminToken, json: { name: 'Accountants & Co' } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['id', 'name', 'created_at', 'api_key', 'api_key_id']);
    expect(res.body.name).toBe('Accountants & Co');
    expect(res.body.api_key).toMatch(/^ilk_[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.query<{ secret_sha256: string }>('select secret_sha256 from api_keys where workspace_id = $1', [res.body.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.secret_sha256).not.toContain(res.body.api_key);
    expect(JSON.stringify(await t.db.query('select * from api_keys'))).not.toContain(res.body.api_key);
  });

  it('refuses without a token (401), with an API key (403), and with an invalid name (422)', async () => {
    expect((await api.request('POST', '/v1/workspaces', { json: { name: 'x' } })).status).toBe(401);
    const withKey = await api.request('POST', '/v1/workspaces', { token: ws.apiKey, json: { name: 'x' } });
    expect(withKey.status).toBe(403);
    expect(withKey.body.error_code).toBe('forbidden');
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 'ok', extra: 1 }, { name: 'a\u0000b' }]) {
      const res = await api.request('POST', '/v1/workspaces', { token: t.adminToken, json: body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error_code).toBe('validation_error');
    }
  });
});

describe('API keys', () => {
  it('lets the admin issue another key (201) that works, and revoke a key at once (204, then 401 with it)', async () => {
    const issued = await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken });
    expect(issued.status).toBe(201);
    expect(Object.keys(issued.body)).toEqual(['id', 'api_key', 'created_at']);
    const second = issued.body.api_key as string;
    expect((await api.request('GET', `/v1/${ws.id}/intake/links`, { token: second })).status).toBe(200);

    const revoked = await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${issued.body.id}`, { token: t.adminToken });
    expect(revoked.status).toBe(204);
    const after = await api.request('GET', `/v1/${ws.id}/intake/links`, { token: second });
    expect(after.status).toBe(401);
    expect(after.body.error_code).toBe('unauthorized');
    const again = await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${issued.body.id}`, { token: t.adminToken });
    expect(again.status).toBe(404);
  });

  it('does not let a key mint keys: a leaked key revoked by the admin leaves nothing behind', async () => {
    const res = await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: ws.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('forbidden');
  });

  it('lets a key revoke itself, but not another key of its workspace', async () => {
    const mine = (await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken })).body;
    const others = (await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken })).body;
    const refused = await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${others.id}`, { token: mine.api_key });
    expect(refused.status).toBe(403);
    expect((await api.request('GET', `/v1/${ws.id}/intake/links`, { token: others.api_key })).status).toBe(200);
    expect((await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${mine.id}`, { token: mine.api_key })).status).toBe(204);
    expect((await api.request('GET', `/v1/${ws.id}/intake/links`, { token: mine.api_key })).status).toBe(401);
  });

  it('lets the admin token issue keys for any workspace, 404 for an unknown one', async () => {
    expect((await api.request('POST', `/v1/workspaces/${other.id}/api-keys`, { token: t.adminToken })).status).toBe(201);
    const unknown = await api.request('POST', '/v1/workspaces/00000000-0000-4000-8000-000000000000/api-keys', { token: t.adminToken });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe('not_found');
  });

  it("refuses to manage another workspace's keys (403)", async () => {
    const res = await api.request('POST', `/v1/workspaces/${other.id}/api-keys`, { token: ws.apiKey });
    expect(res.status).toBe(403);
    const [otherKey] = await t.db.query<{ id: string }>('select id from api_keys where workspace_id = $1 limit 1', [other.id]);
    expect((await api.request('DELETE', `/v1/workspaces/${other.id}/api-keys/${otherKey!.id}`, { token: ws.apiKey })).status).toBe(403);
  });
});


describe('authentication on operator routes', () => {
  const path = () => `/v1/${ws.id}/intake/links`;

  it.each([
    ['no header', undefined],
    ['an empty bearer', 'Bearer '],
    ['a Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['a malformed key', 'Bearer not-a-key'],
    ['an unknown well-formed key', `Bearer ilk_${'A'.repeat(43)}`],
    ['a key with extra text', 'Bearer ilk_x ilk_y'],
  ])('answers 401 unauthorized for %s', async (_name, header) => {
    const res = await api.request('GET', path(), { headers: header ? { authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error_code: 'unauthorized', detail: expect.any(String) });
  });

  it('accepts the scheme case-insensitively', async () => {
    const res = await api.request('GET', path(), { headers: { authorization: `bearer ${ws.apiKey}` } });
    expect(res.status).toBe(200);
  });

  it("answers 403 when a key is used on another workspace's path, whatever follows", async () => {
    for (const [method, suffix] of [
      ['GET', '/intake/links'],
      ['POST', '/intake/links'],
      ['DELETE', `/intake/links/${otherLink.id}`],
      ['GET', `/intake/links/${otherLink.id}/uploads`],
      ['GET', '/audit-events'],
    ] as const) {
      const res = await api.request(method, `/v1/${other.id}${suffix}`, { token: ws.apiKey, json: method === 'POST' ? { bad: true } : undefined });
      expect(res.status, `${method} ${suffix}`).toBe(403);
      expect(res.body.error_code).toBe('forbidden');
    }
    // A made-up workspace id looks the same to a key holder: no hint whether it exists.
    expect((await api.request('GET', '/v1/00000000-0000-4000-8000-000000000000/intake/links', { token: ws.apiKey })).status).toBe(403);
    expect((await api.request('GET', '/v1/not-a-uuid/intake/links', { token: ws.apiKey })).status).toBe(403);
  });

  it("answers 404 for another workspace's link on one's own path (never reveals it)", async () => {
    const revoke = await api.request('DELETE', `/v1/${ws.id}/intake/links/${otherLink.id}`, { token: ws.apiKey });
    expect(revoke.status).toBe(404);
    const uploads = await api.request('GET', `/v1/${ws.id}/intake/links/${otherLink.id}/uploads`, { token: ws.apiKey });
    expect(uploads.status).toBe(404);
    const listed = await api.request('GET', `/v1/${ws.id}/intake/links?include_expired=true&limit=1000`, { token: ws.apiKey });
    expect(listed.body.map((l: any) => l.id)).not.toContain(otherLink.id);
  });

  it('lets the admin token act on every workspace, recorded as the admin on the audit trail', async () => {
    const created = await api.request('POST', `/v1/${other.id}/intake/links`, { token: t.adminToken, json: { customer_slug: 'by-admin' } });
    expect(created.status).toBe(201);
    const events = await api.request('GET', `/v1/${other.id}/audit-events?link_id=${created.body.id}`, { token: t.adminToken });
    expect(events.body[0].actor).toEqual({ kind: 'admin', id: null });
    const unknown = await api.request('GET', '/v1/00000000-0000-4000-8000-000000000000/intake/links', { token: t.adminToken });
    expect(unknown.status).toBe(404);
  });

  it('judges access before input: a stranger gets 403, not a 422 about the body', async () => {
    const res = await api.request('POST', `/v1/${other.id}/intake/links`, { token: ws.apiKey, json: { customer_slug: 'NOT VALID' } });
    expect(res.status).toBe(403);
  });
});
