import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// GraphQL answers carry link tokens and customer data: no cache may keep them. Apollo's cache-control
// plugin used to say so; it is off (it wrapped every field resolver, see graphql.router.ts), so the
// face says it itself, for answers and errors alike.

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
});
