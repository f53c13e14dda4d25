import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectError } from '../helpers/upload-expectations.js';

// The access matrix as one table: every operator route and every GraphQL field, against six kinds of
// credential. Expected answers are literals; a route added to the OpenAPI document without a row here
// fails the completeness check below.

const CREDENTIALS = ['none', 'malformed', 'revoked', 'other workspace', 'right key', 'admin'] as const;
type Credential = (typeof CREDENTIALS)[number];

interface World {
  ws: TestWorkspace;
  linkId: string;
  uploadId: string;
  /** A fresh link or key for routes that consume what they act on. */
  freshLinkId(): Promise<string>;
  freshKeyId(): Promise<string>;
}

interface RestRow {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI path, as the document names it. */
  path: string;
  url(w: World): Promise<string> | string;
  json?: unknown;
  /** Status for each credential, in CREDENTIALS order. */
  expect: [number, number, number, number, number, number];
}

const REST: RestRow[] = [
  { method: 'POST', path: '/v1/workspaces', url: () => '/v1/workspaces', json: { name: 'Matrix' }, expect: [401, 401, 401, 403, 403, 201] },
  { method: 'POST', path: '/v1/workspaces/{workspace_id}/api-keys', url: (w) => `/v1/workspaces/${w.ws.id}/api-keys`, expect: [401, 401, 401, 403, 403, 201] },
  {
    method: 'DELETE',
    path: '/v1/workspaces/{workspace_id}/api-keys/{key_id}',
    url: async (w) => `/v1/workspaces/${w.ws.id}/api-keys/${await w.freshKeyId()}`,
    // A workspace's own key may not revoke its keys: only the admin token does (workspace.service.ts).
    expect: [401, 401, 401, 403, 403, 204],
  },
  { method: 'GET', path: '/v1/{workspace_id}/intake/links', url: (w) => `/v1/${w.ws.id}/intake/links`, expect: [401, 401, 401, 403, 200, 200] },
  {
    method: 'POST',
    path: '/v1/{workspace_id}/intake/links',
    url: (w) => `/v1/${w.ws.id}/intake/links`,
    json: { customer_slug: 'matrix' },
    expect: [401, 401, 401, 403, 201, 201],
  },
  {
    method: 'DELETE',
    path: '/v1/{workspace_id}/intake/links/{link_id}',
    url: async (w) => `/v1/${w.ws.id}/intake/links/${await w.freshLinkId()}`,
    expect: [401, 401, 401, 403, 204, 204],
  },
  {
    method: 'GET',
    path: '/v1/{workspace_id}/intake/links/{link_id}/uploads',
    url: (w) => `/v1/${w.ws.id}/intake/links/${w.linkId}/uploads`,
    expect: [401, 401, 401, 403, 200, 200],
  },
  {
    method: 'GET',
    path: '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download',
    url: (w) => `/v1/${w.ws.id}/intake/links/${w.linkId}/uploads/${w.uploadId}/download`,
    expect: [401, 401, 401, 403, 200, 200],
  },
  { method: 'GET', path: '/v1/{workspace_id}/audit-events', url: (w) => `/v1/${w.ws.id}/audit-events`, expect: [401, 401, 401, 403, 200, 200] },
];

const REFUSAL_CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden' };

