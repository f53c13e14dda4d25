import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../src/errors/error-codes.js';
import { ApiClient, type ApiResponse, type TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Auth on the GraphQL face (the same rules as REST: 401 / 403 / 404 become UNAUTHENTICATED /
// FORBIDDEN / NOT_FOUND), and the shape of every GraphQL error: extensions.code and errorCode, no
// stack or exception details, no SQL or file paths, in test mode and with NODE_ENV=production.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const ALLOWED_ERROR_KEYS = ['message', 'locations', 'path', 'extensions'];
const ALLOWED_EXTENSION_KEYS = ['code', 'errorCode', 'field', 'retryAfterSeconds'];
// Anything that would betray the implementation: SQL, table names, stack frames, file paths.
const LEAKS = /\b(select|insert|update|delete)\b.*\b(from|into|set)\b|relation "|audit_events|intake_links|node_modules|\/work\/|\.[cm]?[jt]s:\d+|\bat .+\(|\w+(Error|Exception):/i;

/** One operation per resolver that needs an API key. */
const OPERATIONS: Record<string, (ws: string, link: string) => { query: string; variables: Record<string, unknown> }> = {
  intakeLinks: (ws) => ({ query: 'query($ws: ID!) { intakeLinks(workspaceId: $ws) { id } }', variables: { ws } }),
  intakeLink: (ws, id) => ({ query: 'query($ws: ID!, $id: ID!) { intakeLink(workspaceId: $ws, id: $id) { id } }', variables: { ws, id } }),
  createIntakeLink: (ws) => ({
    query: 'mutation($ws: ID!) { createIntakeLink(workspaceId: $ws, input: { customerSlug: "auth-refused" }) { id } }',
    variables: { ws },
  }),
  revokeIntakeLink: (ws, id) => ({ query: 'mutation($ws: ID!, $id: ID!) { revokeIntakeLink(workspaceId: $ws, id: $id) { id } }', variables: { ws, id } }),
  uploads: (ws, id) => ({ query: 'query($ws: ID!, $id: ID!) { uploads(workspaceId: $ws, linkId: $id) { id } }', variables: { ws, id } }),
  auditEvents: (ws) => ({ query: 'query($ws: ID!) { auditEvents(workspaceId: $ws) { id } }', variables: { ws } }),
};
const OPERATION_NAMES = Object.keys(OPERATIONS);

/** Asserts the shape every GraphQL error must have, and returns the errors. */
function expectCleanErrors(res: ApiResponse<{ data?: unknown; errors?: any[] }>): any[] {
  const errors = res.body?.errors;
  expect(errors, res.text).toBeInstanceOf(Array);
  for (const error of errors ?? []) {
    expect(ALLOWED_ERROR_KEYS).toEqual(expect.arrayContaining(Object.keys(error)));
    expect(ALLOWED_EXTENSION_KEYS).toEqual(expect.arrayContaining(Object.keys(error.extensions)));
    expect(typeof error.extensions.code).toBe('string');
    expect(isErrorCode(error.extensions.errorCode), error.extensions.errorCode).toBe(true);
    expect(error.message).not.toMatch(LEAKS);
  }
  expect(res.text).not.toMatch(/stacktrace|exception|originalError/i);
  return errors ?? [];
}

function expectRefused(res: ApiResponse<{ data?: unknown; errors?: any[] }>, code: string, errorCode: string, path?: string): void {
  const [error, ...more] = expectCleanErrors(res);
  expect(more).toEqual([]);
  expect(error.extensions).toEqual({ code, errorCode });
  if (path) expect(error.path).toEqual([path]);
  // The whole result is null, or (for a nullable field) just the refused field.
  const data = res.body.data as Record<string, unknown> | null | undefined;
  if (data != null) expect(path !== undefined && data[path] === null, JSON.stringify(data)).toBe(true);
}

async function call(api: ApiClient, name: string, workspaceId: string, headers: Record<string, string>, linkId = MISSING_ID) {
  const { query, variables } = OPERATIONS[name]!(workspaceId, linkId);
  return api.request('POST', '/graphql', { json: { query, variables }, headers });
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('auth on GraphQL', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    t = await startTestServer();
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken, 'Mine');
    other = await api.createWorkspace(t.adminToken, 'Theirs');
  });
  afterAll(() => t.stop());

  it.each(OPERATION_NAMES)('%s without a key is UNAUTHENTICATED / unauthorized', async (name) => {
    expectRefused(await call(api, name, ws.id, {}), 'UNAUTHENTICATED', 'unauthorized', name);
  });

  it.each(OPERATION_NAMES)('%s with an unknown key is UNAUTHENTICATED / unauthorized', async (name) => {
    const unknown = `ilk_${randomBytes(32).toString('base64url')}`;
    expectRefused(await call(api, name, ws.id, bearer(unknown)), 'UNAUTHENTICATED', 'unauthorized', name);
  });

  it.each([
    ['a Basic credential', (key: string) => `Basic ${Buffer.from(`user:${key}`).toString('base64')}`],
    ['an empty Bearer', () => 'Bearer '],
    ['a valid key without its scheme', (key: string) => key],
    ['a valid key with a suffix', (key: string) => `Bearer ${key}x`],
    ['garbage', () => 'Bearer not-a-key'],
  ])('refuses %s as UNAUTHENTICATED', async (_label, authorization) => {
    const res = await call(api, 'intakeLinks', ws.id, { authorization: authorization(ws.apiKey) });
    expectRefused(res, 'UNAUTHENTICATED', 'unauthorized', 'intakeLinks');
  });

  it('refuses a key once it is revoked over REST, on every operation', async () => {
    const issued = await api.request('POST', `/v1/workspaces/${ws.id}/api-keys`, { token: t.adminToken });
    expect(issued.status).toBe(201);
    const before = await call(api, 'intakeLinks', ws.id, bearer(issued.body.api_key));
    expect(before.body).toEqual({ data: { intakeLinks: [] } });
    const revoked = await api.request('DELETE', `/v1/workspaces/${ws.id}/api-keys/${issued.body.id}`, { token: t.adminToken });
    expect(revoked.status).toBe(204);
    for (const name of OPERATION_NAMES) {
      expectRefused(await call(api, name, ws.id, bearer(issued.body.api_key)), 'UNAUTHENTICATED', 'unauthorized', name);
    }
  });

  it.each(OPERATION_NAMES)('%s with a key of another workspace is FORBIDDEN / forbidden', async (name) => {
    expectRefused(await call(api, name, ws.id, bearer(other.apiKey)), 'FORBIDDEN', 'forbidden', name);
  });

  it('refuses only the fields of a foreign workspace in a query that asks for both', async () => {
    const res = await api.graphql(
      'query($mine: ID!, $theirs: ID!, $id: ID!) { mine: intakeLinks(workspaceId: $mine) { id } theirs: intakeLink(workspaceId: $theirs, id: $id) { id } }',
      { mine: ws.id, theirs: other.id, id: MISSING_ID },
      ws.apiKey,
    );
    const [error, ...more] = expectCleanErrors(res);
    expect(more).toEqual([]);
    expect(error).toMatchObject({ path: ['theirs'], extensions: { code: 'FORBIDDEN', errorCode: 'forbidden' } });
    expect(res.body.data).toEqual({ mine: expect.any(Array), theirs: null });
  });

  it('stores nothing for refused mutations', async () => {
    const rows = await t.db.query<{ n: string }>("select count(*) as n from intake_links where customer_slug = 'auth-refused'");
    expect(rows[0]?.n).toBe('0');
  });

  it.each(OPERATION_NAMES)('%s works with the admin token on any workspace', async (name) => {
    const link = await api.createLink(other, { customer_slug: 'for-the-admin' });
    const res = await call(api, name, other.id, bearer(t.adminToken), link.id);
    expect(res.body.errors, res.text).toBeUndefined();
    expect(res.body.data?.[name], res.text).toBeTruthy();
  });

  it('records the admin as the actor of what it does', async () => {
    const created = await api.graphql(
      'mutation($ws: ID!) { createIntakeLink(workspaceId: $ws, input: { customerSlug: "by-admin" }) { id workspaceId } }',
      { ws: other.id },
      t.adminToken,
    );
    const link = created.body.data.createIntakeLink;
    expect(link.workspaceId).toBe(other.id);
    const events = await api.graphql(
      'query($ws: ID!, $link: ID!) { auditEvents(workspaceId: $ws, linkId: $link) { type actor { kind id } } }',
      { ws: other.id, link: link.id },
      other.apiKey,
    );
    expect(events.body.data.auditEvents).toEqual([{ type: 'link.created', actor: { kind: 'ADMIN', id: null } }]);
  });

  it.each(OPERATION_NAMES)('%s with the admin token on an unknown workspace is NOT_FOUND / not_found', async (name) => {
    expectRefused(await call(api, name, MISSING_ID, bearer(t.adminToken)), 'NOT_FOUND', 'not_found', name);
  });

  it('gives NOT_FOUND to the admin for a workspace id that is not a UUID', async () => {
    expectRefused(await call(api, 'intakeLinks', 'not-a-workspace', bearer(t.adminToken)), 'NOT_FOUND', 'not_found', 'intakeLinks');
  });

  it('needs no key for introspection (the schema is public documentation)', async () => {
    const res = await api.graphql('{ __schema { queryType { name } mutationType { name } } }');
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } } } });
  });
});

