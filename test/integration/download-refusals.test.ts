import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { deleteStoredObject, storageKeyOf } from '../helpers/storage-inspection.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError } from '../helpers/upload-expectations.js';

// #13 defect 7: refused downloads of uploads that exist are on the owning workspace's trail.
describe('refused downloads are audited on the owning workspace', () => {
  let t: TestServer;
  let api: ApiClient;
  let owner: TestWorkspace;
  let other: TestWorkspace;
  let link: any;

  beforeAll(async () => {
    t = await startTestServer();
    api = new ApiClient(t.url);
    owner = await api.createWorkspace(t.adminToken, 'Owner');
    other = await api.createWorkspace(t.adminToken, 'Other');
    link = await api.createLink(owner, { max_uploads: 10 });
  });
  afterAll(() => t.stop());

  const downloadPath = (uploadId: string, linkId = link.id) => `/v1/${owner.id}/intake/links/${linkId}/uploads/${uploadId}/download`;
  const refusals = async (uploadId: string) => {
    const res = await api.request('GET', `/v1/${owner.id}/audit-events?upload_id=${uploadId}`, { token: owner.apiKey });
    return (res.body as any[]).filter((e) => e.type === 'upload.download_refused').map((e) => ({ actor: e.actor.kind, reason: e.detail.reason }));
  };

  it("another workspace's key: 403, and upload.download_refused (reason forbidden) on the owner's trail", async () => {
    const sent = await api.upload(link.link_token, Buffer.from('a,b\n'), { filename: 'a.csv', contentType: 'text/csv' });
    expectError(await api.request('GET', downloadPath(sent.body.id), { token: other.apiKey }), 403, 'forbidden');
    expect(await refusals(sent.body.id)).toEqual([{ actor: 'api_key', reason: 'forbidden' }]);
  });

  it('a missing object: 404, and upload.download_refused (reason not_found)', async () => {
    const sent = await api.upload(link.link_token, Buffer.from('c,d\n'), { filename: 'b.csv', contentType: 'text/csv' });
    await deleteStoredObject(t, await storageKeyOf(t, sent.body.id));
    expectError(await api.request('GET', downloadPath(sent.body.id), { token: owner.apiKey }), 404, 'not_found');
    expect(await refusals(sent.body.id)).toEqual([{ actor: 'api_key', reason: 'not_found' }]);
  });

  it('ids that exist nowhere leave no event', async () => {
    const ghost = randomUUID();
    expectError(await api.request('GET', downloadPath(ghost), { token: other.apiKey }), 403, 'forbidden');
    expectError(await api.request('GET', downloadPath(ghost), { token: owner.apiKey }), 404, 'not_found');
    const all = await api.request('GET', `/v1/${owner.id}/audit-events`, { token: owner.apiKey });
    expect((all.body as any[]).filter((e) => e.upload_id === ghost)).toEqual([]);
    const theirs = await api.request('GET', `/v1/${other.id}/audit-events`, { token: other.apiKey });
    expect((theirs.body as any[]).filter((e) => e.type === 'upload.download_refused')).toEqual([]);
  });
});
