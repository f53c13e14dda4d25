import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { HashingTap, sendRaw } from '../helpers/raw-http.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const DIST_MAIN = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main.js');
const MIB = 1024 * 1024;
const LARGE = 104_857_600;
const ALLOWED_GROWTH = 40 * MIB;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The peak resident set size of a process so far (VmHWM), in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

describe('memory across a 100 MB upload (the built server in its own process)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let child: ChildProcess;
  let exited: Promise<void>;
  let output = '';
  let url: string;
  const adminToken = randomBytes(32).toString('hex');

  beforeAll(async () => {
    if (!existsSync(DIST_MAIN)) throw new Error(`${DIST_MAIN} is missing: run \`npm run build\` first (npm test does)`);
    db = await createTestDatabase();
    dataDir = path.join(TEST_RUNS_DIR, `memory-${randomBytes(6).toString('hex')}`);
    await mkdir(dataDir, { recursive: true, mode: 0o755 });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [DIST_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        TMPDIR: process.env['TMPDIR'] ?? '/tmp',
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        ADMIN_TOKEN: adminToken,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
        ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
        return (await fetch(`${url}/healthz`)).ok;
      },
      { what: 'the built server to answer /healthz', timeoutMs: 30_000, intervalMs: 100 },
    );
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('costs about the same peak memory for 100 MB as for 1 MB', async () => {
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
      expect(res.status, `${res.status} ${res.body.toString()}\n${output}`).toBe(201);
      expect(res.json).toMatchObject({ size_bytes: size, sha256: tap.digest() });
    };

    const cold = await peakRss(child.pid!);
    await upload(MIB);
    const afterFirstSmall = await peakRss(child.pid!);
    // A fresh V8 grows its young generation and compiles the hot paths over the first ~50 MB of
    // traffic, whatever the file sizes: warm up with small files (64 MiB in 8 MiB files) first, so
    // what is compared below is the cost of the file size alone.
    for (let i = 0; i < 8; i++) await upload(8 * MIB);
    await upload(MIB);
    const afterSmall = await peakRss(child.pid!);
    await upload(LARGE);
    const afterLarge = await peakRss(child.pid!);
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
