import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeCsv } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { getHashed, openRequest, type OpenRequest } from '../helpers/raw-http.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { listIncompleteWrites, listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { startTestServer, TEST_RUNS_DIR, type TestServer } from '../helpers/test-server.js';
import { sha256 } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';

// kill -9 of the built server (node dist/main.js) while uploads of several sizes are half sent, then a
// restart on the same database, data folder or bucket. What must hold afterwards: no row without its
// object, no object without its row (nothing half-written is visible), the slot count equals the rows,
// every upload that got a 201 downloads with its bytes, the part files are swept, and a retry with the
// same Idempotency-Key stores exactly once.

const KIB = 1024;
const MIB = 1024 * KIB;
/** Uploads answered 201 before the crash: [name, size]. */
const COMPLETED: [string, number][] = [['small.csv', 3 * KIB], ['medium.csv', 300 * KIB], ['large.csv', 3 * MIB]];
/** Uploads the crash interrupts: [idempotency key, total size, bytes sent before the kill]. */
const IN_FLIGHT: [string, number, number][] = [
  ['crash-before-64k', 200 * KIB, 10 * KIB], // still inside the held-back first 64 KiB
  ['crash-at-1mib-of-4', 4 * MIB, 1 * MIB],
  ['crash-at-6mib-of-8', 8 * MIB, 6 * MIB],
];
// `npm run test:stress` adds 5 more interrupted uploads at pseudo-random sizes and points (fixed seed).
const STRESS = process.env['INTAKE_STRESS'] === '1';
if (STRESS) {
  let state = 0x13c0ffee;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0), state / 2 ** 32);
  for (let i = 0; i < 5; i++) {
    const size = 100 * KIB + Math.floor(next() * 12 * MIB);
    IN_FLIGHT.push([`crash-random-${i}`, size, 1 + Math.floor(next() * (size - 1))]);
  }
}
const csvOf = (size: number, salt: string) => {
  const bytes = largeCsv(size);
  bytes.write(salt.padEnd(16, '-'), bytes.length - 20, 'latin1'); // distinct content per file (no duplicates)
  return bytes;
};

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe.each(STORAGE_TARGETS)('kill -9 mid-upload on $name storage', (target) => {
  it('restarts with rows and objects matching, slots exact, 201s intact, part files swept and keyed retries stored once', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = path.join(TEST_RUNS_DIR, `crash-${randomBytes(6).toString('hex')}`);
    await mkdir(dataDir, { recursive: true });
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storageEnv = target.env(); // one bucket for both lives of the server
    const adminToken = `test-admin-${randomBytes(24).toString('hex')}`;

    const doomed: ServerProcess = await startServerProcess({
      DATABASE_URL: db.url, DATA_DIR: dataDir, ADMIN_TOKEN: adminToken, RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0', ...storageEnv,
    });
    cleanups.push(async () => {
      if (doomed.child.exitCode === null && doomed.child.signalCode === null) doomed.child.kill('SIGKILL');
      await doomed.exited;
    });
    const before = new ApiClient(doomed.url);
    const ws = await before.createWorkspace(adminToken);
    const link = await before.createLink(ws, { max_uploads: 20 });

    const stored = new Map<string, string>(); // upload id -> sha256 of what was sent
    for (const [name, size] of COMPLETED) {
      const bytes = csvOf(size, name);
      const res = await before.upload(link.link_token, bytes, { filename: name, contentType: 'text/csv', headers: { 'idempotency-key': `done-${name}` } });
      expect(res.status, res.text).toBe(201);
      stored.set(res.body.id, sha256(bytes));
    }

    const bodies = new Map<string, Buffer>();
    const open: OpenRequest[] = [];
    for (const [key, size, sent] of IN_FLIGHT) {
      const bytes = csvOf(size, key);
      bodies.set(key, bytes);
      const req = openRequest(doomed.url, {
        path: `/upload/${link.link_token}/files`,
        headers: { 'x-amigo-intake-filename': `${key}.csv`, 'x-amigo-intake-content-type': 'text/csv', 'idempotency-key': key, 'content-length': size },
      });
      req.req.on('error', () => undefined); // the server dies under it
      req.req.write(bytes.subarray(0, sent));
      open.push(req);
    }
    await waitFor(async () => (await db.query("select 1 from upload_idempotency_keys where idempotency_key like 'crash-%'")).length === IN_FLIGHT.length, {
      what: 'every interrupted upload to have claimed its key',
    });
    // Let the sent bytes reach storage (part files on disk, resumable sessions on GCS) before the kill.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    for (const req of open) expect(req.responded()).toBe(false);

    // The restart: the same code as dist/main.js, in this process so the test can run the sweep.
    const t: TestServer = await startTestServer({ db, env: { DATA_DIR: dataDir, ...storageEnv } });
    cleanups.push(() => t.stop());
    const api = new ApiClient(t.url);

    const rows = await db.query<{ id: string; storage_key: string }>('select id, storage_key from uploads where link_id = $1 order by id', [link.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([...stored.keys()].sort());
    const [counts] = await db.query<{ upload_count: number; reserved_uploads: number }>('select upload_count, reserved_uploads from intake_links where id = $1', [link.id]);
    expect(counts).toEqual({ upload_count: 3, reserved_uploads: 0 });
    // Nothing half-written is visible: the objects are exactly the rows' objects.
    expect(await listStoredKeys(t)).toEqual(rows.map((r) => r.storage_key).sort());
    for (const [id, digest] of stored) {
      const download = await getHashed(t.url, `/v1/${ws.id}/intake/links/${link.id}/uploads/${id}/download`, { authorization: `Bearer ${ws.apiKey}` });
      expect({ status: download.status, sha256: download.sha256 }).toEqual({ status: 200, sha256: digest });
    }

    // The sweep (run as if its 15-minute grace has passed) removes the part files and no object.
    const swept = await t.server.container.jobs.orphanSweep!.runOnce(new Date(Date.now() + 20 * 60_000));
    expect(swept.orphanObjects).toBe(0);
    // Local part files were there to sweep (GCS keeps unfinished resumable sessions out of sight).
    expect(swept.incompleteWrites > 0).toBe(target.name === 'local');
    expect(await listIncompleteWrites(t)).toEqual([]);
    expect(await listStoredKeys(t)).toEqual(rows.map((r) => r.storage_key).sort());

    // A retry right away finds the dead attempt's claim still fresh: 409, nothing stored.
    const [firstKey] = IN_FLIGHT[0]!;
    const early = await api.upload(link.link_token, bodies.get(firstKey)!, { filename: `${firstKey}.csv`, contentType: 'text/csv', headers: { 'idempotency-key': firstKey } });
    expect({ status: early.status, code: early.body.error_code }).toEqual({ status: 409, code: 'idempotency_in_progress' });
    // Once the dead claims' heartbeats are a minute old (moved back here instead of waiting), the retries run.
    await db.query("update upload_idempotency_keys set heartbeat_at = heartbeat_at - interval '1 minute' where idempotency_key like 'crash-%'");
    for (const [key] of IN_FLIGHT) {
      const bytes = bodies.get(key)!;
      const retry = await api.upload(link.link_token, bytes, { filename: `${key}.csv`, contentType: 'text/csv', headers: { 'idempotency-key': key } });
      expect(retry.status, retry.text).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      const again = await api.upload(link.link_token, bytes, { filename: `${key}.csv`, contentType: 'text/csv', headers: { 'idempotency-key': key } });
      expect({ status: again.status, replayed: again.headers.get('idempotent-replayed'), id: again.body.id }).toEqual({ status: 201, replayed: 'true', id: retry.body.id });
      stored.set(retry.body.id, sha256(bytes));
    }
    // A completed upload's key also survived the crash: its retry replays, no second file.
    const replayed = await api.upload(link.link_token, csvOf(3 * KIB, 'small.csv'), { filename: 'small.csv', contentType: 'text/csv', headers: { 'idempotency-key': 'done-small.csv' } });
    expect({ status: replayed.status, replayed: replayed.headers.get('idempotent-replayed') }).toEqual({ status: 201, replayed: 'true' });

    const after = await db.query<{ id: string; storage_key: string }>('select id, storage_key from uploads where link_id = $1', [link.id]);
    expect(after).toHaveLength(STRESS ? 11 : 6);
    const [final] = await db.query('select upload_count, reserved_uploads from intake_links where id = $1', [link.id]);
    expect(final).toEqual(STRESS ? { upload_count: 11, reserved_uploads: 0 } : { upload_count: 6, reserved_uploads: 0 });
    expect(await listStoredKeys(t)).toEqual(after.map((r) => r.storage_key).sort());
    for (const [id, digest] of stored) {
      const download = await getHashed(t.url, `/v1/${ws.id}/intake/links/${link.id}/uploads/${id}/download`, { authorization: `Bearer ${ws.apiKey}` });
      expect({ status: download.status, sha256: download.sha256 }).toEqual({ status: 200, sha256: digest });
    }
  });
});
