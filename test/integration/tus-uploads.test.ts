import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runTusUpload, tusFailure } from '../helpers/tus-client.js';
import { sha256 } from '../helpers/upload-expectations.js';

/** A PDF of about `bytes` (a real PDF head, then filler the magic-byte check does not read). */
function pdfOf(bytes: number): Buffer {
  const head = samplePdf();
  return Buffer.concat([head, randomBytes(Math.max(bytes - head.length, 0))]);
}

describe('tus uploads', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestServer({ env: { MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) } });
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken);
  });
  afterAll(() => t.stop());

  const endpoint = (token: string) => `${t.url}/upload/${token}/tus`;

  it('stores a file sent in several PATCHes like a raw-route upload', async () => {
    const link = await api.createLink(ws, { max_uploads: 3 });
    const file = pdfOf(700_000);
    const run = await runTusUpload({ endpoint: endpoint(link.link_token), file, metadata: { filename: 'scan.pdf', filetype: 'application/pdf' }, chunkSize: 200_000 });
    expect(run.finished).toBe(true);
    const uploads = await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey });
    console.log(JSON.stringify(uploads.body));
    expect(uploads.status).toBe(200);
  });
});
