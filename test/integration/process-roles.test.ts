import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, listUploads } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';
import { EICAR, startTestClamd, type TestClamd } from '../services/clamd.js';

describe('PROCESS_ROLES: a web-only and two worker-only processes on one database', () => {
  let clamd: TestClamd;
  let web: TestServer;
  const workers: TestServer[] = [];
  let api: ApiClient;
  let ws: TestWorkspace;
  let link: any;

  beforeAll(async () => {
    clamd = await startTestClamd();
    web = await startTestServer({ env: { ...clamd.env, PROCESS_ROLES: 'web' }, workers: true });
    api = new ApiClient(web.url);
    ws = await api.createWorkspace(web.adminToken);
    link = await api.createLink(ws, { max_uploads: 100 });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await web?.stop();
    await clamd?.dispose();
  });

  it('the web process enqueues but scans nothing; queued jobs wait for a worker, and each runs exactly once', async () => {
    const sent: { id: string; infected: boolean }[] = [];
    for (let i = 0; i < 8; i++) {
      const infected = i % 4 === 0;
      const res = await api.upload(link.link_token, Buffer.from(infected ? EICAR : `n,i\nrow,${i}\n`), { filename: `f${i}.csv`, contentType: 'text/csv' });
      expect(res.status, res.text).toBe(201);
      sent.push({ id: res.body.id, infected });
    }
    // No worker yet: the jobs are stored and the uploads stay pending.
    const queued = await web.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'scan-upload' and state = 'created'`);
    expect(queued).toEqual([{ n: 8 }]);
    expect((await listUploads(api, ws, link.id)).map((u) => u.scan_status)).toEqual(Array(8).fill('pending'));

    for (let i = 0; i < 2; i++) {
      // One database and one storage (a bucket in production; here the web process's folder).
      workers.push(await startTestServer({ db: web.db, env: { ...clamd.env, PROCESS_ROLES: 'worker', DATA_DIR: web.dataDir }, workers: true }));
    }
    await waitFor(async () => (await listUploads(api, ws, link.id)).every((u) => u.scan_status !== 'pending'), {
      what: 'every upload to be scanned by the workers',
      timeoutMs: 45_000,
      intervalMs: 200,
    });
    const byId = new Map((await listUploads(api, ws, link.id)).map((u) => [u.id, u.scan_status]));
    expect(sent.map((s) => byId.get(s.id))).toEqual(sent.map((s) => (s.infected ? 'infected' : 'clean')));
    const verdicts = await web.db.query<{ upload_id: string; n: number }>(
      `select upload_id, count(*)::int as n from audit_events where type in ('upload.scanned', 'upload.infected') group by upload_id`,
    );
    expect(verdicts.length).toBe(8);
    expect(verdicts.every((row) => row.n === 1)).toBe(true);
  });

  it('a worker-only process answers its probes and nothing else', async () => {
    const worker = workers[0] as TestServer;
    const probe = new ApiClient(worker.url);
    expect((await probe.request('GET', '/healthz')).status).toBe(200);
    expect((await probe.request('GET', '/readyz')).status).toBe(200);
    // A process without the web role serves no API at all: a deployment state, not a documented answer.
    expectError(await probe.request('GET', '/v1/status', { token: ws.apiKey, outsideContract: true }), 404, 'not_found');
    expectError(await probe.request('POST', `/upload/${link.link_token}/files`, { body: 'a,b\n', outsideContract: true }), 404, 'not_found');
  });
});
