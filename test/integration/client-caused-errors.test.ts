import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defects 6, 10 and 13: malformed percent-encoding in a path parameter was a 500 logged
// with a stack; nosniff was missing on JSON and GraphQL answers and a 404 echoed the path back; a
// repeated x-amigo-intake-filename header was joined into "a.csv, b.exe".

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

describe('malformed percent-encoding in a path parameter', () => {
  it.each(['/upload/%zz/files', '/v1/%zz/intake/links'])('%s is 400 bad_request, logged without a stack', async (path) => {
    const res = await sendRaw(t.url, { method: path.startsWith('/upload') ? 'POST' : 'GET', path, headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error_code: 'bad_request', detail: 'The request could not be understood.' });
    expect(t.logs.filter((line) => line['level'] === 50)).toEqual([]);
  });
});

describe('X-Content-Type-Options: nosniff', () => {
  it('is on JSON, error and GraphQL answers', async () => {
    const health = await api.request('GET', '/healthz');
    const missing = await api.request('GET', '/nothing-here');
    const graphql = await api.graphql('{ __typename }');
    for (const res of [health, missing, graphql]) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a 404 does not echo the requested path back', async () => {
    const res = await api.request('GET', '/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error_code: 'not_found', detail: 'Nothing is served at this address.' });
  });
});

describe('a repeated upload header', () => {
  it.each(['x-amigo-intake-filename', 'x-amigo-intake-content-type'])('two %s headers are 422, nothing stored', async (name) => {
    const link = await api.createLink(ws, { customer_slug: 'repeated-header' });
    const headers: Record<string, string | string[]> = { 'x-amigo-intake-filename': 'a.csv', 'x-amigo-intake-content-type': 'text/csv' };
    headers[name] = name.endsWith('filename') ? ['a.csv', 'b.exe'] : ['text/csv', 'application/pdf'];
    const res = await sendRaw(t.url, { path: `/upload/${link.link_token}/files`, headers, body: Buffer.from('a,b\r\n1,2\r\n') });
    expect(res.status).toBe(422);
    expect(res.json.error_code).toBe(name.endsWith('filename') ? 'invalid_filename' : 'unsupported_content_type');
    const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]);
    expect(Number(row?.upload_count)).toBe(0);
  });
});
