import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// The documented GraphQL limits (src/graphql/query-limits.ts): deeper than 10 levels, more than 50
// root fields (aliases count) or a cost above GRAPHQL_MAX_COST is refused before it runs, with HTTP
// 400 and QUERY_TOO_COMPLEX. Introspection stays on, under the same limits; batches are refused.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const LOW_MAX_COST = 500;

let t: TestServer;
let low: TestServer;
// Deep introspection documents cost the schema's real list sizes (issue 13): the depth tests run
// where cost cannot be what refuses them.
let uncapped: TestServer;
let api: ApiClient;
let lowApi: ApiClient;
let ws: TestWorkspace;
let lowWs: TestWorkspace;

beforeAll(async () => {
  [t, low, uncapped] = await Promise.all([
    startTestServer(),
    startTestServer({ env: { GRAPHQL_MAX_COST: String(LOW_MAX_COST) } }),
    startTestServer({ env: { GRAPHQL_MAX_COST: '10000000' } }),
  ]);
  api = new ApiClient(t.url);
  lowApi = new ApiClient(low.url);
  ws = await api.createWorkspace(t.adminToken);
  lowWs = await lowApi.createWorkspace(low.adminToken);
});
afterAll(() => Promise.all([t?.stop(), low?.stop(), uncapped?.stop()]));

function expectTooComplex(res: ApiResponse<{ data?: unknown; errors?: any[] }>, message: RegExp): void {
  expect(res.status, res.text).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', errorCode: 'query_too_complex' });
  expect(res.body.errors?.[0].message).toMatch(message);
}

function expectRan(res: ApiResponse<{ data?: unknown; errors?: any[] }>): void {
  expect(res.status, res.text).toBe(200);
  expect(res.body.errors, res.text).toBeUndefined();
  expect(res.body.data).toBeTruthy();
}

async function linkCount(server: TestServer, workspaceId: string): Promise<number> {
  const [row] = await server.db.query<{ n: string }>('select count(*) as n from intake_links where workspace_id = $1', [workspaceId]);
  return Number(row?.n);
}

/** `n` aliased root fields asking for a link. */
function rootFields(n: number): string {
  return Array.from({ length: n }, (_, i) => `l${i}: intakeLink(workspaceId: $ws, id: "${MISSING_ID}") { id }`).join('\n');
}

// Introspection is the only way down to more than 4 levels in this schema. Each document stays
// within graphql-js's own introspection rule (at most two nested `fields`-like lists).
const DEPTH_10 = '{ __schema { directives { args { type { fields { args { type { fields { args { name } } } } } } } } } }';
const DEPTH_11 = '{ __schema { directives { args { type { fields { args { type { fields { args { type { name } } } } } } } } } } }';

describe('depth (at most 10 levels)', () => {
  it('runs a document exactly 10 levels deep', async () => {
    expectRan(await new ApiClient(uncapped.url).graphql(DEPTH_10));
  });

  it('refuses a document 11 levels deep with HTTP 400 QUERY_TOO_COMPLEX', async () => {
    expectTooComplex(await api.graphql(DEPTH_11), /11 levels deep; the limit is 10/);
  });

  it('counts levels hidden in a named fragment', async () => {
    const query = `{ __schema { directives { args { type { ...Deep } } } } }
      fragment Deep on __Type { fields { args { type { fields { args { type { name } } } } } } }`;
    expectTooComplex(await api.graphql(query), /11 levels deep/);
  });

  it('counts levels hidden in inline fragments', async () => {
    const query = '{ __schema { directives { args { type { ... on __Type { fields { args { type { fields { args { type { ... { name } } } } } } } } } } } } }';
    expectTooComplex(await api.graphql(query), /11 levels deep/);
  });

  it('runs the deepest real query the schema allows', async () => {
    const res = await api.graphql(
      'query($ws: ID!) { intakeLinks(workspaceId: $ws, includeExpired: true) { uploads { duplicateOf { id receivedAt } } } }',
      { ws: ws.id },
      ws.apiKey,
    );
    expectRan(res);
  });
});

