import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { openRequest } from '../helpers/raw-http.js';
import { listIncompleteWrites, listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { expectError, fetchLink, listUploads } from '../helpers/upload-expectations.js';

/** A small CSV, different for every n (so no two files are duplicates of each other). */
const csvNumber = (n: number) => Buffer.concat([sampleCsv(), Buffer.from(`${n},Concurrent ${n},Bern,1.00,\r\n`)]);

describe.each(STORAGE_TARGETS)('concurrent uploads on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('lets exactly the remaining 5 of 25 simultaneous uploads in; the other 20 get 429 upload_limit_reached', async () => {
    const link = await api.createLink(ws, { max_uploads: 7 });
    for (const n of [1, 2]) expect((await api.upload(link.link_token, csvNumber(n), { filename: `${n}.csv`, contentType: 'text/csv' })).status).toBe(201);
    const keysBefore = await listStoredKeys(t);
    expect(keysBefore).toHaveLength(2);

    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => api.upload(link.link_token, csvNumber(100 + i), { filename: `c${i}.csv`, contentType: 'text/csv' })),
    );
    const accepted = results.filter((res) => res.status === 201);
    const refused = results.filter((res) => res.status !== 201);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(20);
    for (const res of refused) expectError(res, 429, 'upload_limit_reached');

    const shown = await fetchLink(api, ws, link.id);
    expect(shown.upload_count).toBe(7);
    expect(shown.max_uploads).toBe(7);
    expect(shown.status).toBe('exhausted');
    const listed = await listUploads(api, ws, link.id);
    expect(listed).toHaveLength(7);
    const keysAfter = await listStoredKeys(t);
    expect(keysAfter).toHaveLength(7);
    expect(keysAfter).toEqual([...keysBefore, ...accepted.map((res) => `uploads/${ws.id}/${res.body.id}`)].sort());
    expect(await listIncompleteWrites(t)).toEqual([]);
  });

  it('takes no slot and keeps no object for a client that hangs up mid-upload', async () => {
    const link = await api.createLink(ws, { max_uploads: 3 });
    const keysBefore = await listStoredKeys(t);
    const total = 2 * 1024 * 1024;
    const open = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'content-length': String(total), 'x-amigo-intake-filename': 'cut.csv', 'x-amigo-intake-content-type': 'text/csv' },
    });
    // 256 KiB: past the 64 KiB the server holds back for the type check, so bytes have reached storage.
    const partial = Buffer.from('id,name\r\n'.padEnd(256 * 1024, 'x'));
    await new Promise<void>((resolve, reject) => open.req.write(partial, (error) => (error ? reject(error) : resolve())));
    if (target.name === 'local') {
      await waitFor(async () => (await listIncompleteWrites(t)).length === 1, { what: 'the partial write to start on disk' });
    }
    open.req.destroy();

    await waitFor(() => t.logs.some((line) => line['errorCode'] === 'upload_incomplete'), { what: 'the server to record the interrupted upload' });
    await waitFor(async () => (await listIncompleteWrites(t)).length === 0, { what: 'the partial write to be removed' });
    expect(open.responded()).toBe(false);
    expect(await listStoredKeys(t)).toEqual(keysBefore);
    const shown = await fetchLink(api, ws, link.id);
    expect([shown.upload_count, shown.last_upload_at]).toEqual([0, null]);
    expect(await listUploads(api, ws, link.id)).toEqual([]);

    // The slot is still there for the customer's next try.
    const retry = await api.upload(link.link_token, csvNumber(9), { filename: 'cut.csv', contentType: 'text/csv' });
    expect(retry.status).toBe(201);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });
});