// Apollo (stack traces in errors) and Express (its `env` setting) read process.env.NODE_ENV, not our
// config: the production pass sets the process's own variable while its server is built and runs.
describe.each([['test', {}], ['production', { NODE_ENV: 'production' }]] as const)('error hygiene with NODE_ENV=%s', (mode, env) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  const previous = process.env['NODE_ENV'];
  beforeAll(async () => {
    if (mode === 'production') process.env['NODE_ENV'] = 'production';
    ({ t, api, ws } = await startServerWithWorkspace({ env }));
  });
  afterAll(async () => {
    await t.stop();
    process.env['NODE_ENV'] = previous;
  });

  it('runs the server in the mode it names', () => {
    expect(t.server.app.express.get('env')).toBe(mode);
    if (mode === 'production') expect(t.server.container.config.nodeEnv).toBe('production');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED / bad_request and HTTP 400', async () => {
    const res = await api.graphql('{ intakeLinks(', {}, ws.apiKey);
    expect(res.status).toBe(400);
    const [error] = expectCleanErrors(res);
    expect(error.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', errorCode: 'bad_request' });
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED / validation_error and HTTP 400', async () => {
    const res = await api.graphql(`{ intakeLinks(workspaceId: "${ws.id}") { password } }`, {}, ws.apiKey);
    expect(res.status).toBe(400);
    const [error] = expectCleanErrors(res);
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', errorCode: 'validation_error' });
  });

  it('answers a missing operation with a coded error', async () => {
    const res = await api.request('POST', '/graphql', { json: { variables: {} }, token: ws.apiKey });
    expect(res.status).toBe(400);
    const [error] = expectCleanErrors(res);
    expect(error.extensions).toEqual({ code: 'BAD_REQUEST', errorCode: 'bad_request' });
  });

  it('keeps auth and input refusals clean', async () => {
    expectRefused(await call(api, 'intakeLinks', ws.id, {}), 'UNAUTHENTICATED', 'unauthorized');
    const input = await api.graphql(
      'mutation($ws: ID!, $input: CreateIntakeLinkInput!) { createIntakeLink(workspaceId: $ws, input: $input) { id } }',
      { ws: ws.id, input: { customerSlug: 'Not A Slug', maxUploads: 0 } },
      ws.apiKey,
    );
    const [error] = expectCleanErrors(input);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field: 'customerSlug' });
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with no SQL, logging it with its stack instead', async () => {
    await t.db.query('alter table audit_events rename to audit_events_hidden');
    try {
      const res = await api.graphql(
        'mutation($ws: ID!) { createIntakeLink(workspaceId: $ws, input: { customerSlug: "doomed" }) { id } }',
        { ws: ws.id },
        ws.apiKey,
      );
      expectRefused(res, 'INTERNAL_SERVER_ERROR', 'internal_server_error', 'createIntakeLink');
      expect(res.body.errors?.[0].message).toBe(ERROR_CODES.internal_server_error.detail);
      const logged = t.logs.find((line) => line['errorCode'] === 'internal_server_error');
      expect(JSON.stringify(logged?.['err'])).toContain('audit_events');
      expect(JSON.stringify(logged?.['err'])).toMatch(/"stack":/);
    } finally {
      await t.db.query('alter table audit_events_hidden rename to audit_events');
    }
    const rows = await t.db.query<{ n: string }>("select count(*) as n from intake_links where customer_slug = 'doomed'");
    expect(rows[0]?.n).toBe('0');
  });

  it.each([
    ['a body that is not JSON', { 'content-type': 'application/json' }, '{"query": '],
    ['a multipart request that is not a GraphQL multipart request', { 'content-type': 'multipart/form-data; boundary=x', 'apollo-require-preflight': 'true' }, '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\nnot json\r\n--x--\r\n'],
  ])('answers %s as a GraphQL error with extensions.code and errorCode', async (_what, headers, body) => {
    const res = await api.request('POST', '/graphql', { headers, body });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', errorCode: 'bad_request' });
  });
});