describe('root fields (at most 50, aliases count)', () => {
  it('runs exactly 50 aliased root fields', async () => {
    const res = await api.graphql(`query($ws: ID!) { ${rootFields(50)} }`, { ws: ws.id }, ws.apiKey);
    expectRan(res);
    expect(Object.keys(res.body.data as object)).toHaveLength(50);
  });

  it('refuses 51 aliased root fields', async () => {
    const res = await api.graphql(`query($ws: ID!) { ${rootFields(51)} }`, { ws: ws.id }, ws.apiKey);
    expectTooComplex(res, /51 root fields; the limit is 50/);
  });

  it('counts __typename and fields spread from fragments', async () => {
    const query = `query($ws: ID!) { __typename ...Many ... on Query { extra: __typename } }
      fragment Many on Query { ${rootFields(49)} }`;
    expectTooComplex(await api.graphql(query, { ws: ws.id }, ws.apiKey), /51 root fields/);
  });

  it('refuses 51 mutations before running any of them', async () => {
    const own = await api.createWorkspace(t.adminToken, 'Untouched');
    const mutations = Array.from({ length: 51 }, (_, i) => `m${i}: createIntakeLink(workspaceId: $ws, input: { customerSlug: "m-${i}" }) { id }`);
    const res = await api.graphql(`mutation($ws: ID!) { ${mutations.join('\n')} }`, { ws: own.id }, own.apiKey);
    expectTooComplex(res, /51 root fields/);
    expect(await linkCount(t, own.id)).toBe(0);
  });
});

describe('cost (at most GRAPHQL_MAX_COST, default 25000)', () => {
  const LIST_WITH_UPLOADS = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { id uploads { id duplicateOf { id } } } }';

  it('runs a default page of links with their uploads (about 20,100) under the default maximum', async () => {
    expectRan(await api.graphql(LIST_WITH_UPLOADS, { ws: ws.id }, ws.apiKey));
  });

  it('refuses 1000 links with their uploads under the default maximum', async () => {
    expectTooComplex(await api.graphql(LIST_WITH_UPLOADS, { ws: ws.id, limit: 1000 }, ws.apiKey), /the limit is 25000/);
  });

  it('honours GRAPHQL_MAX_COST: a cost equal to the maximum runs, one more is refused', async () => {
    const page = (limit: number) => `query($ws: ID!) { intakeLinks(workspaceId: $ws, limit: ${limit}) { id } }`;
    expectRan(await lowApi.graphql(page(LOW_MAX_COST), { ws: lowWs.id }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(page(LOW_MAX_COST + 1), { ws: lowWs.id }, lowWs.apiKey), /costs 501; the limit is 500/);
  });

  it('reads page sizes from variables', async () => {
    const query = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { id } }';
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, limit: LOW_MAX_COST }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, limit: LOW_MAX_COST + 1 }, lowWs.apiKey), /costs 501/);
  });

  it('counts nested lists: 5 links with their uploads cost 505', async () => {
    const query = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { uploads { id } } }';
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, limit: 4 }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, limit: 5 }, lowWs.apiKey), /costs 505/);
  });

  it('adds up the cost of every root field', async () => {
    const query = `query($ws: ID!) {
      a: intakeLinks(workspaceId: $ws, limit: 250) { id }
      b: auditEvents(workspaceId: $ws, limit: 251) { id }
    }`;
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id }, lowWs.apiKey), /costs 501/);
  });

  it('cannot be offset by a negative page size in another field', async () => {
    const query = `query($ws: ID!) {
      cheap: intakeLinks(workspaceId: $ws, limit: -1000000) { id uploads { id } }
      costly: intakeLinks(workspaceId: $ws, limit: 1000) { id uploads { id duplicateOf { id } } }
    }`;
    expectTooComplex(await api.graphql(query, { ws: ws.id }, ws.apiKey), /the limit is 25000/);
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id }, lowWs.apiKey), /the limit is 500/);
  });

  it('refuses costly mutations before running any of them', async () => {
    const mutations = Array.from(
      { length: 3 },
      (_, i) => `m${i}: createIntakeLink(workspaceId: $ws, input: { customerSlug: "costly-${i}" }) { id uploads { id duplicateOf { id } } }`,
    );
    const res = await lowApi.graphql(`mutation($ws: ID!) { ${mutations.join('\n')} }`, { ws: lowWs.id }, lowWs.apiKey);
    expectTooComplex(res, /costs 603/);
    expect(await linkCount(low, lowWs.id)).toBe(0);
  });
});

