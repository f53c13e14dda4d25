import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { openRequest } from '../helpers/raw-http.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// A customer whose connection stops sending (a laptop lid closed mid-upload) must not hold a
// connection and a partial file for an hour: after UPLOAD_IDLE_TIMEOUT_SECONDS the upload is cut.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { UPLOAD_IDLE_TIMEOUT_SECONDS: '1' } })));
afterAll(() => t.stop());

describe('a stalled upload', () => {
  it('is cut after the idle timeout: connection closed, partial file removed, no slot used', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const open = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'stalled.csv', 'x-amigo-intake-content-type': 'text/csv', 'content-length': '1000000' },
    });
    let closed = false;
    open.req.on('close', () => (closed = true));
    open.req.write('name,amount\n'.repeat(100));
    const incoming = path.join(t.dataDir, 'files', 'incoming');
    await waitFor(async () => (await readdir(incoming)).length > 0, { what: 'the partial file to appear' });

    // Nothing more is sent: the server must give up on its own.
    await waitFor(() => closed, { what: 'the server to close the stalled connection', timeoutMs: 20_000 });
    await waitFor(async () => (await readdir(incoming)).length === 0, { what: 'the partial file to be removed' });
    const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]);
    expect(row?.upload_count).toBe(0);

    // The one slot is still there for the retry.
    const retry = await api.upload(link.link_token, 'name,amount\nAna,1\n', { filename: 'stalled.csv', contentType: 'text/csv' });
    expect(retry.status).toBe(201);
  });

  it('is not cut while data keeps arriving, however slowly overall', async () => {
    const link = await api.createLink(ws);
    const open = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'slow.csv', 'x-amigo-intake-content-type': 'text/csv', 'content-length': String(12 * 10) },
    });
    // Ten parts 200 ms apart (a fifth of the idle window): two seconds in all, twice the timeout.
    for (let part = 0; part < 10; part++) {
      open.req.write('ab,cd\n'.repeat(2));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    open.req.end();
    expect((await open.response).status).toBe(201);
  });

  it('never cuts the answer of an upload whose body arrived, however long the commit takes', async () => {
    const link = await api.createLink(ws);
    // Hold the link's row for three idle windows, so the commit waits after the whole body is in.
    const blocker = await t.db.connect();
    await blocker.query('begin');
    await blocker.query('select 1 from intake_links where id = $1 for update', [link.id]);
    const upload = api.upload(link.link_token, 'name,amount\nAna,1\n', { filename: 'slow-commit.csv', contentType: 'text/csv' });
    await waitFor(async () => (await t.db.query("select 1 from pg_locks where locktype = 'transactionid' and not granted")).length > 0, {
      what: 'the commit to wait on the held row',
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await blocker.query('rollback');
    await blocker.end();
    expect((await upload).status).toBe(201);
  });

  it('is cut on the GraphQL multipart mutation too', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const boundary = 'stalled-boundary';
    const operations = JSON.stringify({
      query: 'mutation($t: String!, $f: File!) { uploadToIntakeLink(linkToken: $t, file: $f) { id } }',
      variables: { t: link.link_token, f: null },
    });
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="stalled.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      'name,amount\n'.repeat(100);
    const open = openRequest(t.url, {
      path: '/graphql',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true', 'content-length': '1000000' },
    });
    let closed = false;
    open.req.on('close', () => (closed = true));
    open.req.write(head);
    await waitFor(() => closed, { what: 'the server to close the stalled multipart upload', timeoutMs: 20_000 });
    const incoming = path.join(t.dataDir, 'files', 'incoming');
    await waitFor(async () => (await readdir(incoming)).length === 0, { what: 'no partial file to remain' });
    const [row] = await t.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]);
    expect(row?.upload_count).toBe(0);
  });
});
