import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

const LINK_FIELDS = [
  'id', 'workspace_id', 'customer_slug', 'display_name', 'upload_url', 'link_token', 'status',
  'created_at', 'expires_at', 'revoked_at', 'max_uploads', 'upload_count', 'last_upload_at',
];

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

const linksPath = () => `/v1/${ws.id}/intake/links`;

describe('POST /v1/{workspace_id}/intake/links', () => {
  it('creates a link with the documented defaults and exactly the documented fields', async () => {
    const before = Date.now();
    const res = await api.request('POST', linksPath(), { token: ws.apiKey, json: { customer_slug: 'acme-dental' } });
    expect(res.status).toBe(201);
    const link = res.body;
    expect(Object.keys(link)).toEqual(LINK_FIELDS);
    expect(link).toMatchObject({
      workspace_id: ws.id,
      customer_slug: 'acme-dental',
      display_name: null,
      status: 'active',
      revoked_at: null,
      max_uploads: 100,
      upload_count: 0,
      last_upload_at: null,
    });
    expect(link.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(link.link_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.upload_url).toBe(`/upload/${link.link_token}`);
    const created = Date.parse(link.created_at);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(link.expires_at) - created).toBe(168 * 3600_000);
    expect(link.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps every optional field as given, display_name verbatim', async () => {
    const displayName = '  Dr. Müller & Söhne <script>alert(1)</script>  ';
    const res = await api.request('POST', linksPath(), {
      token: ws.apiKey,
      json: { customer_slug: 'a1-b2-c3', display_name: displayName, expires_in_hours: 1, max_uploads: 10_000 },
    });
    expect(res.status).toBe(201);
    expect(res.body.display_name).toBe(displayName);
    expect(res.body.max_uploads).toBe(10_000);
    expect(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)).toBe(3600_000);
  });

  it('accepts the range limits (1 and 720 hours, 1 upload, a 64-character slug, a 200-character name)', async () => {
    for (const body of [
      { customer_slug: 'a', expires_in_hours: 720, max_uploads: 1 },
      { customer_slug: 'a'.repeat(64), display_name: 'x'.repeat(200) },
      { customer_slug: 'x', display_name: null },
    ]) {
      const res = await api.request('POST', linksPath(), { token: ws.apiKey, json: body });
      expect(res.status, JSON.stringify(body)).toBe(201);
    }
  });

  it.each([
    [{}, 'customer_slug'],
    [{ customer_slug: '' }, 'customer_slug'],
    [{ customer_slug: 'Acme' }, 'customer_slug'],
    [{ customer_slug: 'acme--dental' }, 'customer_slug'],
    [{ customer_slug: '-acme' }, 'customer_slug'],
    [{ customer_slug: 'acme-' }, 'customer_slug'],
    [{ customer_slug: 'acme dental' }, 'customer_slug'],
    [{ customer_slug: 'a'.repeat(65) }, 'customer_slug'],
    [{ customer_slug: 42 }, 'customer_slug'],
    [{ customer_slug: 'ok', display_name: 'x'.repeat(201) }, 'display_name'],
    [{ customer_slug: 'ok', display_name: 5 }, 'display_name'],
    [{ customer_slug: 'ok', display_name: 'x\u0000y' }, 'display_name'],
    [{ customer_slug: 'ok', expires_in_hours: 0 }, 'expires_in_hours'],
    [{ customer_slug: 'ok', expires_in_hours: 721 }, 'expires_in_hours'],
    [{ customer_slug: 'ok', expires_in_hours: 1.5 }, 'expires_in_hours'],
    [{ customer_slug: 'ok', expires_in_hours: '24' }, 'expires_in_hours'],
    [{ customer_slug: 'ok', expires_in_hours: null }, 'expires_in_hours'],
    [{ customer_slug: 'ok', max_uploads: 0 }, 'max_uploads'],
    [{ customer_slug: 'ok', max_uploads: 10_001 }, 'max_uploads'],
    [{ customer_slug: 'ok', max_uploads: true }, 'max_uploads'],
    [{ customer_slug: 'ok', colour: 'blue' }, 'colour'],
    [{ customer_slug: 'ok' }, '__proto__'],
  ])('refuses %j with 422 validation_error naming %s', async (body, field) => {
    const raw = field === '__proto__' ? '{"customer_slug":"ok","__proto__":{"admin":true}}' : JSON.stringify(body);
    const res = await api.request('POST', linksPath(), { token: ws.apiKey, body: raw, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('validation_error');
    expect(res.body.detail).toContain(field);
    expect(Object.keys(res.body)).toEqual(['error_code', 'detail']);
  });

  it.each(['{"customer_slug":', 'not json', '{"a":1}}'])('refuses a body that is not JSON (%s) with 400 invalid_json', async (raw) => {
    const res = await api.request('POST', linksPath(), { token: ws.apiKey, body: raw, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: 'invalid_json', detail: expect.any(String) });
  });

  it('refuses a body that is JSON but not an object with 422', async () => {
    const res = await api.request('POST', linksPath(), { token: ws.apiKey, json: ['acme'] });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('validation_error');
  });

  it('reads the body as JSON whatever Content-Type curl sends', async () => {
    const res = await api.request('POST', linksPath(), {
      token: ws.apiKey,
      body: '{"customer_slug":"form-typed"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(201);
  });

  it('refuses an oversized body with 413 payload_too_large', async () => {
    const res = await api.request('POST', linksPath(), { token: ws.apiKey, json: { customer_slug: 'big', display_name: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error_code).toBe('payload_too_large');
  });

  it('records link.created on the audit trail with the acting key', async () => {
    const link = await api.createLink(ws, { customer_slug: 'audited' });
    const events = await api.request('GET', `/v1/${ws.id}/audit-events?link_id=${link.id}`, { token: ws.apiKey });
    expect(events.status).toBe(200);
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ type: 'link.created', link_id: link.id, upload_id: null, actor: { kind: 'api_key' } });
  });
});

describe('GET /v1/{workspace_id}/intake/links', () => {
  let own: TestWorkspace;
  beforeAll(async () => {
    own = await api.createWorkspace(t.adminToken, 'Listing');
  });

  it('lists active links newest first, and all links with their status when include_expired=true', async () => {
    const active = await api.createLink(own, { customer_slug: 'active-one' });
    const revoked = await api.createLink(own, { customer_slug: 'revoked-one' });
    const expired = await api.createLink(own, { customer_slug: 'expired-one' });
    const exhausted = await api.createLink(own, { customer_slug: 'exhausted-one', max_uploads: 2 });
    const newest = await api.createLink(own, { customer_slug: 'newest' });
    await api.request('DELETE', `/v1/${own.id}/intake/links/${revoked.id}`, { token: own.apiKey });
    await t.db.query("update intake_links set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    await t.db.query('update intake_links set upload_count = max_uploads where id = $1', [exhausted.id]);

    const onlyActive = await api.request('GET', `/v1/${own.id}/intake/links`, { token: own.apiKey });
    expect(onlyActive.status).toBe(200);
    expect(onlyActive.body.map((l: any) => l.id)).toEqual([newest.id, active.id]);
    expect(onlyActive.headers.get('link')).toBeNull();

    const all = await api.request('GET', `/v1/${own.id}/intake/links?include_expired=true`, { token: own.apiKey });
    expect(all.body.map((l: any) => [l.customer_slug, l.status])).toEqual([
      ['newest', 'active'],
      ['exhausted-one', 'exhausted'],
      ['expired-one', 'expired'],
      ['revoked-one', 'revoked'],
      ['active-one', 'active'],
    ]);
    for (const link of all.body) expect(Object.keys(link)).toEqual(LINK_FIELDS);

    const explicitFalse = await api.request('GET', `/v1/${own.id}/intake/links?include_expired=false`, { token: own.apiKey });
    expect(explicitFalse.body).toHaveLength(2);
  });

  it('pages with limit and cursor, the next page in a Link header, the body always an array', async () => {
    const paged = await api.createWorkspace(t.adminToken, 'Paging');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.unshift((await api.createLink(paged, { customer_slug: `c-${i}` })).id);
    const seen: string[] = [];
    let next: string | null = `/v1/${paged.id}/intake/links?limit=3`;
    let pages = 0;
    while (next) {
      const res: ApiResponse = await api.request('GET', next, { token: paged.apiKey });
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      seen.push(...res.body.map((l: any) => l.id));
      const header: string | null = res.headers.get('link');
      next = header ? (/^<([^>]+)>; rel="next"$/.exec(header)?.[1] ?? null) : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('keeps paging stable when links are revoked between pages (include_expired=true)', async () => {
    const paged = await api.createWorkspace(t.adminToken, 'Stable');
    for (let i = 0; i < 4; i++) await api.createLink(paged, { customer_slug: `s-${i}` });
    const first = await api.request('GET', `/v1/${paged.id}/intake/links?include_expired=true&limit=2`, { token: paged.apiKey });
    await api.request('DELETE', `/v1/${paged.id}/intake/links/${first.body[1].id}`, { token: paged.apiKey });
    const nextUrl = /^<([^>]+)>/.exec(first.headers.get('link')!)![1]!;
    const second = await api.request('GET', nextUrl, { token: paged.apiKey });
    expect(second.body.map((l: any) => l.customer_slug)).toEqual(['s-1', 's-0']);
  });

  it.each([
    ['include_expired=yes', 'include_expired'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-link', 'cursor'],
    ['cursor=00000000-0000-4000-8000-000000000000', 'cursor'],
  ])('refuses ?%s with 422 naming %s', async (query, field) => {
    const res = await api.request('GET', `/v1/${ws.id}/intake/links?${query}`, { token: ws.apiKey });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe('validation_error');
    expect(res.body.detail).toContain(field);
  });

  it('refuses a cursor naming a link of another workspace, and answers an empty page after the last link', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Elsewhere');
    const theirs = await api.createLink(other, { customer_slug: 'theirs' });
    const foreign = await api.request('GET', `/v1/${ws.id}/intake/links?cursor=${theirs.id}`, { token: ws.apiKey });
    expect(foreign.status).toBe(422);
    expect(foreign.body.detail).toContain('cursor');

    const single = await api.createWorkspace(t.adminToken, 'One link');
    const only = await api.createLink(single, { customer_slug: 'only' });
    const after = await api.request('GET', `/v1/${single.id}/intake/links?cursor=${only.id}`, { token: single.apiKey });
    expect(after.status).toBe(200);
    expect(after.body).toEqual([]);
    expect(after.headers.get('link')).toBeNull();
  });

  it('accepts limit 1 and 1000', async () => {
    for (const limit of [1, 1000]) {
      const res = await api.request('GET', `/v1/${ws.id}/intake/links?limit=${limit}`, { token: ws.apiKey });
      expect(res.status).toBe(200);
    }
  });
});

describe('DELETE /v1/{workspace_id}/intake/links/{link_id}', () => {
  it('revokes with 204, then 404 when already revoked, and the link shows as revoked', async () => {
    const link = await api.createLink(ws, { customer_slug: 'to-revoke' });
    const first = await api.request('DELETE', `${linksPath()}/${link.id}`, { token: ws.apiKey });
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    const again = await api.request('DELETE', `${linksPath()}/${link.id}`, { token: ws.apiKey });
    expect(again.status).toBe(404);
    expect(again.body.error_code).toBe('not_found');
    const all = await api.request('GET', `${linksPath()}?include_expired=true&limit=1000`, { token: ws.apiKey });
    const shown = all.body.find((l: any) => l.id === link.id);
    expect(shown.status).toBe('revoked');
    expect(Date.parse(shown.revoked_at)).toBeGreaterThan(0);
    const events = await api.request('GET', `/v1/${ws.id}/audit-events?link_id=${link.id}`, { token: ws.apiKey });
    expect(events.body.map((e: any) => e.type)).toEqual(['link.revoked', 'link.created']);
  });

  it('revokes an expired link too (status revoked wins)', async () => {
    const link = await api.createLink(ws, { customer_slug: 'expired-then-revoked' });
    await t.db.query("update intake_links set expires_at = now() - interval '1 hour' where id = $1", [link.id]);
    expect((await api.request('DELETE', `${linksPath()}/${link.id}`, { token: ws.apiKey })).status).toBe(204);
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])('answers 404 for an unknown link id %s', async (id) => {
    const res = await api.request('DELETE', `${linksPath()}/${id}`, { token: ws.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('not_found');
  });
});

describe('GET /v1/{workspace_id}/intake/links/{link_id}/uploads', () => {
  it('is an empty array until uploads exist', async () => {
    const link = await api.createLink(ws, { customer_slug: 'no-uploads' });
    const res = await api.request('GET', `${linksPath()}/${link.id}/uploads`, { token: ws.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('answers 404 for an unknown link', async () => {
    const res = await api.request('GET', `${linksPath()}/00000000-0000-4000-8000-000000000000/uploads`, { token: ws.apiKey });
    expect(res.status).toBe(404);
  });
});

describe('responses', () => {
  it('never lets a cache keep a body holding tokens', async () => {
    const res = await api.request('GET', linksPath(), { token: ws.apiKey });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 405 with Allow for a known path and an unsupported method', async () => {
    const res = await api.request('PUT', linksPath(), { token: ws.apiKey, json: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, GET');
    expect(res.body.error_code).toBe('method_not_allowed');
  });

  it('answers 404 not_found in the error shape for an unknown path', async () => {
    const res = await api.request('GET', '/v1/nothing/here/at/all', { token: ws.apiKey });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error_code: 'not_found', detail: expect.any(String) });
  });
});
