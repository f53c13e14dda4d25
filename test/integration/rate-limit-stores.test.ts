import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Two server processes on one database must enforce one limit between them. Each store is tried
// with two servers sharing it; uploads alternate between them.

const REDIS_URL = 'redis://127.0.0.1:6379';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function clearRedisKeys(pattern: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: pattern })) if (keys.length > 0) await client.del(keys);
  } finally {
    await client.close();
  }
}

async function pair(env: Record<string, string>): Promise<{ servers: [TestServer, TestServer]; db: TestDatabase }> {
  const db = await createTestDatabase();
  const first = await startTestServer({ db, env });
  const second = await startTestServer({ db, env });
  cleanups.push(async () => {
    await first.stop();
    await second.stop();
    await db.drop();
  });
  return { servers: [first, second], db };
}

describe.each([
  ['postgres', { RATE_LIMIT_STORE: 'postgres' }],
  ['redis', { RATE_LIMIT_STORE: 'redis', REDIS_URL }],
])('the %s rate-limit store', (_name, storeEnv) => {
  it('counts uploads per token across two server processes', async () => {
    const { servers } = await pair({ ...storeEnv, RATE_LIMIT_UPLOADS_PER_MINUTE: '4' });
    const [a, b] = servers.map((s) => new ApiClient(s.url)) as [ApiClient, ApiClient];
    const ws = await a.createWorkspace(servers[0].adminToken);
    const link = await a.createLink(ws, { max_uploads: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const api = i % 2 === 0 ? a : b;
      const res = await api.upload(link.link_token, `n,v\n${i},x\n`, { filename: `f${i}.csv`, contentType: 'text/csv' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error_code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    // Refused requests used no slot.
    const listed = await a.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey });
    expect(listed.body).toHaveLength(4);
  });

  it('counts public requests per client address across two server processes', async () => {
    // Every test server is 127.0.0.1: start from a clean count in a store that outlives the run.
    if (storeEnv.RATE_LIMIT_STORE === 'redis') await clearRedisKeys('intake-links:rl:client:*');
    const { servers } = await pair({ ...storeEnv, RATE_LIMIT_PUBLIC_PER_MINUTE: '3' });
    const [a, b] = servers.map((s) => new ApiClient(s.url)) as [ApiClient, ApiClient];
    // Well-formed but unknown tokens: each request is counted for the address, then refused with 404.
    const token = 'x'.repeat(43);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await (i % 2 ? b : a).upload(token, 'a', { filename: 'a.csv', contentType: 'text/csv' })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});

describe('the memory store', () => {
  it('keeps each process to its own count (the default for a single process)', async () => {
    const { servers } = await pair({ RATE_LIMIT_STORE: 'memory', RATE_LIMIT_UPLOADS_PER_MINUTE: '2' });
    const [a, b] = servers.map((s) => new ApiClient(s.url)) as [ApiClient, ApiClient];
    const ws = await a.createWorkspace(servers[0].adminToken);
    const link = await a.createLink(ws);
    const send = (api: ApiClient, i: number) => api.upload(link.link_token, `n\n${i}\n`, { filename: 'f.csv', contentType: 'text/csv' });
    expect([(await send(a, 1)).status, (await send(a, 2)).status, (await send(a, 3)).status]).toEqual([201, 201, 429]);
    expect((await send(b, 4)).status).toBe(201);
  });
});
