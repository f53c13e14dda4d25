import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, type TestWorkspace } from '../helpers/api-client.js';
import { uploadToIntakeLink } from '../helpers/graphql-multipart.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { sampleCsv, samplePdf } from '../fixtures/sample-files.js';

// GraphQL auditEvents mirrors REST GET /v1/{workspace_id}/audit-events: the same events, newest
// first, the same filters (link, upload, time range) and the same paging (cursor = last item's id).

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const AUDIT_EVENTS = `query Audit($ws: ID!, $linkId: ID, $uploadId: ID, $since: DateTimeISO, $until: DateTimeISO, $limit: Int, $cursor: String) {
  auditEvents(workspaceId: $ws, linkId: $linkId, uploadId: $uploadId, since: $since, until: $until, limit: $limit, cursor: $cursor) {
    id type occurredAt workspaceId linkId uploadId actor { kind id } clientIp userAgent detail
  }
}`;

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
let linkA: any;
let linkB: any;
const uploadIds: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
  ws = await api.createWorkspace(t.adminToken);
  // link.created x2, upload.received x3 (two by the route, one by the GraphQL mutation),
  // upload.downloaded, link.revoked: seven events with different actors.
  linkA = await api.createLink(ws, { customer_slug: 'audited-a' });
  linkB = await api.createLink(ws, { customer_slug: 'audited-b' });
  for (const [bytes, name, type] of [[samplePdf(), 'a.pdf', 'application/pdf'], [sampleCsv(), 'b.csv', 'text/csv']] as const) {
    const res = await api.upload(linkA.link_token, bytes, { filename: name, contentType: type, headers: { 'user-agent': 'audit-test/1.0' } });
    expect(res.status).toBe(201);
    uploadIds.push(res.body.id);
  }
  const viaGraphQL = await uploadToIntakeLink(api, linkB.link_token, { bytes: Buffer.from('x,y\r\n1,2\r\n'), filename: 'c.csv', contentType: 'text/csv' });
  uploadIds.push(viaGraphQL.body.data.uploadToIntakeLink.id);
  const download = await api.request('GET', `/v1/${ws.id}/intake/links/${linkA.id}/uploads/${uploadIds[0]}/download`, { token: ws.apiKey });
  expect(download.status).toBe(200);
  expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${linkB.id}`, { token: ws.apiKey })).status).toBe(204);
});
afterAll(() => t.stop());

/** A REST audit event in GraphQL's vocabulary. */
function restEventAsGraphQL(event: any): Record<string, unknown> {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurred_at,
    workspaceId: event.workspace_id,
    linkId: event.link_id,
    uploadId: event.upload_id,
    actor: { kind: String(event.actor.kind).toUpperCase(), id: event.actor.id },
    clientIp: event.client_ip,
    userAgent: event.user_agent,
    detail: event.detail,
  };
}

async function viaGraphQL(args: Record<string, unknown> = {}): Promise<any[]> {
  const res = await api.graphql(AUDIT_EVENTS, { ws: ws.id, ...args }, ws.apiKey);
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data.auditEvents;
}

async function viaRest(query: Record<string, string> = {}): Promise<ApiResponse> {
  const res = await api.request('GET', `/v1/${ws.id}/audit-events?${new URLSearchParams(query)}`, { token: ws.apiKey });
  expect(res.status, res.text).toBe(200);
  return res;
}

describe('auditEvents', () => {
  it('has the documented signature', async () => {
    const res = await api.graphql(`{ __type(name: "Query") { fields { name args { name type { kind name ofType { name } } } type { kind ofType { kind ofType { kind ofType { name } } } } } } }`);
    const field = res.body.data.__type.fields.find((f: any) => f.name === 'auditEvents');
    const args = Object.fromEntries(field.args.map((a: any) => [a.name, a.type.kind === 'NON_NULL' ? `${a.type.ofType.name}!` : a.type.name]));
    expect(args).toEqual({
      workspaceId: 'ID!', linkId: 'ID', uploadId: 'ID', since: 'DateTimeISO', until: 'DateTimeISO', limit: 'Int', cursor: 'String',
    });
    expect(field.type).toEqual({ kind: 'NON_NULL', ofType: { kind: 'LIST', ofType: { kind: 'NON_NULL', ofType: { name: 'AuditEvent' } } } });
  });

  it('lists the same events as REST, newest first, field by field', async () => {
    const rest = await viaRest();
    const graph = await viaGraphQL();
    expect(rest.body).toHaveLength(8);
    expect(graph).toEqual(rest.body.map(restEventAsGraphQL));
    expect(graph.map((e) => e.type)).toEqual([
      'link.revoked', 'upload.downloaded', 'upload.received', 'upload.received', 'upload.received', 'link.created', 'link.created',
      'api_key.issued',
    ]);
    const times = graph.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('shows who acted: the key, the customer, with address and user agent', async () => {
    const graph = await viaGraphQL({ linkId: linkA.id });
    const received = graph.find((e) => e.type === 'upload.received' && e.uploadId === uploadIds[1]);
    expect(received).toMatchObject({ actor: { kind: 'CUSTOMER', id: null }, linkId: linkA.id, userAgent: 'audit-test/1.0' });
    expect(received.clientIp).toMatch(/127\.0\.0\.1/);
    expect(received.detail).toMatchObject({ filename: 'b.csv', content_type: 'text/csv' });
    const downloaded = graph.find((e) => e.type === 'upload.downloaded');
    expect(downloaded).toMatchObject({ uploadId: uploadIds[0], actor: { kind: 'API_KEY', id: expect.any(String) } });
  });

  it.each([
    ['linkId', () => ({ graph: { linkId: linkA.id }, rest: { link_id: linkA.id } }), 4],
    ['linkId (revoked link)', () => ({ graph: { linkId: linkB.id }, rest: { link_id: linkB.id } }), 3],
    ['uploadId', () => ({ graph: { uploadId: uploadIds[0] }, rest: { upload_id: uploadIds[0]! } }), 2],
    ['linkId and uploadId', () => ({ graph: { linkId: linkB.id, uploadId: uploadIds[2] }, rest: { link_id: linkB.id, upload_id: uploadIds[2]! } }), 1],
    ['an unknown link', () => ({ graph: { linkId: MISSING_ID }, rest: { link_id: MISSING_ID } }), 0],
  ])('filters by %s like REST', async (_label, filters, count) => {
    const { graph, rest } = filters();
    const restEvents = (await viaRest(rest)).body;
    const graphEvents = await viaGraphQL(graph);
    expect(graphEvents).toHaveLength(count);
    expect(graphEvents).toEqual(restEvents.map(restEventAsGraphQL));
  });

  it('filters by time range like REST: since inclusive, until exclusive', async () => {
    const all = await viaGraphQL();
    // Bounds taken from the events' own times, so the result is known without any clock assumption.
    const since = all[4].occurredAt;
    const until = all[1].occurredAt;
    const graph = await viaGraphQL({ since, until });
    const rest = (await viaRest({ since, until })).body;
    expect(graph).toEqual(rest.map(restEventAsGraphQL));
    const expected = all.filter((e) => e.occurredAt >= since && e.occurredAt < until).map((e) => e.id);
    expect(graph.map((e) => e.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(await viaGraphQL({ since: '2000-01-01T00:00:00.000Z', until: '2000-01-02T00:00:00.000Z' })).toEqual([]);
  });

  it('pages with limit and the id of the last event as cursor, page for page as REST follows its Link header', async () => {
    const graphPages: string[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await viaGraphQL({ limit: 3, cursor });
      if (page.length === 0) break;
      graphPages.push(page.map((e) => e.id));
      cursor = page.at(-1).id;
    }
    const restPages: string[][] = [];
    let next: string | null = `/v1/${ws.id}/audit-events?limit=3`;
    while (next) {
      const res: ApiResponse = await api.request('GET', next, { token: ws.apiKey });
      restPages.push(res.body.map((e: any) => e.id));
      const header: string | null = res.headers.get('link');
      next = header ? (/^<([^>]+)>; rel="next"$/.exec(header)?.[1] ?? null) : null;
    }
    expect(graphPages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(graphPages).toEqual(restPages);
    expect(graphPages.flat()).toEqual((await viaGraphQL()).map((e) => e.id));
  });

  it('pages within a filter too', async () => {
    const first = await viaGraphQL({ linkId: linkA.id, limit: 2 });
    const second = await viaGraphQL({ linkId: linkA.id, limit: 2, cursor: first.at(-1).id });
    expect([...first, ...second].map((e) => e.id)).toEqual((await viaGraphQL({ linkId: linkA.id })).map((e) => e.id));
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ cursor: 'nope' }, 'cursor'],
    [{ cursor: MISSING_ID }, 'cursor'],
    [{ since: '2026-02-01T00:00:00.000Z', until: '2026-01-01T00:00:00.000Z' }, 'since'],
  ])('refuses %j with BAD_USER_INPUT / validation_error naming %s', async (args, field) => {
    const res = await api.graphql(AUDIT_EVENTS, { ws: ws.id, ...args }, ws.apiKey);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field });
    expect(res.body.errors?.[0].message).toContain(field);
  });

  it.each([
    [{ linkId: 'not-a-uuid' }, 'linkId'],
    [{ uploadId: 'not-a-uuid' }, 'uploadId'],
  ])('refuses %j with BAD_USER_INPUT / validation_error naming the camelCase field %s', async (args, field) => {
    const res = await api.graphql(AUDIT_EVENTS, { ws: ws.id, ...args }, ws.apiKey);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field });
    expect(res.body.errors?.[0].message).toContain(field);
  });

  it('refuses a since that is not a DateTimeISO with BAD_USER_INPUT', async () => {
    const res = await api.graphql(AUDIT_EVENTS, { ws: ws.id, since: 'yesterday' }, ws.apiKey);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error' });
  });

  it('shows a workspace only its own events', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Quiet');
    const res = await api.graphql(AUDIT_EVENTS, { ws: other.id }, other.apiKey);
    // Only the event of its own first key.
    expect(res.body.data.auditEvents.map((e: any) => e.type)).toEqual(['api_key.issued']);
    const forbidden = await api.graphql(AUDIT_EVENTS, { ws: ws.id }, other.apiKey);
    expect(forbidden.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', errorCode: 'forbidden' });
  });
});
