import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Behind a proxy (TRUST_PROXY) the client address comes from X-Forwarded-For, which the client
// can write into. Only a real IP address is recorded; anything else must not break a request.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { TRUST_PROXY: 'true' } })));
afterAll(() => t.stop());

async function uploadFrom(forwardedFor: string) {
  const link = await api.createLink(ws);
  const res = await api.upload(link.link_token, 'n,v\n1,2\n', {
    filename: 'a.csv',
    contentType: 'text/csv',
    headers: { 'x-forwarded-for': forwardedFor },
  });
  const [event] = await t.db.query<{ client_ip: string | null }>(
    "select client_ip from audit_events where type = 'upload.received' and link_id = $1",
    [link.id],
  );
  return { status: res.status, clientIp: event?.client_ip };
}

describe('the client address behind a trusted proxy', () => {
  it('records the forwarded address when it is an IP address', async () => {
    expect(await uploadFrom('203.0.113.7')).toEqual({ status: 201, clientIp: '203.0.113.7' });
    expect(await uploadFrom('2001:db8::1, 10.0.0.1')).toEqual({ status: 201, clientIp: '2001:db8::1' });
  });

  it.each(['x'.repeat(100), 'not an address', '<script>', '999.1.1.1'])('drops a forged value (%s) instead of failing', async (forged) => {
    expect(await uploadFrom(forged)).toEqual({ status: 201, clientIp: null });
  });
});

// GraphQL is an Express application of its own mounted in the main one (graphql.router.ts): it must
// see the same client address, or its per-address limit would count the proxy as one client.
describe('GraphQL behind a trusted proxy', () => {
  let limited: TestServer;
  let limitedApi: ApiClient;
  beforeAll(async () => ({ t: limited, api: limitedApi } = await startServerWithWorkspace({ env: { TRUST_PROXY: 'true', RATE_LIMIT_PUBLIC_PER_MINUTE: '2' } })));
  afterAll(() => limited.stop());

  it('counts requests without a key per forwarded address', async () => {
    const from = (address: string) => limitedApi.request('POST', '/graphql', { json: { query: '{ __typename }' }, headers: { 'x-forwarded-for': address } });
    const statuses = [];
    for (const address of ['203.0.113.7', '203.0.113.7', '203.0.113.7', '203.0.113.8']) statuses.push((await from(address)).status);
    expect(statuses).toEqual([200, 200, 429, 200]);
  });
});
