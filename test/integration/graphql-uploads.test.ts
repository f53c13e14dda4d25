import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { UPLOAD_FIELDS, uploadToIntakeLink, type MultipartFile } from '../helpers/graphql-multipart.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { sampleCsv, samplePdf, samplePng } from '../fixtures/sample-files.js';

// Uploads over GraphQL: the operator's `uploads` query and IntakeLink.uploads (newest first, the
// same objects REST lists), and the public multipart mutation `uploadToIntakeLink`, which must run
// the very pipeline of POST /upload/{token}/files: storage, checks, link state and the slot count.

const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const UPLOADS = `query Uploads($ws: ID!, $link: ID!) { uploads(workspaceId: $ws, linkId: $link) { ${UPLOAD_FIELDS} } }`;
const LINK_WITH_UPLOADS = `query Link($ws: ID!, $id: ID!) {
  intakeLink(workspaceId: $ws, id: $id) { uploadCount lastUploadAt uploads { ${UPLOAD_FIELDS} } }
}`;

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A REST upload object in GraphQL's vocabulary. */
function restUploadAsGraphQL(upload: any): Record<string, unknown> {
  return {
    id: upload.id,
    linkId: upload.link_id,
    customerSlug: upload.customer_slug,
    filename: upload.filename,
    contentType: upload.content_type,
    sha256: upload.sha256,
    sizeBytes: upload.size_bytes,
    receivedAt: upload.received_at,
    scanStatus: String(upload.scan_status).toUpperCase(),
    scanSignature: upload.scan_signature,
    scannedAt: upload.scanned_at,
    duplicateOf: upload.duplicate_of ? { id: upload.duplicate_of.id, receivedAt: upload.duplicate_of.received_at } : null,
  };
}

async function restUpload(linkToken: string, bytes: Buffer, filename: string, contentType: string): Promise<any> {
  const res = await api.upload(linkToken, bytes, { filename, contentType });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** The link's upload_count as stored. */
async function uploadCount(linkId: string): Promise<number> {
  const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [linkId]);
  return Number(row?.upload_count);
}

/** A CSV no other test uploads (so it is no duplicate). */
function uniqueCsv(): Buffer {
  return Buffer.from(`id,token\r\n1,${randomBytes(8).toString('hex')}\r\n`);
}

describe('the schema as issue 4 documents it', () => {
  it('has uploads(workspaceId, linkId, limit, cursor), uploadToIntakeLink(linkToken, file: File!) and the Upload fields', async () => {
    const res = await api.graphql(`{
      query: __type(name: "Query") { fields { name args { name type { kind name ofType { kind name } } } } }
      mutation: __type(name: "Mutation") { fields { name args { name type { kind name ofType { kind name } } } type { kind name ofType { name } } } }
      upload: __type(name: "Upload") { fields { name type { kind name ofType { name } } } }
      scan: __type(name: "ScanStatus") { enumValues { name } }
      duplicate: __type(name: "DuplicateReference") { fields { name } }
    }`);
    const data = res.body.data;
    const argsOf = (type: any, name: string) =>
      Object.fromEntries(type.fields.find((f: any) => f.name === name).args.map((a: any) => [a.name, `${a.type.ofType?.name ?? a.type.name}${a.type.kind === 'NON_NULL' ? '!' : ''}`]));
    expect(argsOf(data.query, 'uploads')).toEqual({ workspaceId: 'ID!', linkId: 'ID!', limit: 'Int', cursor: 'String' });
    expect(argsOf(data.mutation, 'uploadToIntakeLink')).toEqual({ linkToken: 'String!', file: 'File!' });
    const mutationType = data.mutation.fields.find((f: any) => f.name === 'uploadToIntakeLink').type;
    expect(mutationType).toEqual({ kind: 'NON_NULL', name: null, ofType: { name: 'Upload' } });
    expect(data.upload.fields.map((f: any) => f.name).sort()).toEqual(
      ['id', 'linkId', 'customerSlug', 'filename', 'contentType', 'sha256', 'sizeBytes', 'receivedAt', 'scanStatus', 'scanSignature', 'scannedAt', 'duplicateOf'].sort(),
    );
    expect(data.upload.fields.find((f: any) => f.name === 'duplicateOf').type).toEqual({ kind: 'OBJECT', name: 'DuplicateReference', ofType: null });
    expect(data.scan.enumValues.map((v: any) => v.name).sort()).toEqual(['CLEAN', 'INFECTED', 'PENDING', 'SKIPPED']);
    expect(data.duplicate.fields.map((f: any) => f.name).sort()).toEqual(['id', 'receivedAt']);
  });
});

