import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defect 2: /graphql had no rate limit at all (a 92 KB introspection query, 20 in parallel,
// took the server down with no key). Without a valid key it counts per address toward
// RATE_LIMIT_PUBLIC_PER_MINUTE; with an API key, /v1 and /graphql count per key toward
// RATE_LIMIT_API_PER_MINUTE.

function expectRetryAfter(res: ApiResponse): void {
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(120);
}

function expectGraphQLRateLimited(res: ApiResponse): void {
  expect(res.status).toBe(429);
  expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', errorCode: 'rate_limited' });
  expectRetryAfter(res);
}

describe('/graphql without a key: RATE_LIMIT_PUBLIC_PER_MINUTE per address', () => {
  let t: TestServer;
  let api: ApiClient;
  beforeAll(async () => ({ t, api } = await startServerWithWorkspace({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } })));
  afterAll(() => t.stop());

  it('answers 429 rate_limited with Retry-After past the limit, also for a malformed key', async () => {
    for (let i = 0; i < 3; i++) expect((await api.graphql('{ __typename }')).status).toBe(200);
    expectGraphQLRateLimited(await api.graphql('{ __typename }'));
    expectGraphQLRateLimited(await api.graphql('{ __typename }', {}, 'not-a-key'));
  });
});

describe('API keys: RATE_LIMIT_API_PER_MINUTE per key, on /v1 and /graphql together', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    ({ t, api, ws } = await startServerWithWorkspace({ env: { RATE_LIMIT_API_PER_MINUTE: '3', RATE_LIMIT_PUBLIC_PER_MINUTE: '1' } }));
    other = await api.createWorkspace(t.adminToken, 'Other practice');
  });
  afterAll(() => t.stop());

  it('counts REST and GraphQL requests of one key, refuses the fourth, and leaves other keys alone', async () => {
    const links = `/v1/${ws.id}/intake/links`;
    expect((await api.request('GET', links, { token: ws.apiKey })).status).toBe(200);
    expect((await api.graphql('{ __typename }', {}, ws.apiKey)).status).toBe(200);
    expect((await api.request('GET', links, { token: ws.apiKey })).status).toBe(200);

    const rest = await api.request('GET', links, { token: ws.apiKey });
    expect(rest.status).toBe(429);
    expect(rest.body).toEqual({ error_code: 'rate_limited', detail: 'Too many requests: the limit is 3 per minute. Try again shortly.' });
    expectRetryAfter(rest);
    expectGraphQLRateLimited(await api.graphql('{ __typename }', {}, ws.apiKey));

    // A key's requests do not count toward the per-address limit (1 here), nor toward another key.
    expect((await api.request('GET', `/v1/${other.id}/intake/links`, { token: other.apiKey })).status).toBe(200);
    expect((await api.graphql('{ __typename }', {}, other.apiKey)).status).toBe(200);
  });
});
