import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { CREATE_LINK, GET_LINK, ISO_TIMESTAMP, LINK_FIELDS, LIST_LINKS, MISSING_ID, REVOKE_LINK, createLinkOverGraphQL, graphqlAs } from '../helpers/graphql-links.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Links over GraphQL: the documented signatures and fields, creation with its defaults and every
// input rule, fetching one link, and revocation. Listing, status and paging: graphql-link-listing.test.ts.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

const gql = (query: string, variables: Record<string, unknown>, workspace: TestWorkspace = ws) => graphqlAs(api, workspace, query, variables);
const createLink = (input: Record<string, unknown>, workspace: TestWorkspace = ws) => createLinkOverGraphQL(api, workspace, input);

/** Renders an introspected type reference as SDL (`[IntakeLink!]!`). */
function typeRef(type: { kind: string; name: string | null; ofType: any }): string {
  if (type.kind === 'NON_NULL') return `${typeRef(type.ofType)}!`;
  if (type.kind === 'LIST') return `[${typeRef(type.ofType)}]`;
  return String(type.name);
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

/** `(a: X, b: Y): Z` with the arguments in name order (GraphQL arguments are named; their order carries no meaning). */
function signature(args: string[], type: string): string {
  const sorted = [...args].sort();
  return `${sorted.length ? `(${sorted.join(', ')})` : ''}: ${type}`;
}

async function signatures(typeName: string): Promise<Record<string, string>> {
  const res = await api.graphql(`{ __type(name: "${typeName}") {
    fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
    inputFields { name type { ${TYPE_REF} } }
  } }`);
  const type = res.body.data.__type;
  const out: Record<string, string> = {};
  for (const field of type.fields ?? []) {
    const args = field.args.map((a: any) => `${a.name}: ${typeRef(a.type)}${a.defaultValue === null ? '' : ` = ${a.defaultValue}`}`);
    out[field.name] = signature(args, typeRef(field.type));
  }
  for (const field of type.inputFields ?? []) out[field.name] = `: ${typeRef(field.type)}`;
  return out;
}

describe('the schema as issue 3 documents it', () => {
  it('has the link queries and mutations with the documented arguments', async () => {
    const query = await signatures('Query');
    expect(query['intakeLinks']).toBe(
      signature(['workspaceId: ID!', 'includeExpired: Boolean = false', 'limit: Int', 'cursor: String'], '[IntakeLink!]!'),
    );
    expect(query['intakeLink']).toBe(signature(['workspaceId: ID!', 'id: ID!'], 'IntakeLink'));
    const mutation = await signatures('Mutation');
    expect(mutation['createIntakeLink']).toBe(signature(['workspaceId: ID!', 'input: CreateIntakeLinkInput!'], 'IntakeLink!'));
    expect(mutation['revokeIntakeLink']).toBe(signature(['workspaceId: ID!', 'id: ID!'], 'IntakeLink!'));
  });

  it('has exactly the documented IntakeLink fields, input fields and status values', async () => {
    expect(await signatures('IntakeLink')).toEqual({
      id: ': ID!',
      workspaceId: ': ID!',
      customerSlug: ': String!',
      displayName: ': String',
      uploadUrl: ': String!',
      linkToken: ': String!',
      status: ': IntakeLinkStatus!',
      createdAt: ': DateTimeISO!',
      expiresAt: ': DateTimeISO!',
      revokedAt: ': DateTimeISO',
      maxUploads: ': Int!',
      uploadCount: ': Int!',
      lastUploadAt: ': DateTimeISO',
      uploads: '(cursor: String, limit: Int): [Upload!]!',
    });
    expect(await signatures('CreateIntakeLinkInput')).toEqual({
      customerSlug: ': String!',
      displayName: ': String',
      expiresInHours: ': Int',
      maxUploads: ': Int',
    });
    const status = await api.graphql('{ __type(name: "IntakeLinkStatus") { enumValues { name } } }');
    expect(status.body.data.__type.enumValues.map((v: any) => v.name).sort()).toEqual(['ACTIVE', 'EXHAUSTED', 'EXPIRED', 'REVOKED']);
  });
});

describe('createIntakeLink', () => {
  it('creates a link with the defaults (168 h, 100 uploads) and every documented field', async () => {
    const before = Date.now();
    const link = await createLink({ customerSlug: 'acme-dental' });
    expect(Object.keys(link).sort()).toEqual([...LINK_FIELDS, 'uploads'].sort());
    expect(link).toMatchObject({
      workspaceId: ws.id,
      customerSlug: 'acme-dental',
      displayName: null,
      status: 'ACTIVE',
      revokedAt: null,
      maxUploads: 100,
      uploadCount: 0,
      lastUploadAt: null,
      uploads: [],
    });
    expect(link['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(link['linkToken']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link['uploadUrl']).toBe(`/upload/${link['linkToken']}`);
    expect(link['createdAt']).toMatch(ISO_TIMESTAMP);
    expect(link['expiresAt']).toMatch(ISO_TIMESTAMP);
    const created = Date.parse(link['createdAt']);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(link['expiresAt']) - created).toBe(168 * 3600_000);
  });

  it('keeps every optional field as given, displayName verbatim', async () => {
    const displayName = '  Dr. Müller & Söhne <script>alert(1)</script>  ';
    const link = await createLink({ customerSlug: 'a1-b2-c3', displayName, expiresInHours: 1, maxUploads: 10_000 });
    expect(link['displayName']).toBe(displayName);
    expect(link['maxUploads']).toBe(10_000);
    expect(Date.parse(link['expiresAt']) - Date.parse(link['createdAt'])).toBe(3600_000);
  });

  it('accepts the range limits, and null for an optional field means its default', async () => {
    const edges = await createLink({ customerSlug: 'a', expiresInHours: 720, maxUploads: 1 });
    expect(Date.parse(edges['expiresAt']) - Date.parse(edges['createdAt'])).toBe(720 * 3600_000);
    expect(edges['maxUploads']).toBe(1);
    const long = await createLink({ customerSlug: 'a'.repeat(64), displayName: 'x'.repeat(200) });
    expect(long['displayName']).toHaveLength(200);
    const nulls = await createLink({ customerSlug: 'x', displayName: null, expiresInHours: null, maxUploads: null });
    expect(nulls).toMatchObject({ displayName: null, maxUploads: 100 });
    expect(Date.parse(nulls['expiresAt']) - Date.parse(nulls['createdAt'])).toBe(168 * 3600_000);
  });

  // Refused by the service's rules (the same zod rules as REST), which name the field in extensions.field too.
  it.each([
    [{ customerSlug: '' }, 'customerSlug'],
    [{ customerSlug: 'Acme' }, 'customerSlug'],
    [{ customerSlug: 'acme--dental' }, 'customerSlug'],
    [{ customerSlug: '-acme' }, 'customerSlug'],
    [{ customerSlug: 'acme-' }, 'customerSlug'],
    [{ customerSlug: 'acme dental' }, 'customerSlug'],
    [{ customerSlug: 'a'.repeat(65) }, 'customerSlug'],
    [{ customerSlug: 'refused', displayName: 'x'.repeat(201) }, 'displayName'],
    [{ customerSlug: 'refused', displayName: 'x\u0000y' }, 'displayName'],
    [{ customerSlug: 'refused', expiresInHours: 0 }, 'expiresInHours'],
    [{ customerSlug: 'refused', expiresInHours: 721 }, 'expiresInHours'],
    [{ customerSlug: 'refused', expiresInHours: -5 }, 'expiresInHours'],
    [{ customerSlug: 'refused', maxUploads: 0 }, 'maxUploads'],
    [{ customerSlug: 'refused', maxUploads: 10_001 }, 'maxUploads'],
  ])('refuses %j with BAD_USER_INPUT / validation_error naming %s', async (input, field) => {
    const res = await gql(CREATE_LINK, { ws: ws.id, input });
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field });
    expect(error.message).toContain(field);
    expect(error.path).toEqual(['createIntakeLink']);
  });

  // Refused by GraphQL's own input coercion (variables), before any resolver runs.
  it.each([
    [{}, 'customerSlug'],
    [{ customerSlug: 42 }, 'customerSlug'],
    [{ customerSlug: null }, 'customerSlug'],
    [{ customerSlug: 'refused', displayName: 5 }, 'displayName'],
    [{ customerSlug: 'refused', expiresInHours: 1.5 }, 'expiresInHours'],
    [{ customerSlug: 'refused', expiresInHours: '24' }, 'expiresInHours'],
    [{ customerSlug: 'refused', expiresInHours: 2 ** 31 }, 'expiresInHours'],
    [{ customerSlug: 'refused', maxUploads: true }, 'maxUploads'],
    [{ customerSlug: 'refused', maxUploads: 2.5 }, 'maxUploads'],
    [{ customerSlug: 'refused', colour: 'blue' }, 'colour'],
  ])('refuses the variables %j with BAD_USER_INPUT / validation_error naming %s', async (input, field) => {
    const res = await gql(CREATE_LINK, { ws: ws.id, input });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error' });
    expect(error.message).toContain(field);
  });

  // Literals are checked by GraphQL validation, whose message gives the value and its location, not the field name.
  it('refuses a wrongly typed literal argument as a validation failure pointing at the value', async () => {
    const query = `mutation { createIntakeLink(workspaceId: "${ws.id}", input: { customerSlug: "refused", maxUploads: "ten" }) { id } }`;
    const res = await gql(query, {});
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    const [error] = res.body.errors!;
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', errorCode: 'validation_error' });
    expect(error.message).toContain('"ten"');
    expect(error.locations).toEqual([{ line: 1, column: query.indexOf('"ten"') + 1 }]);
  });

  it('stores nothing for any refused input', async () => {
    const rows = await t.db.query<{ n: string }>("select count(*) as n from intake_links where customer_slug = 'refused'");
    expect(rows[0]?.n).toBe('0');
  });
});

