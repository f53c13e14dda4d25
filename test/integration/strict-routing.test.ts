import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defect 3: `/UPLOAD/<token>/files` was routed (and logged whole). Routing is case-sensitive
// and strict on every face: a path that differs in case, or by a trailing or doubled slash, is a 404.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

const csv = { 'x-amigo-intake-filename': 'a.csv', 'x-amigo-intake-content-type': 'text/csv' };

describe('strict, case-sensitive routing', () => {
  it.each([
    (token: string) => `/UPLOAD/${token}/files`,
    (token: string) => `/upload/${token}/FILES`,
    (token: string) => `/upload/${token}/files/`,
    (token: string) => `/upload/${token}//files`,
    (token: string) => `/upload//${token}/files`,
  ])('the upload route at %s is not routed: 404, nothing stored', async (pathFor) => {
    const link = await api.createLink(ws, { customer_slug: 'strict-routing' });
    const res = await sendRaw(t.url, { path: pathFor(link.link_token), headers: csv, body: Buffer.from('a,b\r\n1,2\r\n') });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error_code: 'not_found', detail: 'Nothing is served at this address.' });
    const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]);
    expect(Number(row?.upload_count)).toBe(0);
  });

  it.each(['/V1/{ws}/intake/links', '/v1/{ws}/intake/links/', '/v1/{ws}//intake/links'])('%s is not routed', async (path) => {
    const res = await sendRaw(t.url, { method: 'GET', path: path.replace('{ws}', ws.id), headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(res.status).toBe(404);
  });

  it.each(['/GRAPHQL', '/graphql/', '/HEALTHZ', '/healthz/'])('%s is not routed', async (path) => {
    const res = await sendRaw(t.url, { method: 'GET', path });
    expect(res.status).toBe(404);
  });

  it('the exact paths still answer', async () => {
    const link = await api.createLink(ws, { customer_slug: 'strict-routing-ok' });
    const res = await sendRaw(t.url, { path: `/upload/${link.link_token}/files`, headers: csv, body: Buffer.from('a,b\r\n1,2\r\n') });
    expect(res.status).toBe(201);
    expect((await sendRaw(t.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });
});