describe('uploads and IntakeLink.uploads', () => {
  let link: any;
  const sent: { body: any; bytes: Buffer }[] = [];

  beforeAll(async () => {
    link = await api.createLink(ws, { customer_slug: 'listing' });
    const pdf = samplePdf();
    const csv = uniqueCsv();
    sent.push({ bytes: pdf, body: await restUpload(link.link_token, pdf, 'first.pdf', 'application/pdf') });
    sent.push({ bytes: csv, body: await restUpload(link.link_token, csv, 'second.csv', 'text/csv') });
    sent.push({ bytes: pdf, body: await restUpload(link.link_token, pdf, 'third.pdf', 'application/pdf') });
  });

  it('lists a link\'s uploads newest first with every field, scanStatus SKIPPED and the right SHA-256', async () => {
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    expect(res.body.errors).toBeUndefined();
    const uploads: any[] = res.body.data.uploads;
    expect(uploads.map((u) => u.filename)).toEqual(['third.pdf', 'second.csv', 'first.pdf']);
    const newestFirst = [...sent].reverse();
    uploads.forEach((upload, i) => {
      const { bytes } = newestFirst[i]!;
      expect(upload).toMatchObject({ linkId: link.id, customerSlug: 'listing', scanStatus: 'SKIPPED', sizeBytes: bytes.length, sha256: sha256(bytes) });
      expect(upload.receivedAt).toMatch(ISO_TIMESTAMP);
    });
  });

  it('names the earliest upload with the same content in duplicateOf, as an object', async () => {
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    const [third, second, first] = res.body.data.uploads;
    expect(third.duplicateOf).toEqual({ id: first.id, receivedAt: first.receivedAt });
    expect(second.duplicateOf).toBeNull();
    expect(first.duplicateOf).toBeNull();
  });

  it('agrees field by field with the REST listing and the REST upload responses', async () => {
    const graph = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    const rest = await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey });
    expect(graph.body.data.uploads).toEqual(rest.body.map(restUploadAsGraphQL));
    expect(graph.body.data.uploads).toEqual([...sent].reverse().map((s) => restUploadAsGraphQL(s.body)));
  });

  it('gives the same list through IntakeLink.uploads, with uploadCount and lastUploadAt following', async () => {
    const direct = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    const nested = await api.graphql(LINK_WITH_UPLOADS, { ws: ws.id, id: link.id }, ws.apiKey);
    expect(nested.body.errors).toBeUndefined();
    expect(nested.body.data.intakeLink.uploads).toEqual(direct.body.data.uploads);
    expect(nested.body.data.intakeLink.uploadCount).toBe(3);
    expect(nested.body.data.intakeLink.lastUploadAt).toBe(direct.body.data.uploads[0].receivedAt);
  });

  it('is an empty list for a link without uploads', async () => {
    const empty = await api.createLink(ws, { customer_slug: 'empty' });
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: empty.id }, ws.apiKey);
    expect(res.body).toEqual({ data: { uploads: [] } });
  });

  it.each([MISSING_ID, 'not-a-uuid'])('is NOT_FOUND for an unknown link (%s)', async (id) => {
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: id }, ws.apiKey);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]).toMatchObject({ path: ['uploads'], extensions: { code: 'NOT_FOUND', errorCode: 'not_found' } });
  });

  it('is NOT_FOUND for a link of another workspace asked for under the own one', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Other');
    const foreign = await api.createLink(other, { customer_slug: 'foreign' });
    await restUpload(foreign.link_token, uniqueCsv(), 'secret.csv', 'text/csv');
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: foreign.id }, ws.apiKey);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', errorCode: 'not_found' });
  });

  it('never names an upload of another workspace as the original of a duplicate', async () => {
    const other = await api.createWorkspace(t.adminToken, 'Elsewhere');
    const otherLink = await api.createLink(other, { customer_slug: 'elsewhere' });
    const csv = uniqueCsv();
    await restUpload(otherLink.link_token, csv, 'original.csv', 'text/csv');
    const mine = await api.createLink(ws, { customer_slug: 'mine' });
    await restUpload(mine.link_token, csv, 'copy.csv', 'text/csv');
    const res = await api.graphql(UPLOADS, { ws: ws.id, link: mine.id }, ws.apiKey);
    expect(res.body.data.uploads[0].duplicateOf).toBeNull();
  });
});

