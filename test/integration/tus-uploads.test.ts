import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { runTusUpload, tusFailure } from '../helpers/tus-client.js';
import { listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { expectError, fetchLink, listUploads, sha256 } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';

// tus 1.0.0 through tus-js-client 4 in Node, against the real server, database and local storage.

const MAX_BYTES = 4 * 1024 * 1024;
const PDF_META = { filename: 'scan.pdf', filetype: 'application/pdf' };

/** A PDF of `bytes` (a real PDF head, then filler the magic-byte check does not read). */
function pdfOf(bytes: number): Buffer {
  const head = samplePdf();
  return Buffer.concat([head, randomBytes(bytes - head.length)]);
}

/** tus metadata header value: comma-separated `key base64(value)`. */
function metadataHeader(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

describe('tus uploads', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;

  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { MAX_UPLOAD_BYTES: String(MAX_BYTES) } })));
  afterAll(() => t.stop());

  const endpoint = (token: string) => `${t.url}/upload/${token}/tus`;
  const tusFetch = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(url.startsWith('http') ? url : `${t.url}${url}`, { ...init, headers: { 'Tus-Resumable': '1.0.0', ...init.headers } });
  const create = (token: string, size: number, metadata: Record<string, string> = PDF_META) =>
    tusFetch(endpoint(token), { method: 'POST', headers: { 'Upload-Length': String(size), 'Upload-Metadata': metadataHeader(metadata) } });
  /** The files the part store holds for an upload (its bytes and its .json description). */
  const partsOf = async (uploadUrl: string) => {
    const id = uploadUrl.slice(uploadUrl.lastIndexOf('/') + 1);
    return (await readdir(path.join(t.dataDir, 'tus')).catch(() => [] as string[])).filter((name) => name.startsWith(id));
  };

  it('OPTIONS advertises tus 1.0.0, its extensions and MAX_UPLOAD_BYTES', async () => {
    const link = await api.createLink(ws);
    const res = await fetch(endpoint(link.link_token), { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('tus-version')).toBe('1.0.0');
    expect(res.headers.get('tus-max-size')).toBe(String(MAX_BYTES));
    expect(res.headers.get('tus-extension')).toBe('creation,creation-with-upload,creation-defer-length,termination,expiration');
  });

  it('stores a file sent in several PATCHes exactly as the raw route would, and audits it', async () => {
    const link = await api.createLink(ws, { max_uploads: 3 });
    const file = pdfOf(700_000);
    const run = await runTusUpload({ endpoint: endpoint(link.link_token), file, metadata: PDF_META, chunkSize: 200_000 });
    expect(run.finished).toBe(true);
    expect(run.url).toMatch(new RegExp(`/upload/${link.link_token}/tus/[0-9a-f-]{36}$`));
    const [upload] = await listUploads(api, ws, link.id);
    expect(upload).toMatchObject({ filename: 'scan.pdf', content_type: 'application/pdf', size_bytes: 700_000, sha256: sha256(file), duplicate_of: null });
    expect(run.lastResponse?.getHeader('Intake-Upload-Id')).toBe(upload.id);
    const download = await fetch(`${t.url}/v1/${ws.id}/intake/links/${link.id}/uploads/${upload.id}/download`, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(file));
    const audit = await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where type = 'upload.received' and upload_id = $1", [upload.id]);
    expect(audit.map((row) => row.detail['sha256'])).toEqual([sha256(file)]);
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 1, status: 'active' });
    expect(await partsOf(run.url as string)).toEqual([]);

    // The same bytes again, over tus: a duplicate of the first, as on the raw route.
    await runTusUpload({ endpoint: endpoint(link.link_token), file, metadata: { name: 'again.pdf', type: 'application/pdf' } });
    const [again] = await listUploads(api, ws, link.id);
    expect(again).toMatchObject({ filename: 'again.pdf', duplicate_of: { id: upload.id } });
  });

  it('keeps the bytes of a PATCH whose connection dropped, and the resume sends only the rest', async () => {
    const link = await api.createLink(ws);
    const file = pdfOf(600_000);
    const created = await create(link.link_token, file.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location') as string;
    expect(created.headers.get('upload-expires')).not.toBeNull();

    // A PATCH that sends 300 000 bytes, then its socket is destroyed (a train enters a tunnel).
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${t.url}${location}`, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(file.length) },
      });
      req.on('error', () => resolve());
      req.write(file.subarray(0, 300_000), () => setTimeout(() => req.destroy(), 300));
    });
    let held = 0;
    for (let attempt = 0; attempt < 100 && held < 300_000; attempt++) {
      const head = await tusFetch(location, { method: 'HEAD' });
      held = Number(head.headers.get('upload-offset'));
      if (held < 300_000) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(held).toBe(300_000);

    const run = await runTusUpload({ endpoint: endpoint(link.link_token), uploadUrl: `${t.url}${location}`, file, metadata: PDF_META });
    expect(run).toMatchObject({ finished: true, startedAt: 300_000 });
    const [upload] = await listUploads(api, ws, link.id);
    expect(upload).toMatchObject({ size_bytes: 600_000, sha256: sha256(file) });
  });

  it('refuses an upload larger than MAX_UPLOAD_BYTES at creation (413)', async () => {
    const link = await api.createLink(ws);
    const res = await create(link.link_token, MAX_BYTES + 1);
    expectError({ status: res.status, body: await res.json() }, 413, 'file_too_large');
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ status: 'active' });
  });

  it('refuses an unsupported type or a missing filename at creation (422)', async () => {
    const link = await api.createLink(ws);
    const wrongType = await create(link.link_token, 1000, { filename: 'x.exe', filetype: 'application/x-msdownload' });
    expectError({ status: wrongType.status, body: await wrongType.json() }, 422, 'unsupported_content_type');
    const noName = await create(link.link_token, 1000, { filetype: 'application/pdf' });
    const body = (await noName.json()) as { detail: string };
    expectError({ status: noName.status, body }, 422, 'invalid_filename');
    expect(body.detail).toBe('The Upload-Metadata key "filename" is required.');
  });

  it('ends an upload whose first bytes are not its declared type, and frees its slot and parts', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const png = Buffer.concat([samplePng(), randomBytes(200_000)]);
    const failure = await runTusUpload({ endpoint: endpoint(link.link_token), file: png, metadata: PDF_META, chunkSize: 100_000 }).then(
      () => undefined,
      tusFailure,
    );
    expect(failure?.status).toBe(422);
    expect(failure?.body).toMatchObject({ error_code: 'content_type_mismatch' });
    const [reservation] = await t.db.query('select id from upload_reservations where link_id = $1', [link.id]);
    expect(reservation).toBeUndefined();
    const stray = (await readdir(path.join(t.dataDir, 'tus'))).filter((name) => !name.endsWith('.json'));
    const held = await t.db.query<{ id: string }>('select id from upload_reservations');
    expect(stray.filter((name) => !held.some((row) => row.id === name))).toEqual([]);
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 0, status: 'active' });
    expect((await create(link.link_token, 1000)).status).toBe(201);
  });

  it('refuses a CSV with a binary byte past its head when its last PATCH arrives, as the raw route would, and frees its slot and parts', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const storedBefore = (await listStoredKeys(t)).length;
    const csv = Buffer.from('name,amount\n' + 'alice,12\n'.repeat(30_000));
    csv[150_000] = 0x00; // past the 64 KiB head the first-bytes check reads: only the whole-file check sees it
    const failure = await runTusUpload({ endpoint: endpoint(link.link_token), file: csv, metadata: { filename: 'a.csv', filetype: 'text/csv' }, chunkSize: 100_000 }).then(
      () => undefined,
      tusFailure,
    );
    expect(failure?.status).toBe(422);
    expect(failure?.body).toEqual({
      error_code: 'content_type_mismatch',
      detail: 'The file was declared as CSV (text/csv), but it contains binary data (a CSV file must be plain text).',
    });
    expect(await t.db.query('select id from upload_reservations where link_id = $1', [link.id])).toEqual([]);
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 0, status: 'active' });
    expect((await listStoredKeys(t)).length).toBe(storedBefore);
  });

  it('counts held slots: a full link refuses creation (429), and of 25 racing creations on 5 slots exactly 5 succeed', async () => {
    const link = await api.createLink(ws, { max_uploads: 5 });
    const statuses = await Promise.all(Array.from({ length: 25 }, () => create(link.link_token, 1000).then((res) => res.status)));
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 0, status: 'exhausted' });
    const refused = await create(link.link_token, 1000);
    expectError({ status: refused.status, body: await refused.json() }, 429, 'upload_limit_reached');
    // The raw route counts held slots too.
    const raw = await api.upload(link.link_token, samplePdf(), { filename: 'raw.pdf', contentType: 'application/pdf' });
    expectError(raw, 429, 'upload_limit_reached');
  });

  it('termination removes the parts and frees the slot', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const location = (await create(link.link_token, 1000)).headers.get('location') as string;
    expect((await create(link.link_token, 1000)).status).toBe(429);
    expect((await tusFetch(location, { method: 'DELETE' })).status).toBe(204);
    expect((await tusFetch(location, { method: 'HEAD' })).status).toBe(404);
    expect((await create(link.link_token, 1000)).status).toBe(201);
  });

  it('an upload is expired 24 hours after its last PATCH (410), and the sweep removes its parts and frees its slot', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const file = pdfOf(300_000);
    const run = await runTusUpload({ endpoint: endpoint(link.link_token), file, metadata: PDF_META, chunkSize: 100_000, stopAfterBytes: 100_000 });
    expect(run.finished).toBe(false);
    const patched = await t.db.query<{ expires_at: Date }>('select expires_at from upload_reservations where link_id = $1', [link.id]);
    const sinceLastPatch = patched[0]!.expires_at.getTime() - Date.now();
    expect(sinceLastPatch).toBeGreaterThan(23 * 3600_000);
    expect(sinceLastPatch).toBeLessThanOrEqual(24 * 3600_000);

    const swept = await t.server.container.jobs.tusExpirySweep(new Date(Date.now() + 23 * 3600_000));
    expect(swept).toBe(0);
    await t.db.query("update upload_reservations set expires_at = now() - interval '1 second' where link_id = $1", [link.id]);
    expect((await tusFetch(run.url as string, { method: 'HEAD' })).status).toBe(410);
    const gone = await tusFetch(run.url as string, {
      method: 'PATCH',
      headers: { 'Upload-Offset': '100000', 'Content-Type': 'application/offset+octet-stream' },
      body: file.subarray(100_000, 200_000),
    });
    expectError({ status: gone.status, body: await gone.json() }, 410, 'upload_expired');

    const id = (run.url as string).slice((run.url as string).lastIndexOf('/') + 1);
    expect((await partsOf(run.url as string)).sort()).toEqual([id, `${id}.json`]);
    expect(await t.server.container.jobs.tusExpirySweep()).toBe(1);
    expect(await partsOf(run.url as string)).toEqual([]);
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 0, status: 'active' });
    expect((await tusFetch(run.url as string, { method: 'HEAD' })).status).toBe(404);
  });

  it('a PATCH under way keeps its upload alive: the sweep never takes the parts from under it', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const file = pdfOf(300_000);
    const run = await runTusUpload({ endpoint: endpoint(link.link_token), file, metadata: PDF_META, chunkSize: 100_000, stopAfterBytes: 100_000 });
    const id = (run.url as string).slice((run.url as string).lastIndexOf('/') + 1);
    // Three seconds left when the next PATCH begins; it is still receiving when the sweep runs "ten seconds later".
    await t.db.query("update upload_reservations set expires_at = now() + interval '3 seconds' where link_id = $1", [link.id]);
    const uploadUrl = run.url as string;
    const patch = httpRequest(uploadUrl.startsWith('http') ? uploadUrl : `${t.url}${uploadUrl}`, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '100000', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': '100000' },
    });
    const answered = new Promise<{ status: number; offset: string | undefined }>((resolve, reject) => {
      patch.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, offset: res.headers['upload-offset'] as string | undefined });
      });
      patch.on('error', reject);
    });
    patch.write(file.subarray(100_000, 150_000));
    const partFile = path.join(t.dataDir, 'tus', id);
    await waitFor(async () => (await stat(partFile)).size > 100_000, { what: 'the PATCH writing its first bytes' });
    expect(await t.server.container.jobs.tusExpirySweep(new Date(Date.now() + 10_000))).toBe(0);
    patch.end(file.subarray(150_000, 200_000));
    expect(await answered).toEqual({ status: 204, offset: '200000' });
    const head = await tusFetch(run.url as string, { method: 'HEAD' });
    expect([head.status, head.headers.get('upload-offset')]).toEqual([200, '200000']);
    expect((await partsOf(run.url as string)).sort()).toEqual([id, `${id}.json`]);
  });

  it('a PATCH or HEAD proves the link: another link\'s token, an unknown or malformed id, a revoked link, an expired upload', async () => {
    const link = await api.createLink(ws);
    const other = await api.createLink(ws);
    const location = (await create(link.link_token, 1000)).headers.get('location') as string;
    const id = location.slice(location.lastIndexOf('/') + 1);
    const patch = (url: string) =>
      tusFetch(url, { method: 'PATCH', headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: Buffer.alloc(10) });
    const answer = async (res: Response) => [res.status, res.status === 204 ? null : ((await res.json()) as { error_code: string }).error_code];
    const onOther = `/upload/${other.link_token}/tus/${id}`;
    expect(await answer(await patch(onOther))).toEqual([404, 'not_found']);
    expect((await tusFetch(onOther, { method: 'HEAD' })).status).toBe(404);
    expect(await answer(await patch(`/upload/${link.link_token}/tus/00000000-0000-4000-8000-000000000000`))).toEqual([404, 'not_found']);
    expect(await answer(await patch(`/upload/${link.link_token}/tus/not-a-uuid`))).toEqual([404, 'not_found']);
    expect(await answer(await patch(`/upload/not-a-token/tus/${id}`))).toEqual([400, 'invalid_link_token']);
    await t.db.query("update upload_reservations set expires_at = now() - interval '1 second' where id = $1", [id]);
    expect(await answer(await patch(location))).toEqual([410, 'upload_expired']);
    // Refused requests moved nothing: the upload is still expired, its offset still 0.
    const [row] = await t.db.query<{ expired: boolean }>('select expires_at <= now() as expired from upload_reservations where id = $1', [id]);
    expect(row?.expired).toBe(true);
    await t.db.query("update upload_reservations set expires_at = now() + interval '1 hour' where id = $1", [id]);
    expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey })).status).toBeLessThan(300);
    expect(await answer(await patch(location))).toEqual([404, 'link_not_found']);
    const [after] = await t.db.query<{ within_hour: boolean }>("select expires_at <= now() + interval '1 hour' as within_hour from upload_reservations where id = $1", [id]);
    expect(after?.within_hour).toBe(true);
  });

  it('answers 404 for a revoked link, and 409 for a PATCH at the wrong offset', async () => {
    const link = await api.createLink(ws);
    const location = (await create(link.link_token, 1000)).headers.get('location') as string;
    const conflict = await tusFetch(location, {
      method: 'PATCH',
      headers: { 'Upload-Offset': '10', 'Content-Type': 'application/offset+octet-stream' },
      body: Buffer.alloc(10),
    });
    expectError({ status: conflict.status, body: await conflict.json() }, 409, 'upload_offset_conflict');
    expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey })).status).toBeLessThan(300);
    const revoked = await create(link.link_token, 1000);
    expectError({ status: revoked.status, body: await revoked.json() }, 404, 'link_not_found');
    const head = await tusFetch(location, { method: 'HEAD' });
    expect(head.status).toBe(404);
  });
});

describe.each(STORAGE_TARGETS)('a finished tus upload on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('becomes one stored object under the upload key, like a raw-route upload', async () => {
    const link = await api.createLink(ws);
    const file = pdfOf(400_000);
    await runTusUpload({ endpoint: `${t.url}/upload/${link.link_token}/tus`, file, metadata: PDF_META, chunkSize: 150_000 });
    const [upload] = await listUploads(api, ws, link.id);
    expect(upload).toMatchObject({ size_bytes: 400_000, sha256: sha256(file) });
    expect(await listStoredKeys(t)).toEqual([`uploads/${ws.id}/${upload.id}`]);
  });
});

describe('a tus upload whose finish fails after the last byte arrived', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
  afterAll(() => t.stop());

  it('is finished by the next HEAD once storage is back, so a client that sees offset = length is not lied to', async () => {
    const link = await api.createLink(ws);
    const file = pdfOf(300_000);
    const objects = path.join(t.dataDir, 'files', 'objects');
    // Storage breaks: objects/ is no longer a folder (as in storage-outage.test.ts).
    await rm(objects, { recursive: true, force: true });
    await writeFile(objects, 'not a folder');
    const failure = await runTusUpload({ endpoint: `${t.url}/upload/${link.link_token}/tus`, file, metadata: PDF_META, chunkSize: 100_000 }).then(
      () => undefined,
      tusFailure,
    );
    expect(failure).toMatchObject({ status: 502, body: { error_code: 'storage_unavailable' } });
    expect(await listUploads(api, ws, link.id)).toEqual([]);
    const [reservation] = await t.db.query<{ id: string }>('select id from upload_reservations where link_id = $1', [link.id]);
    const uploadUrl = `${t.url}/upload/${link.link_token}/tus/${reservation!.id}`;
    const stillBroken = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(stillBroken.status).toBe(502);

    await rm(objects, { force: true });
    await mkdir(objects);
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('300000');
    const [upload] = await listUploads(api, ws, link.id);
    expect(head.headers.get('intake-upload-id')).toBe(upload.id);
    expect(upload).toMatchObject({ size_bytes: 300_000, sha256: sha256(file) });
    expect(await fetchLink(api, ws, link.id)).toMatchObject({ upload_count: 1 });
  });
});
