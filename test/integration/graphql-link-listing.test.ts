import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { GET_LINK, ISO_TIMESTAMP, LIST_LINKS, MISSING_ID, REVOKE_LINK, createLinkOverGraphQL, graphqlAs } from '../helpers/graphql-links.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { sampleCsv } from '../fixtures/sample-files.js';

// Listing links over GraphQL: the computed status and its precedence (set up by moving expires_at
// and upload_count in SQL), includeExpired, paging by limit and cursor, and agreement with the REST
// listing field by field.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

const gql = (query: string, variables: Record<string, unknown>, workspace: TestWorkspace = ws) => graphqlAs(api, workspace, query, variables);
const createLink = (input: Record<string, unknown>, workspace: TestWorkspace = ws) => createLinkOverGraphQL(api, workspace, input);

/** A REST link object in GraphQL's vocabulary: camelCase keys, UPPER_CASE status. */
function restLinkAsGraphQL(link: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(link)) out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  out['status'] = String(out['status']).toUpperCase();
  return out;
}

describe('status, computed when read', () => {
  let own: TestWorkspace;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    own = await api.createWorkspace(t.adminToken, 'Statuses');
    for (const slug of ['active', 'exhausted', 'expired', 'expired-exhausted', 'revoked', 'revoked-expired-exhausted']) {
      ids[slug] = (await createLink({ customerSlug: slug, maxUploads: 3 }, own))['id'];
    }
    const setExpired = "update intake_links set expires_at = now() - interval '1 second' where id = any($1::uuid[])";
    const setExhausted = 'update intake_links set upload_count = max_uploads where id = any($1::uuid[])';
    await t.db.query(setExhausted, [[ids['exhausted'], ids['expired-exhausted'], ids['revoked-expired-exhausted']]]);
    await t.db.query(setExpired, [[ids['expired'], ids['expired-exhausted'], ids['revoked-expired-exhausted']]]);
    for (const slug of ['revoked', 'revoked-expired-exhausted']) {
      const res = await gql(REVOKE_LINK, { ws: own.id, id: ids[slug] }, own);
      expect(res.body.errors).toBeUndefined();
    }
  });

  it.each([
    ['active', 'ACTIVE'],
    ['exhausted', 'EXHAUSTED'],
    ['expired', 'EXPIRED'],
    ['expired-exhausted', 'EXPIRED'],
    ['revoked', 'REVOKED'],
    ['revoked-expired-exhausted', 'REVOKED'],
  ])('shows the %s link as %s (precedence revoked > expired > exhausted > active)', async (slug, status) => {
    const res = await gql(GET_LINK, { ws: own.id, id: ids[slug] }, own);
    expect(res.body.data.intakeLink.status).toBe(status);
  });

  it('lists only ACTIVE links by default, all of them newest first with includeExpired', async () => {
    const active = await gql(LIST_LINKS, { ws: own.id }, own);
    expect(active.body.data.intakeLinks.map((l: any) => l.customerSlug)).toEqual(['active']);
    for (const all of [false, null]) {
      const explicit = await gql(LIST_LINKS, { ws: own.id, all }, own);
      expect(explicit.body.data.intakeLinks.map((l: any) => l.customerSlug), String(all)).toEqual(['active']);
    }
    const all = await gql(LIST_LINKS, { ws: own.id, all: true }, own);
    expect(all.body.data.intakeLinks.map((l: any) => [l.customerSlug, l.status])).toEqual([
      ['revoked-expired-exhausted', 'REVOKED'],
      ['revoked', 'REVOKED'],
      ['expired-exhausted', 'EXPIRED'],
      ['expired', 'EXPIRED'],
      ['exhausted', 'EXHAUSTED'],
      ['active', 'ACTIVE'],
    ]);
  });

  it('follows an expiry moved in SQL at once, in both directions', async () => {
    const link = await createLink({ customerSlug: 'moving-expiry' }, own);
    await t.db.query("update intake_links set expires_at = now() - interval '1 second' where id = $1", [link['id']]);
    expect((await gql(GET_LINK, { ws: own.id, id: link['id'] }, own)).body.data.intakeLink.status).toBe('EXPIRED');
    await t.db.query("update intake_links set expires_at = now() + interval '1 hour' where id = $1", [link['id']]);
    expect((await gql(GET_LINK, { ws: own.id, id: link['id'] }, own)).body.data.intakeLink.status).toBe('ACTIVE');
  });
});

