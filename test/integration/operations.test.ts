import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// What an operator of the server relies on: probes, request logs, graceful shutdown.

describe('health probes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('/healthz answers 200 while the process lives; /readyz 503 while the database refuses, 200 again after', async () => {
    const api = new ApiClient(t.url);
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    expect((await api.request('GET', '/readyz')).status).toBe(200);

    // Take the database away for real: refuse new connections and end the server's existing ones.
    const admin = await createTestDatabase();
    try {
      await admin.query(`alter database "${t.db.name}" allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [t.db.name]);
      const down = await api.request('GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ error_code: 'service_unavailable', detail: expect.any(String) });
      expect((await api.request('GET', '/healthz')).status).toBe(200);
      // An operator route says so too, in the documented shape, rather than a masked 500.
      const ws = await api.request('POST', '/v1/workspaces', { token: t.adminToken, json: { name: 'x' } });
      expect(ws.status).toBe(503);
      expect(ws.body.error_code).toBe('service_unavailable');
    } finally {
      await admin.query(`alter database "${t.db.name}" allow_connections true`);
      await admin.drop();
    }
    expect((await api.request('GET', '/readyz')).status).toBe(200);
  });
});

describe('request logs', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('writes one JSON line per request with a request id, echoed in X-Request-Id', async () => {
    const api = new ApiClient(t.url);
    const res = await api.request('GET', '/v1/openapi.json', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const lines = t.logs.filter((line) => (line['req'] as { id?: string } | undefined)?.id === 'trace-abc.123');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });

    const generated = await api.request('GET', '/healthz-nope');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs an API key, the admin token or a link token (also not in URLs)', async () => {
    const api = new ApiClient(t.url);
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);
    await api.upload(link.link_token, 'a,b\n1,2\n', { filename: 'x.csv', contentType: 'text/csv' });
    await api.request('GET', `/v1/${ws.id}/intake/links?token=${link.link_token}`, { token: ws.apiKey });
    await api.request('GET', `/upload/${link.link_token}`);
    const everything = JSON.stringify(t.logs);
    expect(everything).toContain('/upload/[redacted]/files');
    for (const secret of [ws.apiKey, t.adminToken, link.link_token]) expect(everything).not.toContain(secret);
  });
});

describe('graceful shutdown', () => {
  it('finishes an upload in flight before closing, and refuses new connections meanwhile', async () => {
    const t = await startTestServer();
    const api = new ApiClient(t.url);
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);

    // A body that arrives in two parts, with the shutdown in between.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode('name,amount\n'));
        await gate;
        controller.enqueue(new TextEncoder().encode('Ana,12\n'));
        controller.close();
      },
    });
    const inFlight = api.upload(link.link_token, body, { filename: 'late.csv', contentType: 'text/csv' });
    // The upload is in flight once its first bytes sit in the local driver's incoming folder.
    const incoming = path.join(t.dataDir, 'files', 'incoming');
    await waitFor(async () => (await readdir(incoming)).some((name) => name.endsWith('.part')), { what: 'the upload to be in flight' });
    const stopping = t.server.stop();
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    release();
    const res = await inFlight;
    expect(res.status).toBe(201);
    await stopping;
    const stored = await t.db.query('select filename from uploads');
    expect(stored).toEqual([{ filename: 'late.csv' }]);
    await t.db.drop();
  });
});
