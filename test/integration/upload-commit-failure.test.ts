import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink } from '../helpers/upload-expectations.js';

// The database fails while an upload's row is being committed. The object is already complete, and
// whether the commit landed cannot always be known; so the object is never deleted on the spot (that
// could leave a row without its object). No row exists, the slot is not used, and the orphan sweep
// removes the object once it is past the grace period.

const MINUTE = 60_000;

describe.each(STORAGE_TARGETS)('a database failure during the commit, on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('answers a masked 500, records nothing, uses no slot, and leaves the object to the sweep', async () => {
    const link = await api.createLink(ws);
    await t.db.query(`create function refuse_uploads() returns trigger language plpgsql as $$
      begin raise exception 'disk full (simulated)'; end; $$`);
    await t.db.query('create trigger refuse_uploads before insert on uploads for each row execute function refuse_uploads()');
    try {
      expectError(await api.upload(link.link_token, samplePdf(), { filename: 'lost.pdf', contentType: 'application/pdf' }), 500, 'internal_server_error');
    } finally {
      await t.db.query('drop trigger refuse_uploads on uploads');
    }
    expect(await t.db.query('select 1 from uploads')).toEqual([]);
    expect(await t.db.query("select 1 from audit_events where type = 'upload.received'")).toEqual([]);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);

    const [orphan] = await listStoredKeys(t);
    expect(orphan).toBeDefined();
    const sweep = t.server.container.jobs.orphanSweep!;
    expect((await sweep.runOnce(new Date(Date.now() + 16 * MINUTE))).orphanObjects).toBe(1);
    expect(await listStoredKeys(t)).toEqual([]);
  });
});
