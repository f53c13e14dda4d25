import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// GraphQL answers carry link tokens and customer data: no cache may keep them. Apollo's cache-control
// plugin used to say so; it is off (it wrapped every field resolver, see graphql.router.ts), so the
// face says it itself, for answers and errors alike. Nothing revalidates such an answer either, so
// it carries no ETag (Express would hash every answer for one).

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;

beforeAll(async () => {
  ({ t, api, ws } = await startServerWithWorkspace());
});
afterAll(() => t?.stop());

describe('GraphQL answers are never cached', () => {
  it('answers a link list with cache-control: no-store', async () => {
    const res = await api.graphql('query($ws: ID!) { intakeLinks(workspaceId: $ws) { id } }', { ws: ws.id }, ws.apiKey);
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('answers a refused request with cache-control: no-store', async () => {
    const res = await api.graphql('{ intakeLinks(workspaceId: "x") { id } }');
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('answers without an ETag, over POST and over GET', async () => {
    const query = 'query($ws: ID!) { intakeLinks(workspaceId: $ws) { id } }';
    const posted = await api.graphql(query, { ws: ws.id }, ws.apiKey);
    const search = new URLSearchParams({ query, variables: JSON.stringify({ ws: ws.id }) });
    const got = await api.request('GET', `/graphql?${search}`, { token: ws.apiKey, headers: { 'apollo-require-preflight': 'true' } });
    expect([posted.status, posted.headers.get('etag'), got.status, got.headers.get('etag')]).toEqual([200, null, 200, null]);
  });

  it('leaves the ETag of REST answers as it was', async () => {
    const res = await api.request('GET', `/v1/${ws.id}/intake/links`, { token: ws.apiKey });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/"/);
  });
});
