import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng, sampleCsv } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { openRequest, sendRaw } from '../helpers/raw-http.js';
import { listIncompleteWrites, listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { CURL_FORM_TYPE, expectError, fetchLink, ISO_TIMESTAMP, sha256, UPLOAD_FIELDS } from '../helpers/upload-expectations.js';

const uploadPath = (token: string) => `/upload/${token}/files`;

describe.each(STORAGE_TARGETS)('POST /upload/{link_token}/files on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('answers 201 with exactly the upload object, stores the bytes under a server-made key and takes a slot', async () => {
    const link = await api.createLink(ws, { customer_slug: 'jane-doe', max_uploads: 3 });
    const bytes = samplePdf();
    const before = Date.now();
    const res = await api.upload(link.link_token, bytes, {
      filename: 'Scan of passport.pdf',
      contentType: 'application/pdf',
      headers: { 'content-type': CURL_FORM_TYPE },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(UPLOAD_FIELDS);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      link_id: link.id,
      customer_slug: 'jane-doe',
      filename: 'Scan of passport.pdf',
      content_type: 'application/pdf',
      sha256: sha256(bytes),
      size_bytes: bytes.length,
      received_at: expect.stringMatching(ISO_TIMESTAMP),
      scan_status: 'skipped',
      scan_signature: null,
      scanned_at: null,
      duplicate_of: null,
    });
    expect(Date.parse(res.body.received_at)).toBeGreaterThanOrEqual(before - 1000);

    expect(await listStoredKeys(t)).toContain(`uploads/${ws.id}/${res.body.id}`);
    expect(await listIncompleteWrites(t)).toEqual([]);
    const after = await fetchLink(api, ws, link.id);
    expect(after.upload_count).toBe(1);
    expect(after.last_upload_at).toBe(res.body.received_at);
  });

  it('never uses the filename in the storage key, whatever path it carries', async () => {
    const link = await api.createLink(ws);
    const res = await api.upload(link.link_token, samplePng(), { filename: '..%2F..%2F..%2Fetc%2Fpasswd.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body.filename).toBe('passwd.png');
    const keys = await listStoredKeys(t);
    for (const key of keys) expect(key).toMatch(/^uploads\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  });

  it('stores nothing and takes no slot for any refused upload', async () => {
    const link = await api.createLink(ws, { max_uploads: 5 });
    const storedBefore = await listStoredKeys(t);
    const refusals: Array<[Buffer, { filename?: string; contentType?: string }, number, string]> = [
      [samplePng(), { filename: 'x.pdf', contentType: 'application/pdf' }, 422, 'content_type_mismatch'],
      [samplePdf(), { filename: 'x.txt', contentType: 'text/plain' }, 422, 'unsupported_content_type'],
      [samplePdf(), { filename: '..', contentType: 'application/pdf' }, 422, 'invalid_filename'],
      [Buffer.alloc(0), { filename: 'empty.csv', contentType: 'text/csv' }, 422, 'empty_file'],
    ];
    for (const [bytes, file, status, code] of refusals) {
      expectError(await api.upload(link.link_token, bytes, file), status, code);
    }
    expect(await listStoredKeys(t)).toEqual(storedBefore);
    expect(await listIncompleteWrites(t)).toEqual([]);
    const after = await fetchLink(api, ws, link.id);
    expect(after.upload_count).toBe(0);
    expect(after.last_upload_at).toBeNull();
  });
});

describe('POST /upload/{link_token}/files: every documented status', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
  afterAll(() => t.stop());

  const pdf = { filename: 'a.pdf', contentType: 'application/pdf' };

  it.each(['abc', 'x'.repeat(42), 'x'.repeat(44), `${'x'.repeat(42)}.`, `${'x'.repeat(42)}=`])(
    'answers 400 invalid_link_token for the malformed token %j',
    async (token) => {
      expectError(await api.upload(token, samplePdf(), pdf), 400, 'invalid_link_token');
    },
  );

  it('answers 404 link_not_found for a well-formed token no link has', async () => {
    expectError(await api.upload(randomBytes(32).toString('base64url'), samplePdf(), pdf), 404, 'link_not_found');
  });

  it('answers 404 link_not_found for a revoked link', async () => {
    const link = await api.createLink(ws);
    expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey })).status).toBe(204);
    expectError(await api.upload(link.link_token, samplePdf(), pdf), 404, 'link_not_found');
  });

  it('answers 410 link_expired once expires_at has passed, judged before the file itself', async () => {
    const link = await api.createLink(ws);
    await t.db.query("update intake_links set expires_at = now() - interval '1 second' where id = $1", [link.id]);
    expectError(await api.upload(link.link_token, samplePdf(), pdf), 410, 'link_expired');
    expectError(await api.upload(link.link_token, samplePdf(), { filename: 'a.exe', contentType: 'application/x-msdownload' }), 410, 'link_expired');
  });

  it('answers 429 upload_limit_reached once the link is exhausted', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    expect((await api.upload(link.link_token, samplePdf(), pdf)).status).toBe(201);
    expectError(await api.upload(link.link_token, samplePng(), { filename: 'b.png', contentType: 'image/png' }), 429, 'upload_limit_reached');
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });

  it('answers 413 file_too_large as soon as the announced Content-Length is over the limit', async () => {
    const link = await api.createLink(ws);
    const open = openRequest(t.url, {
      path: uploadPath(link.link_token),
      headers: { 'content-length': String(104_857_601), 'x-amigo-intake-filename': 'big.pdf', 'x-amigo-intake-content-type': 'application/pdf' },
    });
    open.req.write(samplePdf().subarray(0, 16));
    const res = await open.response;
    open.req.destroy();
    expectError(res, 413, 'file_too_large');
  });

  it.each([
    ['a missing filename header', { contentType: 'application/pdf' }, 'invalid_filename'],
    ['an empty filename', { filename: '', contentType: 'application/pdf' }, 'invalid_filename'],
    ['a missing type header', { filename: 'a.pdf' }, 'unsupported_content_type'],
    ['a type outside the eight', { filename: 'a.txt', contentType: 'text/plain' }, 'unsupported_content_type'],
    ['application/octet-stream', { filename: 'a.pdf', contentType: 'application/octet-stream' }, 'unsupported_content_type'],
    ['bytes of another type', { filename: 'a.pdf', contentType: 'image/png' }, 'content_type_mismatch'],
  ])('answers 422 for %s', async (_name, file, code) => {
    const link = await api.createLink(ws);
    expectError(await api.upload(link.link_token, samplePdf(), file), 422, code);
  });

  it('answers 422 empty_file for an empty body, announced or chunked', async () => {
    const link = await api.createLink(ws);
    expectError(await api.upload(link.link_token, Buffer.alloc(0), pdf), 422, 'empty_file');
    const chunked = await sendRaw(t.url, {
      path: uploadPath(link.link_token),
      headers: { 'transfer-encoding': 'chunked', 'x-amigo-intake-filename': 'a.csv', 'x-amigo-intake-content-type': 'text/csv' },
      body: Buffer.alloc(0),
    });
    expectError(chunked, 422, 'empty_file');
  });

  // Except multipart/form-data, which carries one file part (see upload-multipart.test.ts).
  it('ignores the request Content-Type: the body is the raw file whatever it claims to be', async () => {
    const link = await api.createLink(ws);
    const csv = sampleCsv();
    for (const requestType of [CURL_FORM_TYPE, 'application/json', 'text/plain; charset=latin1']) {
      const res = await api.upload(link.link_token, csv, { filename: 'a.csv', contentType: 'text/csv', headers: { 'content-type': requestType } });
      expect(res.status, requestType).toBe(201);
      expect(res.body.sha256).toBe(sha256(csv));
      expect(res.body.size_bytes).toBe(csv.length);
    }
  });

  it('moves upload_count and last_upload_at with each accepted file and never with a refused one', async () => {
    const link = await api.createLink(ws, { max_uploads: 10 });
    const first = await api.upload(link.link_token, samplePdf(), pdf);
    expect(first.status).toBe(201);
    let shown = await fetchLink(api, ws, link.id);
    expect([shown.upload_count, shown.last_upload_at]).toEqual([1, first.body.received_at]);

    expectError(await api.upload(link.link_token, samplePng(), pdf), 422, 'content_type_mismatch');
    expectError(await api.upload(link.link_token, samplePdf(), { filename: '', contentType: 'application/pdf' }), 422, 'invalid_filename');
    expectError(await api.upload(link.link_token, Buffer.alloc(0), pdf), 422, 'empty_file');
    shown = await fetchLink(api, ws, link.id);
    expect([shown.upload_count, shown.last_upload_at]).toEqual([1, first.body.received_at]);

    const second = await api.upload(link.link_token, samplePng(), { filename: 'b.png', contentType: 'image/png' });
    expect(second.status).toBe(201);
    shown = await fetchLink(api, ws, link.id);
    expect([shown.upload_count, shown.last_upload_at]).toEqual([2, second.body.received_at]);
    expect(Date.parse(second.body.received_at)).toBeGreaterThanOrEqual(Date.parse(first.body.received_at));
  });
});

describe('POST /upload/{link_token}/files without storage', () => {
  let t: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestServer({ env: { STORAGE_DRIVER: 'none' } });
    api = new ApiClient(t.url);
  });
  afterAll(() => t.stop());

  it('answers 503 upload_service_not_configured for a valid link and uses no slot', async () => {
    const ws = await api.createWorkspace(t.adminToken);
    const link = await api.createLink(ws);
    expectError(await api.upload(link.link_token, samplePdf(), { filename: 'a.pdf', contentType: 'application/pdf' }), 503, 'upload_service_not_configured');
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);
  });
});
