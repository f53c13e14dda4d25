import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';

// Issue #17: two PATCHes to one upload at once: the second is refused (423), the first goes on, and
// the file that arrives is exactly the bytes of the first.

const SIZE = 256 * 1024;

describe('two PATCHes to one tus upload at once', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;

  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
  afterAll(() => t.stop());

  it('refuses the second with 423 upload_locked while the first is still sending, and keeps the first whole', async () => {
    const link = await api.createLink(ws);
    const file = Buffer.concat([samplePdf(), randomBytes(SIZE - samplePdf().length)]);
    const metadata = `filename ${Buffer.from('scan.pdf').toString('base64')},filetype ${Buffer.from('application/pdf').toString('base64')}`;
    const created = await fetch(`${t.url}/upload/${link.link_token}/tus`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(SIZE), 'Upload-Metadata': metadata },
    });
    expect(created.status).toBe(201);
    const location = `${t.url}${created.headers.get('location')}`;

    // The first PATCH sends half its body, then waits.
    const first = httpRequest(location, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(SIZE) },
    });
    const firstAnswer = new Promise<IncomingMessage>((resolve, reject) => first.on('response', resolve).on('error', reject));
    first.write(file.subarray(0, SIZE / 2));
    // Until the server holds some of those bytes (asking with HEAD would itself contend for the upload).
    const partFile = path.join(t.dataDir, 'tus', location.slice(location.lastIndexOf('/') + 1));
    await waitFor(async () => ((await stat(partFile).catch(() => undefined))?.size ?? 0) > 0, { timeoutMs: 10_000, what: 'the first PATCH to arrive' });

    const second = await fetch(location, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: file,
    });
    expect(second.status).toBe(423);
    expect(await second.json()).toMatchObject({ error_code: 'upload_locked' });

    first.end(file.subarray(SIZE / 2));
    const answer = await firstAnswer;
    answer.resume();
    expect(answer.statusCode).toBe(204);
    expect(answer.headers['upload-offset']).toBe(String(SIZE));

    const uploads = await listUploads(api, ws, link.id);
    expect(uploads.map((upload: { sha256: string; size_bytes: number }) => [upload.sha256, upload.size_bytes])).toEqual([[sha256(file), SIZE]]);
  });
});