/** GraphQL operations needing a key; a refusal is `[extensions.code, errorCode]`, null means data. */
const GRAPHQL: Record<string, (w: World) => Promise<{ query: string; variables: Record<string, unknown> }> | { query: string; variables: Record<string, unknown> }> = {
  intakeLinks: (w) => ({ query: 'query($ws: ID!) { intakeLinks(workspaceId: $ws) { id } }', variables: { ws: w.ws.id } }),
  intakeLink: (w) => ({ query: 'query($ws: ID!, $id: ID!) { intakeLink(workspaceId: $ws, id: $id) { id } }', variables: { ws: w.ws.id, id: w.linkId } }),
  createIntakeLink: (w) => ({
    query: 'mutation($ws: ID!) { createIntakeLink(workspaceId: $ws, input: { customerSlug: "matrix" }) { id } }',
    variables: { ws: w.ws.id },
  }),
  revokeIntakeLink: async (w) => ({
    query: 'mutation($ws: ID!, $id: ID!) { revokeIntakeLink(workspaceId: $ws, id: $id) { id } }',
    variables: { ws: w.ws.id, id: await w.freshLinkId() },
  }),
  uploads: (w) => ({ query: 'query($ws: ID!, $id: ID!) { uploads(workspaceId: $ws, linkId: $id) { id } }', variables: { ws: w.ws.id, id: w.linkId } }),
  auditEvents: (w) => ({ query: 'query($ws: ID!) { auditEvents(workspaceId: $ws) { id } }', variables: { ws: w.ws.id } }),
};
const GRAPHQL_EXPECT: Record<Credential, [string, string] | null> = {
  none: ['UNAUTHENTICATED', 'unauthorized'],
  malformed: ['UNAUTHENTICATED', 'unauthorized'],
  revoked: ['UNAUTHENTICATED', 'unauthorized'],
  'other workspace': ['FORBIDDEN', 'forbidden'],
  'right key': null,
  admin: null,
};

describe('the access matrix', () => {
  let t: TestServer;
  let api: ApiClient;
  let world: World;
  const tokens = {} as Record<Credential, string | undefined>;

  beforeAll(async () => {
    let ws: TestWorkspace;
    ({ t, api, ws } = await startServerWithWorkspace());
    const other = await api.createWorkspace(t.adminToken, 'Other practice');
    const issued = await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken });
    expect(issued.status).toBe(201);
    expect((await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${issued.body.id}`, { token: t.adminToken })).status).toBe(204);
    Object.assign(tokens, {
      none: undefined,
      malformed: 'ilk_not-a-real-key',
      revoked: issued.body.api_key,
      'other workspace': other.apiKey,
      'right key': ws.apiKey,
      admin: t.adminToken,
    });
    const link = await api.createLink(ws, { max_uploads: 100 });
    const upload = await api.upload(link.link_token, sampleCsv(), { filename: 'm.csv', contentType: 'text/csv' });
    expect(upload.status).toBe(201);
    world = {
      ws,
      linkId: link.id,
      uploadId: upload.body.id,
      freshLinkId: async () => (await api.createLink(ws)).id,
      freshKeyId: async () => (await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken })).body.id,
    };
  });
  afterAll(() => t.stop());

  it('has a row for every operator operation of the OpenAPI document', async () => {
    const doc = (await api.request('GET', '/v1/openapi.json')).body;
    const documented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (path.startsWith('/v1/') && (operation.security === undefined || operation.security.length > 0)) documented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const rows = REST.map((row) => `${row.method} ${row.path}`);
    for (const operation of documented) expect(rows, `no matrix row for ${operation}`).toContain(operation);
  });

  describe.each(REST)('$method $path', (row) => {
    it.each(CREDENTIALS.map((credential, i) => [credential, row.expect[i]!] as const))('with %s: %i', async (credential, status) => {
      const res = await api.request(row.method, await row.url(world), { token: tokens[credential], json: row.json });
      expect(res.status, res.text).toBe(status);
      if (REFUSAL_CODES[status]) expectError(res, status, REFUSAL_CODES[status]!);
    });
  });

  describe.each(Object.keys(GRAPHQL))('GraphQL %s', (field) => {
    it.each(CREDENTIALS)('with %s', async (credential) => {
      const { query, variables } = await GRAPHQL[field]!(world);
      const res = await api.graphql(query, variables, tokens[credential]);
      const expected = GRAPHQL_EXPECT[credential];
      if (expected === null) {
        expect(res.body.errors, res.text).toBeUndefined();
        expect(res.body.data?.[field]).toBeDefined();
      } else {
        expect(res.body.data?.[field] ?? null).toBeNull();
        expect(res.body.errors?.map((e: any) => [e.extensions.code, e.extensions.errorCode])).toEqual([expected]);
      }
    });
  });
});