describe('uploadToIntakeLink (GraphQL multipart request, public)', () => {
  const pdf = (): MultipartFile => ({ bytes: samplePdf(), filename: 'scan.pdf', contentType: 'application/pdf' });

  it('stores a good file without an API key, and returns it as the listing shows it', async () => {
    const link = await api.createLink(ws, { customer_slug: 'multipart' });
    const csv = uniqueCsv();
    const res = await uploadToIntakeLink(api, link.link_token, { bytes: csv, filename: 'März Übersicht.csv', contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const upload = res.body.data.uploadToIntakeLink;
    expect(upload).toMatchObject({
      linkId: link.id,
      customerSlug: 'multipart',
      filename: 'März Übersicht.csv',
      contentType: 'text/csv',
      sha256: sha256(csv),
      sizeBytes: csv.length,
      scanStatus: 'SKIPPED',
      duplicateOf: null,
    });
    expect(upload.receivedAt).toMatch(ISO_TIMESTAMP);

    const listed = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    expect(listed.body.data.uploads).toEqual([upload]);
    const download = await fetch(`${t.url}/v1/${ws.id}/intake/links/${link.id}/uploads/${upload.id}/download`, {
      headers: { authorization: `Bearer ${ws.apiKey}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
    expect(await uploadCount(link.id)).toBe(1);
  });

  it('records the upload on the audit trail as a customer action, like the upload route', async () => {
    const link = await api.createLink(ws, { customer_slug: 'multipart-audit' });
    const res = await uploadToIntakeLink(api, link.link_token, pdf());
    const upload = res.body.data.uploadToIntakeLink;
    const events = await api.request('GET', `/v1/${ws.id}/audit-events?upload_id=${upload.id}`, { token: ws.apiKey });
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({
      type: 'upload.received',
      link_id: link.id,
      actor: { kind: 'customer', id: null },
      detail: { filename: 'scan.pdf', sha256: upload.sha256, size_bytes: upload.sizeBytes },
    });
  });

  it('strips path parts from the part\'s filename and marks a duplicate of an earlier upload', async () => {
    const link = await api.createLink(ws, { customer_slug: 'multipart-dup' });
    const bytes = uniqueCsv();
    const first = await restUpload(link.link_token, bytes, 'original.csv', 'text/csv');
    const res = await uploadToIntakeLink(api, link.link_token, { bytes, filename: 'C:\\Users\\jane/docs/again.csv', contentType: 'text/csv' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadToIntakeLink).toMatchObject({
      filename: 'again.csv',
      duplicateOf: { id: first.id, receivedAt: first.received_at },
    });
  });

  it('keeps a part\'s filename as written: no percent-decoding (that is only for the REST header)', async () => {
    const link = await api.createLink(ws, { customer_slug: 'multipart-percent' });
    const res = await uploadToIntakeLink(api, link.link_token, { bytes: uniqueCsv(), filename: 'report%20final 100%.csv', contentType: 'text/csv' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadToIntakeLink.filename).toBe('report%20final 100%.csv');
  });

  it('is refused by CSRF prevention without apollo-require-preflight, storing nothing', async () => {
    const link = await api.createLink(ws, { customer_slug: 'no-preflight' });
    const res = await uploadToIntakeLink(api, link.link_token, pdf(), { preflight: false });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', errorCode: 'bad_request' });
    expect(res.body.errors?.[0].message).toContain('apollo-require-preflight');
    expect(await uploadCount(link.id)).toBe(0);
    const listed = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    expect(listed.body.data.uploads).toEqual([]);
  });

  it.each([
    ['content that does not match the declared type', { bytes: samplePng(), filename: 'fake.pdf', contentType: 'application/pdf' }, 'BAD_USER_INPUT', 'content_type_mismatch'],
    ['a type that is not accepted', { bytes: sampleCsv(), filename: 'data.json', contentType: 'application/json' }, 'BAD_USER_INPUT', 'unsupported_content_type'],
    ['an empty file', { bytes: Buffer.alloc(0), filename: 'empty.csv', contentType: 'text/csv' }, 'BAD_USER_INPUT', 'empty_file'],
    ['a filename that is only a path', { bytes: samplePdf(), filename: 'docs/..', contentType: 'application/pdf' }, 'BAD_USER_INPUT', 'invalid_filename'],
  ])('refuses %s (%s / %s) and leaves upload_count unchanged', async (_label, file, code, errorCode) => {
    const link = await api.createLink(ws, { customer_slug: 'refusals' });
    const res = await uploadToIntakeLink(api, link.link_token, file as MultipartFile);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]).toMatchObject({ path: ['uploadToIntakeLink'], extensions: { code, errorCode } });
    expect(await uploadCount(link.id)).toBe(0);
    const listed = await api.graphql(UPLOADS, { ws: ws.id, link: link.id }, ws.apiKey);
    expect(listed.body.data.uploads).toEqual([]);
  });

  it('refuses a malformed token with invalid_link_token and an unknown one with NOT_FOUND / link_not_found', async () => {
    const malformed = await uploadToIntakeLink(api, 'not-a-token', pdf());
    expect(malformed.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'invalid_link_token' });
    const unknown = await uploadToIntakeLink(api, randomBytes(32).toString('base64url'), pdf());
    expect(unknown.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', errorCode: 'link_not_found' });
  });

  it('refuses a revoked link with NOT_FOUND / link_not_found', async () => {
    const link = await api.createLink(ws, { customer_slug: 'revoked' });
    expect((await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey })).status).toBe(204);
    const res = await uploadToIntakeLink(api, link.link_token, pdf());
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', errorCode: 'link_not_found' });
    expect(await uploadCount(link.id)).toBe(0);
  });

  it('refuses an expired link with errorCode link_expired', async () => {
    const link = await api.createLink(ws, { customer_slug: 'expired' });
    await t.db.query("update intake_links set expires_at = now() - interval '1 second' where id = $1", [link.id]);
    const res = await uploadToIntakeLink(api, link.link_token, pdf());
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'LINK_EXPIRED', errorCode: 'link_expired' });
    expect(await uploadCount(link.id)).toBe(0);
  });

  it('takes exactly max_uploads files, then refuses with upload_limit_reached without using a slot', async () => {
    const link = await api.createLink(ws, { customer_slug: 'exhausting', max_uploads: 2 });
    for (let i = 0; i < 2; i++) {
      const ok = await uploadToIntakeLink(api, link.link_token, { bytes: uniqueCsv(), filename: `f${i}.csv`, contentType: 'text/csv' });
      expect(ok.body.errors).toBeUndefined();
    }
    const res = await uploadToIntakeLink(api, link.link_token, { bytes: uniqueCsv(), filename: 'one-too-many.csv', contentType: 'text/csv' });
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'UPLOAD_LIMIT_REACHED', errorCode: 'upload_limit_reached' });
    expect(await uploadCount(link.id)).toBe(2);
    const state = await api.graphql(LINK_WITH_UPLOADS, { ws: ws.id, id: link.id }, ws.apiKey);
    expect(state.body.data.intakeLink.uploads.map((u: any) => u.filename)).toEqual(['f1.csv', 'f0.csv']);
  });

  it('refuses over GraphQL what the upload route refuses, with the same error code', async () => {
    const link = await api.createLink(ws, { customer_slug: 'same-pipeline' });
    const viaRest = await api.upload(link.link_token, samplePng(), { filename: 'fake.pdf', contentType: 'application/pdf' });
    const viaGraphQL = await uploadToIntakeLink(api, link.link_token, { bytes: samplePng(), filename: 'fake.pdf', contentType: 'application/pdf' });
    expect(viaRest.status).toBe(422);
    expect(viaGraphQL.body.errors?.[0].extensions.errorCode).toBe(viaRest.body.error_code);
  });
});
