import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';
import { runTusUpload } from '../helpers/tus-client.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';

// The server process is killed with SIGKILL in the middle of a tus upload and started again: HEAD
// says where the acknowledged bytes end, the client sends only the rest, and the stored file is
// byte-identical with the right SHA-256.

const started: ServerProcess[] = [];
let db: TestDatabase | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('tus across a server crash', () => {
  it('resumes after kill -9 and a restart, sending only the missing bytes', async () => {
    db = await createTestDatabase();
    dataDir = path.join(TEST_RUNS_DIR, `tus-restart-${randomBytes(6).toString('hex')}`);
    await mkdir(dataDir, { recursive: true });
    const adminToken = `test-admin-${randomBytes(24).toString('hex')}`;
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
      ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
    };
    const first = await startServerProcess(env);
    started.push(first);
    const api = new ApiClient(first.url);
    const ws = await api.createWorkspace(adminToken);
    const link = await api.createLink(ws);
    const file = Buffer.concat([samplePdf(), randomBytes(2_000_000)]);
    const metadata = { filename: 'train.pdf', filetype: 'application/pdf' };

    const before = await runTusUpload({ endpoint: `${first.url}/upload/${link.link_token}/tus`, file, metadata, chunkSize: 500_000, stopAfterBytes: 1_000_000 });
    expect(before.finished).toBe(false);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startServerProcess({ ...env, PORT: new URL(first.url).port });
    started.push(second);
    const after = await runTusUpload({ endpoint: `${second.url}/upload/${link.link_token}/tus`, uploadUrl: before.url as string, file, metadata, chunkSize: 500_000 });
    expect(after).toMatchObject({ finished: true, startedAt: 1_000_000 });

    const [upload] = await listUploads(new ApiClient(second.url), ws, link.id);
    expect(upload).toMatchObject({ filename: 'train.pdf', size_bytes: file.length, sha256: sha256(file) });
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
