import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
});
afterAll(() => t.stop());

const isoMs = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('the API key lifecycle', () => {
  it('a new workspace answers its first key with an id that lists and revokes it', async () => {
    const created = await api.request('POST', '/v1/workspaces', { token: t.adminToken, json: { name: 'Lifecycle practice' } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['id', 'name', 'created_at', 'api_key', 'api_key_id']);
    const { id: workspaceId, api_key: firstKey, api_key_id: firstKeyId } = created.body;

    const shown = await api.request('GET', `/v1/workspaces/${workspaceId}`, { token: firstKey });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ id: workspaceId, name: 'Lifecycle practice', created_at: created.body.created_at, notify_email: null });

    const second = await api.request('POST', `/v1/workspaces/${workspaceId}/api-keys`, { token: t.adminToken });
    expect(second.status).toBe(201);

    const listed = await api.request('GET', `/v1/workspaces/${workspaceId}/api-keys`, { token: t.adminToken });
    expect(listed.status).toBe(200);
    expect(listed.body.map((key: any) => key.id)).toEqual([firstKeyId, second.body.id]);
    for (const key of listed.body) expect(Object.keys(key)).toEqual(['id', 'created_at', 'revoked_at', 'last_used_at']);
    expect(listed.text).not.toContain(firstKey);
    // The first key authenticated the GET above; the second never did.
    expect(listed.body[0].last_used_at).toMatch(isoMs);
    expect(listed.body[1].last_used_at).toBeNull();

    expect((await api.request('DELETE', `/v1/workspaces/${workspaceId}/api-keys/${firstKeyId}`, { token: t.adminToken })).status).toBe(204);
    expect((await api.request('GET', `/v1/workspaces/${workspaceId}`, { token: firstKey })).status).toBe(401);
    const after = await api.request('GET', `/v1/workspaces/${workspaceId}/api-keys`, { token: second.body.api_key });
    expect(after.body[0].revoked_at).toMatch(isoMs);
    expect(after.body[1].revoked_at).toBeNull();

    const audit = await api.request('GET', `/v1/${workspaceId}/audit-events`, { token: t.adminToken });
    expect(audit.body.map((event: any) => [event.type, event.actor.kind, event.detail.api_key_id])).toEqual([
      ['api_key.revoked', 'admin', firstKeyId],
      ['api_key.issued', 'admin', second.body.id],
      ['api_key.issued', 'admin', firstKeyId],
    ]);
  });

  it('a key of another workspace may neither show nor list this one (403)', async () => {
    const mine = await api.createWorkspace(t.adminToken, 'Mine');
    const theirs = await api.createWorkspace(t.adminToken, 'Theirs');
    expect((await api.request('GET', `/v1/workspaces/${theirs.id}`, { token: mine.apiKey })).body.error_code).toBe('forbidden');
    expect((await api.request('GET', `/v1/workspaces/${theirs.id}/api-keys`, { token: mine.apiKey })).body.error_code).toBe('forbidden');
  });

  it('an unknown workspace is 404 to the admin token', async () => {
    const res = await api.request('GET', '/v1/workspaces/00000000-0000-4000-8000-000000000000', { token: t.adminToken });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('not_found');
  });

  it('one link is shown by id, whatever its status', async () => {
    const ws = await api.createWorkspace(t.adminToken, 'Links');
    const link = await api.createLink(ws, { customer_slug: 'acme-dental' });
    await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey });
    const shown = await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey });
    expect(shown.status).toBe(200);
    expect(shown.body.id).toBe(link.id);
    expect(shown.body.status).toBe('revoked');
  });
});