describe('intakeLink', () => {
  it('returns one link whatever its status, equal to what createIntakeLink returned', async () => {
    const { uploads: _uploads, ...created } = await createLink({ customerSlug: 'fetch-me' });
    const fetched = await gql(GET_LINK, { ws: ws.id, id: created['id'] });
    expect(fetched.body.data.intakeLink).toEqual(created);
    await gql(REVOKE_LINK, { ws: ws.id, id: created['id'] });
    const revoked = await gql(GET_LINK, { ws: ws.id, id: created['id'] });
    expect(revoked.body.data.intakeLink).toMatchObject({ id: created['id'], status: 'REVOKED' });
  });

  it.each([MISSING_ID, 'not-a-uuid'])('is null, without an error, for an unknown id (%s)', async (id) => {
    const res = await gql(GET_LINK, { ws: ws.id, id });
    expect(res.body).toEqual({ data: { intakeLink: null } });
  });

  it('is null for a link of another workspace, asked for under the own workspace', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Other practice');
    const foreign = await createLink({ customerSlug: 'foreign' }, other);
    const res = await gql(GET_LINK, { ws: ws.id, id: foreign['id'] });
    expect(res.body).toEqual({ data: { intakeLink: null } });
  });
});

describe('revokeIntakeLink', () => {
  it('revokes at once and returns the link; a second revoke is NOT_FOUND', async () => {
    const link = await createLink({ customerSlug: 'to-revoke' });
    const before = Date.now();
    const first = await gql(REVOKE_LINK, { ws: ws.id, id: link['id'] });
    expect(first.body.errors).toBeUndefined();
    const revoked = first.body.data.revokeIntakeLink;
    expect(revoked).toMatchObject({ id: link['id'], status: 'REVOKED', linkToken: link['linkToken'] });
    expect(revoked.revokedAt).toMatch(ISO_TIMESTAMP);
    expect(Date.parse(revoked.revokedAt)).toBeGreaterThanOrEqual(before - 1000);

    const again = await gql(REVOKE_LINK, { ws: ws.id, id: link['id'] });
    expect(again.body.data).toBeNull();
    expect(again.body.errors?.[0]).toMatchObject({
      path: ['revokeIntakeLink'],
      extensions: { code: 'NOT_FOUND', errorCode: 'not_found' },
    });
    const events = await api.request('GET', `/v1/${ws.id}/audit-events?link_id=${link['id']}`, { token: ws.apiKey });
    expect(events.body.map((e: any) => e.type)).toEqual(['link.revoked', 'link.created']);
  });

  it('revokes an expired link too (REVOKED wins)', async () => {
    const link = await createLink({ customerSlug: 'expired-then-revoked' });
    await t.db.query("update intake_links set expires_at = now() - interval '1 hour' where id = $1", [link['id']]);
    const res = await gql(REVOKE_LINK, { ws: ws.id, id: link['id'] });
    expect(res.body.data.revokeIntakeLink.status).toBe('REVOKED');
  });

  it.each([MISSING_ID, 'not-a-uuid'])('is NOT_FOUND for an unknown id (%s)', async (id) => {
    const res = await gql(REVOKE_LINK, { ws: ws.id, id });
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', errorCode: 'not_found' });
  });

  it('is NOT_FOUND for a link of another workspace, which stays active', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Untouchable');
    const foreign = await createLink({ customerSlug: 'foreign' }, other);
    const res = await gql(REVOKE_LINK, { ws: ws.id, id: foreign['id'] });
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', errorCode: 'not_found' });
    expect((await gql(GET_LINK, { ws: other.id, id: foreign['id'] }, other)).body.data.intakeLink.status).toBe('ACTIVE');
  });
});
