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

describe('workspaces and API keys on GraphQL', () => {
  it('creates a workspace, lists its keys and revokes the first by its id', async () => {
    const created = await api.graphql(
      'mutation { createWorkspace(name: "GraphQL practice") { workspace { id name } apiKey { id secret } } }',
      {},
      t.adminToken,
    );
    expect(created.body.errors).toBeUndefined();
    const { workspace, apiKey } = created.body.data.createWorkspace;
    expect(workspace.name).toBe('GraphQL practice');
    expect(apiKey.secret).toMatch(/^ilk_/);

    const shown = await api.graphql('query($id: ID!) { workspace(id: $id) { id name } }', { id: workspace.id }, apiKey.secret);
    expect(shown.body.data.workspace).toEqual({ id: workspace.id, name: 'GraphQL practice' });

    const issued = await api.graphql('mutation($ws: ID!) { issueApiKey(workspaceId: $ws) { id } }', { ws: workspace.id }, t.adminToken);
    const revoked = await api.graphql('mutation($ws: ID!, $id: ID!) { revokeApiKey(workspaceId: $ws, id: $id) { id revokedAt } }', { ws: workspace.id, id: apiKey.id }, t.adminToken);
    expect(revoked.body.data.revokeApiKey.id).toBe(apiKey.id);
    expect(revoked.body.data.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);

    const listed = await api.graphql('query($ws: ID!) { apiKeys(workspaceId: $ws) { id revokedAt } }', { ws: workspace.id }, t.adminToken);
    expect(listed.body.data.apiKeys.map((key: any) => [key.id, key.revokedAt === null])).toEqual([
      [apiKey.id, false],
      [issued.body.data.issueApiKey.id, true],
    ]);
  });

  it('refuses a key that would mint keys (FORBIDDEN, errorCode forbidden)', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const res = await api.graphql('mutation($ws: ID!) { issueApiKey(workspaceId: $ws) { id } }', { ws: ws.id }, ws.apiKey);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', errorCode: 'forbidden' });
  });

  it('answers a GET query that carries apollo-require-preflight, and refuses one that does not (CSRF guard)', async () => {
    const ws = await api.createWorkspace(t.adminToken, 'GET practice');
    const url = `${t.url}/graphql?query=${encodeURIComponent(`{ workspace(id: "${ws.id}") { name } }`)}`;
    const guarded = await fetch(url, { headers: { authorization: `Bearer ${ws.apiKey}`, 'apollo-require-preflight': 'true' } });
    expect(guarded.status).toBe(200);
    expect(await guarded.json()).toEqual({ data: { workspace: { name: 'GET practice' } } });
    const bare = await fetch(url, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(bare.status).toBe(400);
  });
});
