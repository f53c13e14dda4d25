import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// The query limits' verdict is remembered per document (src/graphql/cached-query-limits.ts): asking
// the same thing again must get the same answer, and a remembered "fits" must never let a costlier
// variant of the same document through.

const MAX_COST = 500;
const PAGE = 'query($ws: ID!, $limit: Int) { intakeLinks(workspaceId: $ws, limit: $limit) { id } }';

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await startTestServer({ env: { GRAPHQL_MAX_COST: String(MAX_COST) } });
  api = new ApiClient(t.url);
  ws = await api.createWorkspace(t.adminToken);
});
afterAll(() => t?.stop());

function status(res: ApiResponse<{ data?: unknown; errors?: any[] }>): string {
  return res.status === 200 && !res.body.errors ? 'ran' : `${res.status} ${res.body.errors?.[0]?.extensions?.code} ${res.body.errors?.[0]?.message}`;
}

describe('the remembered verdict of the query limits', () => {
  it('refuses the same over-cost document every time it is sent', async () => {
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(status(await api.graphql(PAGE, { ws: ws.id, limit: MAX_COST + 1 }, ws.apiKey)));
    const refused = '400 QUERY_TOO_COMPLEX The operation costs 501; the limit is 500. Ask for smaller pages or fewer nested lists.';
    expect(verdicts).toEqual([refused, refused, refused]);
  });

  it('checks the cost again when only the variables change', async () => {
    const verdicts = [];
    for (const limit of [MAX_COST, MAX_COST + 1, MAX_COST, MAX_COST + 1]) verdicts.push(status(await api.graphql(PAGE, { ws: ws.id, limit }, ws.apiKey)));
    expect(verdicts.map((v) => v.slice(0, 24))).toEqual(['ran', '400 QUERY_TOO_COMPLEX Th', 'ran', '400 QUERY_TOO_COMPLEX Th']);
  });

  it('keys on the operation chosen, not only the document', async () => {
    const doc = `query Cheap($ws: ID!) { intakeLinks(workspaceId: $ws, limit: 1) { id } }
                 query Dear($ws: ID!) { intakeLinks(workspaceId: $ws, limit: ${MAX_COST + 1}) { id } }`;
    const run = async (operationName: string) =>
      status(await api.request('POST', '/graphql', { token: ws.apiKey, json: { query: doc, variables: { ws: ws.id }, operationName } }));
    const verdicts = [await run('Cheap'), await run('Dear'), await run('Cheap'), await run('Dear')];
    expect(verdicts.map((v) => v.slice(0, 24))).toEqual(['ran', '400 QUERY_TOO_COMPLEX Th', 'ran', '400 QUERY_TOO_COMPLEX Th']);
  });
});
