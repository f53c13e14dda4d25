import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { startServerProcesses, type ServerProcesses } from '../helpers/server-processes.js';
import { runTusUpload } from '../helpers/tus-client.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';

// Each process hashes the PATCHes it receives (src/tus/arrival-digests.ts). Two processes on one
// DATA_DIR take turns on one upload: the one that finishes holds a digest of only part of the file,
// which must not be used; the stored SHA-256 is the whole file's.

let servers: ServerProcesses | undefined;
afterAll(async () => {
  await servers?.stop();
});

describe('a tus upload whose PATCHes reach two processes', () => {
  it('stores the SHA-256 of the whole file when the finishing process received only some of its bytes', async () => {
    servers = await startServerProcesses(2);
    const [first, second] = servers.processes as [ServerProcess, ServerProcess];
    const api = new ApiClient(first.url);
    const ws = await api.createWorkspace(servers.adminToken);
    const link = await api.createLink(ws);
    const file = Buffer.concat([samplePdf(), randomBytes(1_500_000)]);
    const expected = { filename: 'train.pdf', size_bytes: file.length, sha256: sha256(file) };
    const metadata = { filename: 'train.pdf', filetype: 'application/pdf' };
    const endpoint = (server: ServerProcess) => `${server.url}/upload/${link.link_token}/tus`;

    const onFirst = await runTusUpload({ endpoint: endpoint(first), file, metadata, chunkSize: 500_000, stopAfterBytes: 500_000 });
    expect(onFirst.finished).toBe(false);
    const url = onFirst.url as string;
    const onSecond = await runTusUpload({ endpoint: endpoint(second), uploadUrl: url.replace(first.url, second.url), file, metadata, chunkSize: 500_000, stopAfterBytes: 1_000_000 });
    expect(onSecond).toMatchObject({ finished: false, startedAt: 500_000 });
    const backOnFirst = await runTusUpload({ endpoint: endpoint(first), uploadUrl: url, file, metadata, chunkSize: 500_000 });
    expect(backOnFirst).toMatchObject({ finished: true, startedAt: 1_000_000 });

    const [upload] = await listUploads(api, ws, link.id);
    expect(upload).toMatchObject(expected);
    const download = await fetch(`${first.url}/v1/${ws.id}/intake/links/${link.id}/uploads/${upload!.id}/download`, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(expected.sha256);
  });
});
