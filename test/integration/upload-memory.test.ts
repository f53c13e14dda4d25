import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { HashingTap, sendRaw } from '../helpers/raw-http.js';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.js';
import type { ServerProcess } from '../helpers/server-process.js';

const MIB = 1024 * 1024;
const LARGE = 104_857_600;
const ALLOWED_GROWTH = 40 * MIB;

describe('memory across a 100 MB upload (the built server in its own process)', () => {
  let built: BuiltServer;
  let server: ServerProcess;
  let adminToken: string;
  const output = () => `${server.stderr()}\n${server.stdout()}`.slice(-8000);

  beforeAll(async () => {
    built = await startBuiltServer('memory');
    ({ server, adminToken } = built);
  });

  afterAll(() => built?.stop());

  it('costs about the same peak memory for 100 MB as for 1 MB', async () => {
    const { url } = server;
    const api = new ApiClient(url);
    const ws = await api.createWorkspace(adminToken);
    const link = await api.createLink(ws);
    const upload = async (size: number) => {
      const tap = new HashingTap();
      const res = await sendRaw(url, {
        path: `/upload/${link.link_token}/files`,
        headers: { 'x-amigo-intake-filename': `${size}.csv`, 'x-amigo-intake-content-type': 'text/csv', 'content-length': String(size) },
        body: csvStream(size).pipe(tap),
      });
      expect(res.status, `${res.status} ${res.body.toString()}\n${output()}`).toBe(201);
      expect(res.json).toMatchObject({ size_bytes: size, sha256: tap.digest() });
    };

    const cold = await server.peakRssBytes();
    await upload(MIB);
    const afterFirstSmall = await server.peakRssBytes();
    // A fresh V8 grows its young generation and compiles the hot paths over the first ~50 MB of
    // traffic, whatever the file sizes: warm up with small files (64 MiB in 8 MiB files) first, so
    // what is compared below is the cost of the file size alone.
    for (let i = 0; i < 8; i++) await upload(8 * MIB);
    await upload(MIB);
    const afterSmall = await server.peakRssBytes();
    await upload(LARGE);
    const afterLarge = await server.peakRssBytes();
    const growth = afterLarge - afterSmall;
    const mib = (bytes: number) => (bytes / MIB).toFixed(1);
    console.info(
      `memory: peak RSS ${mib(cold)} MiB at start, ${mib(afterFirstSmall)} MiB after the first 1 MiB upload, ` +
        `${mib(afterSmall)} MiB after 64 MiB of warm-up and a 1 MiB upload, ${mib(afterLarge)} MiB after a 100 MiB upload ` +
        `(100 MiB vs 1 MiB: +${mib(growth)} MiB; since the first upload: +${mib(afterLarge - afterFirstSmall)} MiB)`,
    );
    expect(growth).toBeLessThan(ALLOWED_GROWTH);
    // Even counted from a cold start, the server never came near holding the file.
    expect(afterLarge - afterFirstSmall).toBeLessThan(LARGE);
  });
});
