import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv, samplePdf } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { openRequest, sendRaw } from '../helpers/raw-http.js';
import { listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { expectError, fetchLink, listUploads } from '../helpers/upload-expectations.js';

// `Idempotency-Key` on the raw upload route (contract-details.md): optional, 8-128 printable ASCII, per
// link, kept 24 hours. A retry after a success answers the first 201 body again with
// `Idempotent-Replayed: true` and stores nothing; while the first is in flight, 409.

const csv = (n: number) => Buffer.concat([sampleCsv(), Buffer.from(`${n},Retry ${n},Bern,1.00,\r\n`)]);
const CSV = { filename: 'tax-2026.csv', contentType: 'text/csv' };
const withKey = (key: string) => ({ ...CSV, headers: { 'idempotency-key': key } });

describe.each(STORAGE_TARGETS)('Idempotency-Key on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('answers a retry after success with the first 201 body and stores nothing, even when the link is now full', async () => {
    const link = await api.createLink(ws, { max_uploads: 1 });
    const first = await api.upload(link.link_token, csv(1), withKey('retry-0001'));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await api.upload(link.link_token, csv(1), withKey('retry-0001'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
    expect((await listUploads(api, ws, link.id)).map((u) => u.id)).toEqual([first.body.id]);
    expect(await t.db.query("select count(*)::int as n from audit_events where type = 'upload.received' and link_id = $1", [link.id])).toEqual([{ n: 1 }]);
    // Without the key, the full link refuses as before.
    expectError(await api.upload(link.link_token, csv(2), CSV), 429, 'upload_limit_reached');
  });

  it('keeps keys per link and apart from each other', async () => {
    const a = await api.createLink(ws);
    const b = await api.createLink(ws);
    const onA = await api.upload(a.link_token, csv(10), withKey('shared-key-1'));
    const onB = await api.upload(b.link_token, csv(11), withKey('shared-key-1'));
    const otherKey = await api.upload(a.link_token, csv(12), withKey('shared-key-2'));
    expect([onA.status, onB.status, otherKey.status]).toEqual([201, 201, 201]);
    expect(onB.headers.get('idempotent-replayed')).toBeNull();
    expect(otherKey.headers.get('idempotent-replayed')).toBeNull();
    expect(new Set([onA.body.id, onB.body.id, otherKey.body.id]).size).toBe(3);
  });

  it.each([
    ['7 characters', 'short-7'],
    ['129 characters', 'k'.repeat(129)],
    ['a non-ASCII character', 'clé-de-reprise'],
    ['a tab', 'retry\tkey-01'],
  ])('refuses a key of %s with 422 validation_error, before storing anything', async (_label, key) => {
    const link = await api.createLink(ws);
    const before = await listStoredKeys(t);
    const res = await sendRaw(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'a.csv', 'x-amigo-intake-content-type': 'text/csv', 'idempotency-key': Buffer.from(key, 'utf8').toString('latin1') },
      body: csv(20),
    });
    expectError(res, 422, 'validation_error');
    expect(await listStoredKeys(t)).toEqual(before);
  });

  it('accepts the shortest and longest keys (8 and 128 characters)', async () => {
    const link = await api.createLink(ws);
    expect((await api.upload(link.link_token, csv(21), withKey('12345678'))).status).toBe(201);
    expect((await api.upload(link.link_token, csv(22), withKey('~'.repeat(128)))).status).toBe(201);
  });

  it('refuses a repeated Idempotency-Key header with 422', async () => {
    const link = await api.createLink(ws);
    const res = await sendRaw(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'a.csv', 'x-amigo-intake-content-type': 'text/csv', 'idempotency-key': ['first-key-1', 'second-key-2'] },
      body: csv(23),
    });
    expectError(res, 422, 'validation_error');
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);
  });

  it('answers 409 idempotency_in_progress while the first attempt is still sending, then replays it', async () => {
    const link = await api.createLink(ws);
    const body = csv(30);
    const first = openRequest(t.url, {
      path: `/upload/${link.link_token}/files`,
      headers: { 'x-amigo-intake-filename': 'slow.csv', 'x-amigo-intake-content-type': 'text/csv', 'idempotency-key': 'slow-key-01', 'content-length': body.length },
    });
    first.req.write(body.subarray(0, 10));
    await waitFor(async () => (await t.db.query('select 1 from upload_idempotency_keys where link_id = $1', [link.id])).length === 1, { what: 'the first attempt to claim its key' });

    expectError(await api.upload(link.link_token, csv(30), withKey('slow-key-01')), 409, 'idempotency_in_progress');

    first.req.end(body.subarray(10));
    const answered = await first.response;
    expect(answered.status).toBe(201);
    const replay = await api.upload(link.link_token, csv(30), withKey('slow-key-01'));
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(answered.json);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });

  it('releases the key when the first attempt is refused, so a corrected retry is stored', async () => {
    const link = await api.createLink(ws);
    expectError(await api.upload(link.link_token, samplePdf(), withKey('fix-and-retry')), 422, 'content_type_mismatch');
    const retry = await api.upload(link.link_token, csv(40), withKey('fix-and-retry'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });

  it('after an ambiguous commit (the upload committed, its answer was never recorded) answers the stored upload', async () => {
    const link = await api.createLink(ws);
    // The answer is lost after COMMIT: the key's completion fails, as it would with the database gone.
    await t.db.query(`create function lose_answer() returns trigger language plpgsql as $$
      begin if new.response is not null then raise exception 'connection lost (simulated)'; end if; return new; end; $$`);
    await t.db.query('create trigger lose_answer before update on upload_idempotency_keys for each row execute function lose_answer()');
    let first;
    try {
      first = await api.upload(link.link_token, csv(50), withKey('ambiguous-1'));
    } finally {
      await t.db.query('drop trigger lose_answer on upload_idempotency_keys; drop function lose_answer()');
    }
    expect(first.status).toBe(201);
    const retry = await api.upload(link.link_token, csv(50), withKey('ambiguous-1'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
    expect(await listUploads(api, ws, link.id)).toHaveLength(1);
  });

  it('lets a retry take over a claim whose attempt died (no heartbeat for a minute, no upload)', async () => {
    const link = await api.createLink(ws);
    await t.db.query(
      `insert into upload_idempotency_keys (link_id, idempotency_key, upload_id, response, created_at, heartbeat_at)
       values ($1, 'dead-attempt', gen_random_uuid(), null, now() - interval '2 minutes', now() - interval '1 minute')`,
      [link.id],
    );
    const retry = await api.upload(link.link_token, csv(60), withKey('dead-attempt'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });

  it('forgets a key after 24 hours: the same key then stores a new upload', async () => {
    const link = await api.createLink(ws);
    const first = await api.upload(link.link_token, csv(70), withKey('day-old-key'));
    expect(first.status).toBe(201);
    await t.db.query("update upload_idempotency_keys set created_at = now() - interval '24 hours 1 minute' where link_id = $1", [link.id]);
    const later = await api.upload(link.link_token, csv(71), withKey('day-old-key'));
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.id).not.toBe(first.body.id);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(2);
  });

  it('lets exactly one of ten simultaneous requests with one key store the file', async () => {
    const link = await api.createLink(ws);
    const results = await Promise.all(Array.from({ length: 10 }, () => api.upload(link.link_token, csv(80), withKey('burst-key-1'))));
    const stored = results.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === null);
    const others = results.filter((res) => !stored.includes(res));
    expect(stored).toHaveLength(1);
    for (const res of others) {
      if (res.status === 201) expect(res.body).toEqual(stored[0]!.body);
      else expectError(res, 409, 'idempotency_in_progress');
    }
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(1);
  });
});
