import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream, largeCsv, pdfStream } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { getHashed, HashingTap, openRequest, sendRaw } from '../helpers/raw-http.js';
import { listIncompleteWrites, listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink, sha256 } from '../helpers/upload-expectations.js';

const MIB = 1024 * 1024;
const SMALL_LIMIT = MIB;
const DEFAULT_LIMIT = 104_857_600;

const csvHeaders = (extra: Record<string, string> = {}) => ({
  'x-amigo-intake-filename': 'export.csv',
  'x-amigo-intake-content-type': 'text/csv',
  ...extra,
});

describe.each(STORAGE_TARGETS)('MAX_UPLOAD_BYTES=1 MiB on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { ...target.env(), MAX_UPLOAD_BYTES: String(SMALL_LIMIT) } })));
  afterAll(() => t.stop());

  it('accepts exactly MAX_UPLOAD_BYTES, announced or chunked', async () => {
    const link = await api.createLink(ws);
    const bytes = largeCsv(SMALL_LIMIT);
    const announced = await api.upload(link.link_token, bytes, { filename: 'exact.csv', contentType: 'text/csv' });
    expect(announced.status, announced.text).toBe(201);
    expect(announced.body).toMatchObject({ size_bytes: SMALL_LIMIT, sha256: sha256(bytes) });

    const chunked = await sendRaw(t.url, { path: `/upload/${link.link_token}/files`, headers: csvHeaders(), body: csvStream(SMALL_LIMIT) });
    expect(chunked.status, chunked.body.toString()).toBe(201);
    expect(chunked.json.size_bytes).toBe(SMALL_LIMIT);
  });

  it('refuses one byte more with 413 file_too_large, announced or chunked, and keeps nothing', async () => {
    const link = await api.createLink(ws);
    const storedBefore = await listStoredKeys(t);

    const announced = await api.upload(link.link_token, largeCsv(SMALL_LIMIT + 1), { filename: 'over.csv', contentType: 'text/csv' });
    expectError(announced, 413, 'file_too_large');

    const chunked = await sendRaw(t.url, { path: `/upload/${link.link_token}/files`, headers: csvHeaders(), body: csvStream(SMALL_LIMIT + 1) });
    expectError(chunked, 413, 'file_too_large');

    const muchLarger = await sendRaw(t.url, { path: `/upload/${link.link_token}/files`, headers: csvHeaders(), body: csvStream(8 * SMALL_LIMIT) });
    expectError(muchLarger, 413, 'file_too_large');

    expect(await listStoredKeys(t)).toEqual(storedBefore);
    expect(await listIncompleteWrites(t)).toEqual([]);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);
  });

  it('answers 413 to an announced Content-Length over the limit before reading the body', async () => {
    const link = await api.createLink(ws);
    const open = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: csvHeaders({ 'content-length': String(10 * 1024 * MIB) }),
    });
    // A few bytes of a body announced as 10 GiB: the answer must come without the rest.
    open.req.write('id,name\r\n');
    const res = await open.response;
    open.req.destroy();
    expectError(res, 413, 'file_too_large');
    expect(res.headers['connection']).toBe('close');
    expect(await listIncompleteWrites(t)).toEqual([]);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);
  });
});

describe('the default limit (100 MiB) on local storage', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
  afterAll(() => t.stop());

  it('refuses 104857601 announced bytes at once', async () => {
    const link = await api.createLink(ws);
    const open = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'big.pdf', 'x-amigo-intake-content-type': 'application/pdf', 'content-length': String(DEFAULT_LIMIT + 1) },
    });
    open.req.write('%PDF-1.7\n');
    const res = await open.response;
    open.req.destroy();
    expectError(res, 413, 'file_too_large');
  });

  it('accepts a file of exactly 104857600 bytes, streamed, with the right SHA-256, and serves it back intact', async () => {
    const link = await api.createLink(ws);
    const sent = new HashingTap();
    const res = await sendRaw(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'large.pdf', 'x-amigo-intake-content-type': 'application/pdf', 'content-length': String(DEFAULT_LIMIT) },
      body: pdfStream(DEFAULT_LIMIT).pipe(sent),
    });
    expect(res.status, res.body.toString()).toBe(201);
    expect(sent.bytes).toBe(DEFAULT_LIMIT);
    expect(res.json).toMatchObject({ size_bytes: DEFAULT_LIMIT, sha256: sent.digest(), content_type: 'application/pdf' });

    const download = await getHashed(t.url, `/v1/${ws.id}/intake/links/${link.id}/uploads/${res.json.id}/download`, {
      authorization: `Bearer ${ws.apiKey}`,
    });
    expect(download).toMatchObject({ status: 200, bytes: DEFAULT_LIMIT, sha256: sent.digest() });
    expect(download.headers['content-length']).toBe(String(DEFAULT_LIMIT));
  });
});
