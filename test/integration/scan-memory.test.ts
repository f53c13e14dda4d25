import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { listUploads } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';
import { startTestClamd, type TestClamd } from '../services/clamd.js';

const MIB = 1024 * 1024;
const LARGE = 104_857_600;
const ALLOWED_GROWTH = 40 * MIB;

describe('memory across scanning a 100 MB upload from local storage (the built server in its own process)', () => {
  let clamd: TestClamd;
  let built: BuiltServer;
  let server: ServerProcess;
  let adminToken: string;

  beforeAll(async () => {
    clamd = await startTestClamd();
    built = await startBuiltServer('scan-memory', clamd.env);
    ({ server, adminToken } = built);
  });

  afterAll(async () => {
    await built?.stop();
    await clamd?.dispose();
  });

  it('streams the object to clamd: scanning 100 MB costs about the same peak memory as 1 MB', async () => {
    const api = new ApiClient(server.url);
    const ws = await api.createWorkspace(adminToken);
    const link = await api.createLink(ws, { max_uploads: 100 });
    const uploadAndScan = async (size: number) => {
      const res = await sendRaw(server.url, {
        path: `/upload/${link.link_token}/files`,
        headers: { 'x-amigo-intake-filename': `${size}.csv`, 'x-amigo-intake-content-type': 'text/csv', 'content-length': String(size) },
        body: csvStream(size),
      });
      expect(res.status).toBe(201);
      const id = (res.json as { id: string }).id;
      await waitFor(async () => (await listUploads(api, ws, link.id)).find((u) => u.id === id)?.scan_status === 'clean', {
        what: `the ${size}-byte upload to be scanned clean`,
        timeoutMs: 120_000,
        intervalMs: 250,
      });
    };
    // Warm up as the upload memory test does (V8 grows its young generation over the first ~50 MB).
    for (let i = 0; i < 8; i++) await uploadAndScan(8 * MIB);
    await uploadAndScan(MIB);
    const afterSmall = await server.peakRssBytes();
    await uploadAndScan(LARGE);
    const growth = (await server.peakRssBytes()) - afterSmall;
    console.info(`scan memory: peak RSS grew ${(growth / MIB).toFixed(1)} MiB for a 100 MiB upload and scan`);
    expect(growth).toBeLessThan(ALLOWED_GROWTH);
  });
});
