import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeCsv } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { sendRaw, type RawResponse } from '../helpers/raw-http.js';
import { startServerProcesses, type ServerProcesses } from '../helpers/server-processes.js';
import { expectError } from '../helpers/upload-expectations.js';

// Two built servers (node dist/main.js) on one database and one data folder, requests alternating
// between them: the link's max_uploads, an Idempotency-Key and the shared (postgres) rate limit each
// hold across the processes exactly as within one. The migration race is in migrations.test.ts.

let procs: ServerProcesses;
let urls: [string, string];
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => {
  procs = await startServerProcesses(2, { RATE_LIMIT_STORE: 'postgres' });
  urls = [procs.processes[0]!.url, procs.processes[1]!.url];
  api = new ApiClient(urls[0]);
  ws = await api.createWorkspace(procs.adminToken);
});
afterAll(() => procs?.stop());

const csv = (n: number) => {
  const bytes = largeCsv(4_000);
  bytes.write(`n${n}`.padEnd(12, 'x'), bytes.length - 16, 'latin1');
  return bytes;
};
const upload = (n: number, token: string, headers: Record<string, string> = {}, url = urls[n % 2]!) =>
  sendRaw(url, { path: `/upload/${token}/files`, headers: { 'x-amigo-intake-filename': `${n}.csv`, 'x-amigo-intake-content-type': 'text/csv', ...headers }, body: csv(n) });
const statuses = (answers: RawResponse[]) => answers.reduce<Record<number, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});

describe('two server processes on one database', () => {
  it('store exactly max_uploads (25) of 60 racing uploads split between them', async () => {
    const link = await api.createLink(ws, { max_uploads: 25 });
    const answers = await Promise.all(Array.from({ length: 60 }, (_, n) => upload(n, link.link_token)));
    expect(statuses(answers)).toEqual({ 201: 25, 429: 35 });
    for (const refused of answers.filter((r) => r.status === 429)) expectError(refused, 429, 'upload_limit_reached');
    // Both processes stored some: the race really crossed them.
    const byProcess = [0, 1].map((p) => answers.filter((r, n) => r.status === 201 && n % 2 === p).length);
    expect(byProcess.every((count) => count > 0)).toBe(true);
    const [row] = await procs.db.query('select upload_count, reserved_uploads, (select count(*)::int from uploads where link_id = $1) as rows from intake_links where id = $1', [link.id]);
    expect(row).toEqual({ upload_count: 25, reserved_uploads: 0, rows: 25 });
  });

  it('store one file for 10 racing requests with one Idempotency-Key, whichever process each reaches', async () => {
    const link = await api.createLink(ws);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => upload(7, link.link_token, { 'idempotency-key': 'cross-process-1' }, urls[n % 2])));
    for (const r of answers) expect([201, 409]).toContain(r.status);
    for (const r of answers.filter((a) => a.status === 409)) expectError(r, 409, 'idempotency_in_progress');
    const ids = new Set(answers.filter((r) => r.status === 201).map((r) => r.json.id));
    expect(ids.size).toBe(1);
    const replay = await upload(7, link.link_token, { 'idempotency-key': 'cross-process-1' }, urls[1]);
    expect({ status: replay.status, replayed: replay.headers['idempotent-replayed'], id: replay.json.id }).toEqual({ status: 201, replayed: 'true', id: [...ids][0] });
    const [row] = await procs.db.query('select upload_count, (select count(*)::int from uploads where link_id = $1) as rows from intake_links where id = $1', [link.id]);
    expect(row).toEqual({ upload_count: 1, rows: 1 });
  });

  it('share one upload rate limit (5 a minute, postgres store): 5 of 8 alternating uploads pass', async () => {
    const limited = await startServerProcesses(2, { RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_UPLOADS_PER_MINUTE: '5' });
    try {
      const limitedUrls = limited.processes.map((p) => p.url);
      const limitedApi = new ApiClient(limitedUrls[0]!);
      const limitedWs = await limitedApi.createWorkspace(limited.adminToken);
      const link = await limitedApi.createLink(limitedWs);
      const answers: RawResponse[] = [];
      for (let n = 0; n < 8; n++) answers.push(await upload(100 + n, link.link_token, {}, limitedUrls[n % 2]));
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
      for (const r of answers.slice(5)) expectError(r, 429, 'rate_limited');
    } finally {
      await limited.stop();
    }
  });
});
