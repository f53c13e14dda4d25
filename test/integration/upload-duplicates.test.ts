import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { getHashed } from '../helpers/raw-http.js';
import { listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';

describe.each(STORAGE_TARGETS)('duplicate uploads on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestServer({ env: target.env() });
    api = new ApiClient(t.url);
  });
  afterAll(() => t.stop());

  it('accepts and stores every copy; each later copy names the earliest one of the workspace', async () => {
    const ws = await api.createWorkspace(t.adminToken, 'Dupes');
    const firstLink = await api.createLink(ws, { customer_slug: 'first' });
    const secondLink = await api.createLink(ws, { customer_slug: 'second' });
    const bytes = samplePdf();

    const original = await api.upload(firstLink.link_token, bytes, { filename: 'a.pdf', contentType: 'application/pdf' });
    const secondCopy = await api.upload(firstLink.link_token, bytes, { filename: 'again.pdf', contentType: 'application/pdf' });
    const thirdCopy = await api.upload(secondLink.link_token, bytes, { filename: 'other-link.pdf', contentType: 'application/pdf' });
    const unrelated = await api.upload(firstLink.link_token, samplePng(), { filename: 'b.png', contentType: 'image/png' });
    for (const res of [original, secondCopy, thirdCopy, unrelated]) expect(res.status).toBe(201);

    expect(original.body.duplicate_of).toBeNull();
    expect(unrelated.body.duplicate_of).toBeNull();
    const namesOriginal = { id: original.body.id, received_at: original.body.received_at };
    expect(secondCopy.body.duplicate_of).toEqual(namesOriginal);
    expect(thirdCopy.body.duplicate_of).toEqual(namesOriginal);
    for (const copy of [secondCopy, thirdCopy]) {
      expect(copy.body.id).not.toBe(original.body.id);
      expect(copy.body.sha256).toBe(sha256(bytes));
    }

    const listedFirst = await listUploads(api, ws, firstLink.id);
    expect(listedFirst.map((u) => [u.filename, u.duplicate_of])).toEqual([
      ['b.png', null],
      ['again.pdf', namesOriginal],
      ['a.pdf', null],
    ]);
    expect((await listUploads(api, ws, secondLink.id)).map((u) => u.duplicate_of)).toEqual([namesOriginal]);

    const keys = await listStoredKeys(t);
    for (const res of [original, secondCopy, thirdCopy]) {
      expect(keys).toContain(`uploads/${ws.id}/${res.body.id}`);
      const link = res === thirdCopy ? secondLink : firstLink;
      const download = await getHashed(t.url, `/v1/${ws.id}/intake/links/${link.id}/uploads/${res.body.id}/download`, {
        authorization: `Bearer ${ws.apiKey}`,
      });
      expect(download).toMatchObject({ status: 200, sha256: sha256(bytes), bytes: bytes.length });
    }
  });

  it('never names an upload of another workspace', async () => {
    const bytes = Buffer.concat([samplePdf(), Buffer.from('% another workspace\n')]);
    const wsA: TestWorkspace = await api.createWorkspace(t.adminToken, 'A');
    const wsB: TestWorkspace = await api.createWorkspace(t.adminToken, 'B');
    const inA = await api.upload((await api.createLink(wsA)).link_token, bytes, { filename: 'a.pdf', contentType: 'application/pdf' });
    const inB = await api.upload((await api.createLink(wsB)).link_token, bytes, { filename: 'a.pdf', contentType: 'application/pdf' });
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inA.body.sha256).toBe(inB.body.sha256);
    expect(inA.body.duplicate_of).toBeNull();
    expect(inB.body.duplicate_of).toBeNull();
  });

  it('names the same earliest upload when identical copies arrive together', async () => {
    const ws = await api.createWorkspace(t.adminToken, 'Together');
    const link = await api.createLink(ws);
    const bytes = Buffer.concat([samplePdf(), Buffer.from('% arriving together\n')]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.upload(link.link_token, bytes, { filename: `copy-${i}.pdf`, contentType: 'application/pdf' })),
    );
    for (const res of results) expect(res.status).toBe(201);
    const originals = results.filter((res) => res.body.duplicate_of === null);
    expect(originals).toHaveLength(1);
    const earliest = originals[0]!.body;
    for (const res of results) {
      if (res.body.id !== earliest.id) expect(res.body.duplicate_of).toEqual({ id: earliest.id, received_at: earliest.received_at });
      // The original is the earliest: no copy was received before the upload it names.
      expect(Date.parse(res.body.received_at)).toBeGreaterThanOrEqual(Date.parse(earliest.received_at));
    }
    const later = await api.upload(link.link_token, bytes, { filename: 'later.pdf', contentType: 'application/pdf' });
    expect(later.body.duplicate_of).toEqual({ id: earliest.id, received_at: earliest.received_at });
  });
});
