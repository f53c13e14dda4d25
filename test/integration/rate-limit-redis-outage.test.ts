import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { freePort } from '../helpers/ports.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// With the Redis rate-limit store, Redis going away must not hang customers' uploads: each answers
// 503 service_unavailable at once, and uploads work again when Redis is back, without a restart.
// The test runs a Redis server of its own (the machine's redis-server binary) so it can kill it.

let port: number;
let redis: ChildProcess | undefined;
let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;

async function startRedis(): Promise<void> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis = child;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error('redis-server exited');
      return acceptsConnections(port);
    },
    { what: 'redis-server to listen' },
  );
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  t = await startTestServer({ env: { RATE_LIMIT_STORE: 'redis', REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_UPLOADS_PER_MINUTE: '100' } });
  api = new ApiClient(t.url);
  ws = await api.createWorkspace(t.adminToken);
});
afterAll(async () => {
  await t?.stop();
  await stopRedis();
});

const send = (token: string, n: number) => api.upload(token, `n,v\n${n},x\n`, { filename: `${n}.csv`, contentType: 'text/csv' });

describe('the Redis rate-limit store going away', () => {
  it('answers 503 at once while Redis is down, uses no slot, and recovers when it returns', async () => {
    const link = await api.createLink(ws);
    expect((await send(link.link_token, 1)).status).toBe(201);

    await stopRedis();
    const refused = await send(link.link_token, 2);
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error_code: 'service_unavailable', detail: expect.stringContaining('rate-limit store') });
    const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]);
    expect(row?.upload_count).toBe(1);

    await startRedis();
    await waitFor(async () => (await send(link.link_token, 3)).status === 201, { what: 'uploads to work again', timeoutMs: 20_000, intervalMs: 250 });
  });
});
