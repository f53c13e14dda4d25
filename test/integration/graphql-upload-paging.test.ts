import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defect 11: IntakeLink.uploads and uploads returned a link's uploads all at once (a link may
// hold 10,000) while the cost model assumed 100. Both take `limit` (default 100, at most 1000) and `cursor`.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
let link: any;
let newestFirst: string[];
beforeAll(async () => {
  ({ t, api, ws } = await startServerWithWorkspace());
  link = await api.createLink(ws, { customer_slug: 'paged', max_uploads: 10 });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await api.upload(link.link_token, Buffer.concat([sampleCsv(), Buffer.from(`${i},x\r\n`)]), { filename: `${i}.csv`, contentType: 'text/csv' });
    ids.push(res.body.id);
  }
  newestFirst = ids.reverse();
});
afterAll(() => t.stop());

describe('paged upload lists on GraphQL', () => {
  it('IntakeLink.uploads answers pages of limit, and the next page after cursor', async () => {
    const query = `query ($ws: ID!, $id: ID!, $cursor: String) { intakeLink(workspaceId: $ws, id: $id) { uploads(limit: 2, cursor: $cursor) { id } } }`;
    const first = await api.graphql(query, { ws: ws.id, id: link.id }, ws.apiKey);
    expect(first.body.data.intakeLink.uploads.map((u: any) => u.id)).toEqual(newestFirst.slice(0, 2));
    const second = await api.graphql(query, { ws: ws.id, id: link.id, cursor: newestFirst[1] }, ws.apiKey);
    expect(second.body.data.intakeLink.uploads.map((u: any) => u.id)).toEqual(newestFirst.slice(2, 4));
  });

  it('intakeLinks { uploads(limit) } pages every link of the list', async () => {
    const res = await api.graphql(`query ($ws: ID!) { intakeLinks(workspaceId: $ws) { id uploads(limit: 3) { id } } }`, { ws: ws.id }, ws.apiKey);
    expect(res.body.data.intakeLinks).toEqual([{ id: link.id, uploads: newestFirst.slice(0, 3).map((id) => ({ id })) }]);
  });

  it('Query.uploads answers pages too', async () => {
    const query = `query ($ws: ID!, $id: ID!, $cursor: String) { uploads(workspaceId: $ws, linkId: $id, limit: 3, cursor: $cursor) { id } }`;
    const first = await api.graphql(query, { ws: ws.id, id: link.id }, ws.apiKey);
    expect(first.body.data.uploads.map((u: any) => u.id)).toEqual(newestFirst.slice(0, 3));
    const second = await api.graphql(query, { ws: ws.id, id: link.id, cursor: newestFirst[2] }, ws.apiKey);
    expect(second.body.data.uploads.map((u: any) => u.id)).toEqual(newestFirst.slice(3));
  });

  it('a limit over 1000 is refused as a validation error', async () => {
    const res = await api.graphql(`query ($ws: ID!, $id: ID!) { uploads(workspaceId: $ws, linkId: $id, limit: 1001) { id } }`, { ws: ws.id, id: link.id }, ws.apiKey);
    expect(res.body.errors?.[0]?.extensions.errorCode).toBe('validation_error');
  });

  it('the REST list stays whole by default', async () => {
    const res = await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey });
    expect(res.body.map((u: any) => u.id)).toEqual(newestFirst);
  });

  it('the REST list takes limit and cursor, with a Link header to the next page', async () => {
    const path = `/v1/${ws.id}/intake/links/${link.id}/uploads`;
    const first = await api.request('GET', `${path}?limit=2`, { token: ws.apiKey });
    expect(first.body.map((u: any) => u.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.headers.get('link')).toBe(`<${path}?limit=2&cursor=${newestFirst[1]}>; rel="next"`);
    const last = await api.request('GET', `${path}?limit=3&cursor=${newestFirst[1]}`, { token: ws.apiKey });
    expect(last.body.map((u: any) => u.id)).toEqual(newestFirst.slice(2));
    expect(last.headers.get('link')).toBeNull();
    expect((await api.request('GET', `${path}?limit=1001`, { token: ws.apiKey })).status).toBe(422);
  });
});
