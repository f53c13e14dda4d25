import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { graphqlMultipart, UPLOAD_TO_INTAKE_LINK, uploadToIntakeLink } from '../helpers/graphql-multipart.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { listIncompleteWrites, listStoredKeys } from '../helpers/storage-inspection.js';
import type { TestServer } from '../helpers/test-server.js';
import { largeCsv, sampleCsv } from '../fixtures/sample-files.js';

// Issue 13, defect 1: a GraphQL upload over MAX_UPLOAD_BYTES used to get no answer at all (the
// multipart parser's own limit unpiped the file stream, so our size check never saw an end), kept
// its file handle and left a partial file. Two files, or one File variable used twice, were
// answered as "body too large" or stored once and then a 500.

const MAX = 200_000;

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { MAX_UPLOAD_BYTES: String(MAX) } })));
afterAll(() => t.stop());

/** Fails the test (instead of hanging it) when the server never answers. */
function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000).unref()),
  ]);
}

async function uploadCount(linkId: string): Promise<number> {
  const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [linkId]);
  return Number(row?.upload_count);
}

describe('a GraphQL upload over MAX_UPLOAD_BYTES', () => {
  it('answers file_too_large at once, stores nothing and leaves no partial file', async () => {
    const link = await api.createLink(ws, { customer_slug: 'too-large' });
    const res = await withinSeconds(20, uploadToIntakeLink(api, link.link_token, { bytes: largeCsv(MAX + 1), filename: 'big.csv', contentType: 'text/csv' }));
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', errorCode: 'file_too_large' });
    expect(res.body.data ?? null).toBeNull();
    expect(await listStoredKeys(t)).toEqual([]);
    expect(await listIncompleteWrites(t)).toEqual([]);
    expect(await uploadCount(link.id)).toBe(0);
  });

  it('still takes a file of exactly MAX_UPLOAD_BYTES, and the server keeps answering after a refusal', async () => {
    const link = await api.createLink(ws, { customer_slug: 'exactly-max' });
    const res = await withinSeconds(20, uploadToIntakeLink(api, link.link_token, { bytes: largeCsv(MAX), filename: 'max.csv', contentType: 'text/csv' }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadToIntakeLink.sizeBytes).toBe(MAX);
  });
});

describe('one file per request', () => {
  it('refuses two files in one request with 400 too_many_files, storing nothing', async () => {
    const link = await api.createLink(ws, { customer_slug: 'two-files' });
    const before = await listStoredKeys(t);
    const query = `mutation Two($linkToken: String!, $a: File!, $b: File!) {
      a: uploadToIntakeLink(linkToken: $linkToken, file: $a) { id }
      b: uploadToIntakeLink(linkToken: $linkToken, file: $b) { id }
    }`;
    const file = { bytes: sampleCsv(), filename: 'a.csv', contentType: 'text/csv' };
    const res = await withinSeconds(20, graphqlMultipart(api, query, { linkToken: link.link_token }, { 'variables.a': file, 'variables.b': { ...file, filename: 'b.csv' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'too_many_files' });
    expect(await listStoredKeys(t)).toEqual(before);
    expect(await uploadCount(link.id)).toBe(0);
  });

  it('refuses one File variable used by two fields before anything is stored', async () => {
    const link = await api.createLink(ws, { customer_slug: 'file-used-twice' });
    const before = await listStoredKeys(t);
    const query = `mutation Twice($linkToken: String!, $file: File!) {
      a: uploadToIntakeLink(linkToken: $linkToken, file: $file) { id }
      b: uploadToIntakeLink(linkToken: $linkToken, file: $file) { id }
    }`;
    const res = await withinSeconds(20, graphqlMultipart(api, query, { linkToken: link.link_token }, { 'variables.file': { bytes: sampleCsv(), filename: 'a.csv', contentType: 'text/csv' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'too_many_files' });
    expect(res.body.data ?? null).toBeNull();
    expect(await listStoredKeys(t)).toEqual(before);
    expect(await uploadCount(link.id)).toBe(0);
  });

  it('still stores a single file sent the ordinary way', async () => {
    const link = await api.createLink(ws, { customer_slug: 'one-file' });
    const res = await graphqlMultipart(api, UPLOAD_TO_INTAKE_LINK, { linkToken: link.link_token }, { 'variables.file': { bytes: sampleCsv(), filename: 'one.csv', contentType: 'text/csv' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadToIntakeLink.filename).toBe('one.csv');
  });
});