// The limits are weighed once per operation and remembered (query-limits.ts): a list page is asked
// for with the same document thousands of times. What is remembered must never answer for
// variables that change the cost: page sizes, @include/@skip, or another operation of the document.
describe('a remembered weighing', () => {
  it('weighs a page size given by a variable again when it changes, in either direction', async () => {
    const query = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { id uploads { id } } }';
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, limit: 4 }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, limit: 5 }, lowWs.apiKey), /costs 505/);
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, limit: 4 }, lowWs.apiKey));
  });

  it('tells an absent variable (its default applies) from an explicit null (the default page of 100)', async () => {
    const query = 'query($ws: ID!, $limit: Int = 1) { intakeLinks(workspaceId: $ws, limit: $limit) { id uploads { id } } }';
    expectRan(await lowApi.graphql(query, { ws: lowWs.id }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, limit: null }, lowWs.apiKey), /costs 10100/);
    expectRan(await lowApi.graphql(query, { ws: lowWs.id }, lowWs.apiKey));
  });

  it('weighs again when an @include or @skip variable changes', async () => {
    const query = `query($ws: ID!, $deep: Boolean!, $shallow: Boolean!) {
      intakeLinks(workspaceId: $ws, limit: 5) { id uploads @include(if: $deep) { id } ...Nested @skip(if: $shallow) }
    }
    fragment Nested on IntakeLink { again: uploads { id } }`;
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, deep: false, shallow: true }, lowWs.apiKey));
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, deep: true, shallow: true }, lowWs.apiKey), /costs 505/);
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, deep: false, shallow: false }, lowWs.apiKey), /costs 505/);
    expectRan(await lowApi.graphql(query, { ws: lowWs.id, deep: false, shallow: true }, lowWs.apiKey));
  });

  it('weighs each operation of a document on its own', async () => {
    const query = `query Cheap($ws: ID!) { intakeLinks(workspaceId: $ws, limit: 5) { id } }
      query Costly($ws: ID!) { intakeLinks(workspaceId: $ws, limit: 501) { id } }`;
    const run = (operationName: string) =>
      lowApi.request('POST', '/graphql', { token: lowWs.apiKey, json: { query, operationName, variables: { ws: lowWs.id } } });
    expectRan(await run('Cheap'));
    expectTooComplex(await run('Costly'), /costs 501/);
    expectRan(await run('Cheap'));
  });

  it('still answers variables that do not coerce as BAD_USER_INPUT after a refusal of the same page size', async () => {
    const query = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { id } }';
    expectTooComplex(await lowApi.graphql(query, { ws: lowWs.id, limit: 501 }, lowWs.apiKey), /costs 501/);
    const res = await lowApi.graphql(query, { ws: true, limit: 501 }, lowWs.apiKey);
    expect([res.status, res.body.errors?.[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', errorCode: 'validation_error' }]);
  });
});

describe('introspection', () => {
  it('answers the standard introspection query', async () => {
    const res = await api.graphql(getIntrospectionQuery());
    expectRan(res);
    const names = (res.body.data as any).__schema.types.map((type: any) => type.name);
    expect(names).toEqual(expect.arrayContaining(['IntakeLink', 'Upload', 'AuditEvent', 'IntakeLinkStatus', 'ScanStatus', 'File']));
  });

  it('answers the introspection query code generators send (all options on)', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expectRan(await api.graphql(query));
    // Introspection costs the schema's real size (about 7,000), so a server capped at 500 refuses it.
    expectTooComplex(await lowApi.graphql(query), /costs \d+; the limit is 500/);
  });

  it('refuses an ofType chain deeper than the standard query needs', async () => {
    const chain = (levels: number): string => (levels === 0 ? 'name' : `name ofType { ${chain(levels - 1)} }`);
    // __type (1) + 9 free ofType levels + 8 counted ones + the innermost name (1) = 10 levels: the limit.
    expectRan(await api.graphql(`{ __type(name: "IntakeLink") { ${chain(17)} } }`));
    expectTooComplex(await api.graphql(`{ __type(name: "IntakeLink") { ${chain(18)} } }`), /levels deep/);
  });
});

describe('batched operations', () => {
  it('refuses a JSON array of operations with HTTP 400', async () => {
    const res = await api.request('POST', '/graphql', {
      token: ws.apiKey,
      json: [{ query: '{ __typename }' }, { query: '{ __typename }' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', errorCode: 'bad_request' });
  });

  it('runs none of the operations of a refused batch', async () => {
    const own = await api.createWorkspace(t.adminToken, 'Batched');
    const create = (slug: string) => ({
      query: 'mutation($ws: ID!, $slug: String!) { createIntakeLink(workspaceId: $ws, input: { customerSlug: $slug }) { id } }',
      variables: { ws: own.id, slug },
    });
    const res = await api.request('POST', '/graphql', { token: own.apiKey, json: [create('batch-a'), create('batch-b')] });
    expect(res.status).toBe(400);
    expect(await linkCount(t, own.id)).toBe(0);
  });
});