describe('intakeLinks paging (limit, cursor)', () => {
  let paged: TestWorkspace;
  const newestFirst: string[] = [];

  beforeAll(async () => {
    paged = await api.createWorkspace(t.adminToken, 'Paging');
    for (let i = 0; i < 7; i++) newestFirst.unshift((await createLink({ customerSlug: `c-${i}` }, paged))['id']);
  });

  it('pages newest first with the id of the last link as cursor, like REST', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    for (;;) {
      const res = await gql(LIST_LINKS, { ws: paged.id, limit: 3, cursor }, paged);
      const items: any[] = res.body.data.intakeLinks;
      pageSizes.push(items.length);
      if (items.length === 0) break;
      seen.push(...items.map((l) => l.id));
      cursor = items.at(-1).id;
    }
    expect(pageSizes).toEqual([3, 3, 1, 0]);
    expect(seen).toEqual(newestFirst);
    const rest = await api.request('GET', `/v1/${paged.id}/intake/links?limit=1000`, { token: paged.apiKey });
    expect(rest.body.map((l: any) => l.id)).toEqual(newestFirst);
  });

  it('accepts limit 1 and 1000', async () => {
    expect((await gql(LIST_LINKS, { ws: paged.id, limit: 1 }, paged)).body.data.intakeLinks).toHaveLength(1);
    expect((await gql(LIST_LINKS, { ws: paged.id, limit: 1000 }, paged)).body.data.intakeLinks).toHaveLength(7);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ limit: -1 }, 'limit'],
    [{ cursor: 'not-a-link' }, 'cursor'],
    [{ cursor: MISSING_ID }, 'cursor'],
  ])('refuses %j with BAD_USER_INPUT / validation_error naming %s', async (args, field) => {
    const res = await gql(LIST_LINKS, { ws: paged.id, ...args }, paged);
    expect(res.body.data).toBeNull();
    const [error] = res.body.errors!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field });
    expect(error.message).toContain(field);
  });

  it('refuses a limit variable that is not an Int with BAD_USER_INPUT', async () => {
    const res = await gql(LIST_LINKS, { ws: paged.id, limit: 'ten' }, paged);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error' });
  });
});

describe('REST and GraphQL show the same links', () => {
  it('agree field by field (snake_case vs camelCase) for links of every status, uploads included', async () => {
    const same = await api.createWorkspace(t.adminToken, 'Both faces');
    const received = await createLink({ customerSlug: 'with-upload', displayName: 'Ms. Upload' }, same);
    const upload = await api.upload(received['linkToken'], sampleCsv(), { filename: 'rows.csv', contentType: 'text/csv' });
    expect(upload.status).toBe(201);
    const revoked = await createLink({ customerSlug: 'revoked' }, same);
    await gql(REVOKE_LINK, { ws: same.id, id: revoked['id'] }, same);
    const expired = await createLink({ customerSlug: 'expired' }, same);
    await t.db.query("update intake_links set expires_at = now() - interval '1 minute' where id = $1", [expired['id']]);
    await createLink({ customerSlug: 'plain' }, same);

    const rest = await api.request('GET', `/v1/${same.id}/intake/links?include_expired=true`, { token: same.apiKey });
    const graph = await gql(LIST_LINKS, { ws: same.id, all: true }, same);
    expect(rest.body).toHaveLength(4);
    expect(graph.body.data.intakeLinks).toEqual(rest.body.map(restLinkAsGraphQL));

    const withUpload = graph.body.data.intakeLinks.find((l: any) => l.id === received['id']);
    expect(withUpload).toMatchObject({ uploadCount: 1, status: 'ACTIVE' });
    expect(withUpload.lastUploadAt).toMatch(ISO_TIMESTAMP);
    expect(withUpload.lastUploadAt).toBe(upload.body.received_at);
  });

  it('returns from createIntakeLink what REST then lists for the link', async () => {
    const { uploads: _uploads, ...created } = await createLink({ customerSlug: 'created-over-graphql', displayName: 'G', maxUploads: 7 });
    const rest = await api.request('GET', `/v1/${ws.id}/intake/links?limit=1000`, { token: ws.apiKey });
    const listed = rest.body.find((l: any) => l.id === created['id']);
    expect(restLinkAsGraphQL(listed)).toEqual(created);
  });
});
