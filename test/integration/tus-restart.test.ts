import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { startServerProcesses, type ServerProcesses } from '../helpers/server-processes.js';
import { runTusUpload } from '../helpers/tus-client.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';

// The server process is killed with SIGKILL in the middle of a tus upload and started again: HEAD
// says where the acknowledged bytes end, the client sends only the rest, and the stored file is
// byte-identical with the right SHA-256.

let servers: ServerProcesses | undefined;
afterAll(async () => {
  await servers?.stop();
});

describe('tus across a server crash', () => {
  it('resumes after kill -9 and a restart, sending only the missing bytes', async () => {
    servers = await startServerProcesses(1);
    const [first] = servers.processes as [ServerProcess];
    const api = new ApiClient(first.url);
    const ws = await api.createWorkspace(servers.adminToken);
    const link = await api.createLink(ws);
    const file = Buffer.concat([samplePdf(), randomBytes(2_000_000)]);
    const metadata = { filename: 'train.pdf', filetype: 'application/pdf' };

    const before = await runTusUpload({ endpoint: `${first.url}/upload/${link.link_token}/tus`, file, metadata, chunkSize: 500_000, stopAfterBytes: 1_000_000 });
    expect(before.finished).toBe(false);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await servers.start({ PORT: new URL(first.url).port });
    const after = await runTusUpload({ endpoint: `${second.url}/upload/${link.link_token}/tus`, uploadUrl: before.url as string, file, metadata, chunkSize: 500_000 });
    expect(after).toMatchObject({ finished: true, startedAt: 1_000_000 });

    const [upload] = await listUploads(new ApiClient(second.url), ws, link.id);
    expect(upload).toMatchObject({ filename: 'train.pdf', size_bytes: file.length, sha256: sha256(file) });
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
