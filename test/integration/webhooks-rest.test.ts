import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { expectError, ISO_TIMESTAMP } from '../helpers/upload-expectations.js';

// Webhook endpoints over REST, on a server that refuses private addresses (the production default).

let s: ServerWithWorkspace;
beforeAll(async () => {
  s = await startServerWithWorkspace();
});
afterAll(async () => {
  await s.t.stop();
});

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

describe('webhook endpoints (REST)', () => {
  it('are created with a secret shown once, then read, listed, changed and deleted', async () => {
    const { api, ws } = s;
    const created = await api.request('POST', `/v1/${ws.id}/webhooks`, {
      token: ws.apiKey,
      json: { url: 'https://hooks.example.com/intake', events: ['upload.received', 'upload.scanned'], description: 'ERP' },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual([
      'id', 'url', 'events', 'enabled', 'description', 'created_at', 'last_success_at', 'consecutive_failures', 'disabled_reason', 'secret',
    ]);
    expect(created.body).toMatchObject({
      url: 'https://hooks.example.com/intake',
      events: ['upload.received', 'upload.scanned'],
      enabled: true,
      description: 'ERP',
      last_success_at: null,
      consecutive_failures: 0,
    });
    expect(created.body.secret).toMatch(SECRET);
    expect(created.body.created_at).toMatch(ISO_TIMESTAMP);
    const id = created.body.id;

    const got = await api.request('GET', `/v1/${ws.id}/webhooks/${id}`, { token: ws.apiKey });
    expect(got.status).toBe(200);
    expect(got.body.secret).toBeUndefined();
    expect(got.text).not.toContain(created.body.secret);

    const listed = await api.request('GET', `/v1/${ws.id}/webhooks`, { token: ws.apiKey });
    expect(listed.body.map((w: any) => w.id)).toContain(id);
    expect(listed.text).not.toContain('whsec_');

    const changed = await api.request('PATCH', `/v1/${ws.id}/webhooks/${id}`, {
      token: ws.apiKey,
      json: { events: ['link.expired'], enabled: false, description: null },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ events: ['link.expired'], enabled: false, description: null, url: 'https://hooks.example.com/intake' });

    const rotated = await api.request('POST', `/v1/${ws.id}/webhooks/${id}/rotate-secret`, { token: ws.apiKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(SECRET);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    expect((await api.request('DELETE', `/v1/${ws.id}/webhooks/${id}`, { token: ws.apiKey })).status).toBe(204);
    expectError(await api.request('GET', `/v1/${ws.id}/webhooks/${id}`, { token: ws.apiKey }), 404, 'not_found');
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://127.8.9.10:8080/hook',
    'http://[::1]/hook',
    'http://10.0.0.5/hook',
    'http://172.16.3.4/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00:ec2::254]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0/hook',
    'http://localhost:3000/hook',
    'http://metadata.google.internal/computeMetadata/v1/',
  ])('refuses %s with 422 webhook_url_not_allowed, on creation and on change', async (url) => {
    const { api, ws } = s;
    expectError(await api.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url, events: ['upload.received'] } }), 422, 'webhook_url_not_allowed');
    const ok = await api.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url: 'https://203.0.114.7/hook', events: ['upload.received'] } });
    expect(ok.status).toBe(201);
    expectError(await api.request('PATCH', `/v1/${ws.id}/webhooks/${ok.body.id}`, { token: ws.apiKey, json: { url } }), 422, 'webhook_url_not_allowed');
  });

  it.each([
    [{ url: 'ftp://example.com/x', events: ['upload.received'] }, 'url'],
    [{ url: 'https://user:pw@example.com/x', events: ['upload.received'] }, 'url'],
    [{ url: 'https://example.com/x', events: [] }, 'events'],
    [{ url: 'https://example.com/x', events: ['upload.exploded'] }, 'events'],
    [{ url: 'https://example.com/x', events: ['link.created', 'link.created'] }, 'events'],
    [{ url: 'https://example.com/x', events: ['link.created'], secret: 'mine' }, 'secret'],
  ])('refuses %j with 422 validation_error naming %s', async (json, field) => {
    const res = await s.api.request('POST', `/v1/${s.ws.id}/webhooks`, { token: s.ws.apiKey, json });
    expectError(res, 422, 'validation_error');
    expect(res.body.detail).toContain(field);
  });

  it('keeps workspaces apart: another workspace key gets 403, an unknown id 404', async () => {
    const { api, ws, t } = s;
    const other = await api.createWorkspace(t.adminToken, 'Other');
    const created = await api.request('POST', `/v1/${ws.id}/webhooks`, { token: ws.apiKey, json: { url: 'https://example.com/a', events: ['link.created'] } });
    expectError(await api.request('GET', `/v1/${ws.id}/webhooks/${created.body.id}`, { token: other.apiKey }), 403, 'forbidden');
    expectError(await api.request('GET', `/v1/${other.id}/webhooks/${created.body.id}`, { token: other.apiKey }), 404, 'not_found');
    expectError(await api.request('GET', `/v1/${ws.id}/webhooks/not-a-uuid`, { token: ws.apiKey }), 404, 'not_found');
  });
});
