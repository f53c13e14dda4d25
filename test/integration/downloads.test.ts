import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv, sampleDocx, samplePdf, samplePng } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { parseContentDisposition } from '../helpers/content-disposition.js';
import { sendRaw, type RawResponse } from '../helpers/raw-http.js';
import { deleteStoredObject, STORAGE_TARGETS, storageKeyOf } from '../helpers/storage-inspection.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, listUploads, UPLOAD_FIELDS } from '../helpers/upload-expectations.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function download(t: TestServer, ws: TestWorkspace, linkId: string, uploadId: string, token: string | null = ws.apiKey): Promise<RawResponse> {
  return sendRaw(t.url, {
    method: 'GET',
    path: `/v1/${ws.id}/intake/links/${linkId}/uploads/${uploadId}/download`,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
}

function expectFileHeaders(res: RawResponse, contentType: string, bytes: Buffer, filename: string): void {
  expect(res.status).toBe(200);
  expect(res.body.equals(bytes)).toBe(true);
  expect(res.headers['content-type']).toBe(contentType);
  expect(res.headers['content-length']).toBe(String(bytes.length));
  expect(res.headers['cache-control']).toBe('private, no-store');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  const disposition = parseContentDisposition(res.headers['content-disposition'] ?? '');
  expect(disposition.type).toBe('attachment');
  expect(disposition.filenameStar).toBe(filename);
  expect(disposition.filename).toMatch(/^[\x20-\x7e]+$/);
  expect(disposition.names).toEqual(['filename', 'filename*']);
}

describe.each(STORAGE_TARGETS)('GET .../uploads/{upload_id}/download on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let link: any;

  beforeAll(async () => {
    t = await startTestServer({ env: target.env() });
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken);
    link = await api.createLink(ws, { max_uploads: 100 });
  });
  afterAll(() => t.stop());

  it.each([
    ['text/csv', sampleCsv(), 'export.csv'],
    ['application/pdf', samplePdf(), 'scan.pdf'],
    ['image/png', samplePng(), 'photo.png'],
    [DOCX, sampleDocx(), 'letter.docx'],
  ])('streams a %s with exactly its bytes, its stored type (no charset added) and the documented headers', async (type, bytes, name) => {
    const uploaded = await api.upload(link.link_token, bytes, { filename: name, contentType: type });
    expect(uploaded.status).toBe(201);
    const res = await download(t, ws, link.id, uploaded.body.id);
    expectFileHeaders(res, type, bytes, name);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
  });

  it('encodes a name with non-ASCII, quotes, semicolons and percent signs per RFC 6266 / 5987', async () => {
    const name = 'Zoë "final"; v2 – 100% 日本.csv';
    const uploaded = await api.upload(link.link_token, sampleCsv(), { filename: encodeURIComponent(name), contentType: 'text/csv' });
    expect(uploaded.body.filename).toBe(name);
    const res = await download(t, ws, link.id, uploaded.body.id);
    expectFileHeaders(res, 'text/csv', sampleCsv(), name);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Zo_ _final_; v2 _ 100_ __.csv"; filename*=UTF-8''Zo%C3%AB%20%22final%22%3B%20v2%20%E2%80%93%20100%25%20%E6%97%A5%E6%9C%AC.csv`,
    );
  });

  it('keeps a stored name with CR, LF, quotes and backslashes inside the header (no injection)', async () => {
    const uploaded = await api.upload(link.link_token, samplePdf(), { filename: 'plain.pdf', contentType: 'application/pdf' });
    const evil = 'a"\\b\r\nSet-Cookie: session=stolen\r\n\r\n<b>x</b>\u2028\u0085\u001b.pdf';
    // The route refuses such names; a row written by other means must still not break the header.
    await t.db.query('update uploads set filename = $1 where id = $2', [evil, uploaded.body.id]);
    const res = await download(t, ws, link.id, uploaded.body.id);
    expectFileHeaders(res, 'application/pdf', samplePdf(), evil);
    expect(res.headers['set-cookie']).toBeUndefined();
    const names = res.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.filter((n) => n === 'content-disposition')).toHaveLength(1);
    for (const value of res.rawHeaders) expect(value).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('answers 404 when the stored object was deleted behind the server', async () => {
    const uploaded = await api.upload(link.link_token, samplePng(), { filename: 'gone.png', contentType: 'image/png' });
    await deleteStoredObject(t, await storageKeyOf(t, uploaded.body.id));
    const res = await download(t, ws, link.id, uploaded.body.id);
    expectError(res, 404, 'not_found');
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});

describe('download scope and auth', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let stranger: TestWorkspace;
  let link: any;
  let otherLink: any;
  let upload: any;

  beforeAll(async () => {
    t = await startTestServer();
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken, 'Owner');
    stranger = await api.createWorkspace(t.adminToken, 'Stranger');
    link = await api.createLink(ws);
    otherLink = await api.createLink(ws);
    upload = (await api.upload(link.link_token, samplePdf(), { filename: 'a.pdf', contentType: 'application/pdf' })).body;
  });
  afterAll(() => t.stop());

  it('answers 404 for an unknown link, an unknown upload, a malformed id, and an upload of another link', async () => {
    expectError(await download(t, ws, randomUUID(), upload.id), 404, 'not_found');
    expectError(await download(t, ws, link.id, randomUUID()), 404, 'not_found');
    expectError(await download(t, ws, link.id, 'not-a-uuid'), 404, 'not_found');
    expectError(await download(t, ws, otherLink.id, upload.id), 404, 'not_found');
  });

  it('answers 401 without a key or with an unknown one, and 403 with the key of another workspace', async () => {
    expectError(await download(t, ws, link.id, upload.id, null), 401, 'unauthorized');
    expectError(await download(t, ws, link.id, upload.id, `ilk_${'A'.repeat(43)}`), 401, 'unauthorized');
    expectError(await download(t, ws, link.id, upload.id, stranger.apiKey), 403, 'forbidden');
  });

  it('refuses HEAD (405, Allow: GET) and records no download for it', async () => {
    const path = `/v1/${ws.id}/intake/links/${link.id}/uploads/${upload.id}/download`;
    const head = await fetch(`${t.url}${path}`, { method: 'HEAD', headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect(head.headers.get('content-disposition')).toBeNull();
    const events = await t.db.query("select 1 from audit_events where type = 'upload.downloaded' and upload_id = $1", [upload.id]);
    expect(events).toHaveLength(0);
  });

  it('does not let another workspace reach the upload through its own path either', async () => {
    const res = await sendRaw(t.url, {
      method: 'GET',
      path: `/v1/${stranger.id}/intake/links/${link.id}/uploads/${upload.id}/download`,
      headers: { authorization: `Bearer ${stranger.apiKey}` },
    });
    expectError(res, 404, 'not_found');
  });

  it('lists the uploads of a link newest first, each exactly the upload object', async () => {
    const listLink = await api.createLink(ws);
    const ids: string[] = [];
    for (const [i, bytes] of [samplePdf(), samplePng(), sampleCsv()].entries()) {
      const type = ['application/pdf', 'image/png', 'text/csv'][i]!;
      const res = await api.upload(listLink.link_token, bytes, { filename: `f${i}`, contentType: type });
      ids.unshift(res.body.id);
    }
    const listed = await listUploads(api, ws, listLink.id);
    expect(listed.map((u) => u.id)).toEqual(ids);
    for (const item of listed) expect(Object.keys(item)).toEqual(UPLOAD_FIELDS);
    expect(listed.map((u) => u.received_at)).toEqual([...listed.map((u) => u.received_at)].sort().reverse());
    const res = await api.request('GET', `/v1/${ws.id}/intake/links/${listLink.id}/uploads`, { token: stranger.apiKey });
    expectError(res, 403, 'forbidden');
  });
});
