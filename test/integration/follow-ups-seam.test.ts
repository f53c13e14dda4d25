import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/services/auth.service.js';
import { createServiceHarness, type ServiceHarness } from '../helpers/service-harness.js';
import { EICAR, EICAR_SIGNATURE, startTestClamd, type TestClamd } from '../services/clamd.js';

const ADMIN: Principal = { kind: 'admin' };
const META = { clientIp: '127.0.0.1', userAgent: 'harness', requestId: null } as never;

async function scanJobs(h: ServiceHarness): Promise<{ data: { uploadId: string; reason: string } }[]> {
  return h.db.query(`select data from pgboss.job where name = 'scan-upload' order by created_on`);
}

async function sendFile(h: ServiceHarness, token: string, content: string, filename: string) {
  const open = await h.services.intake.openLink(token, META);
  const admitted = h.services.intake.admitFile(open, { filename, contentType: 'text/csv', declaredSize: undefined });
  return h.services.intake.store(admitted, Readable.from([Buffer.from(content)]));
}

describe('the follow-up seam and the scan job, at the service level (no HTTP)', () => {
  let clamd: TestClamd;
  let h: ServiceHarness;
  let workspaceId: string;

  beforeAll(async () => {
    clamd = await startTestClamd();
    h = await createServiceHarness(clamd.env);
    workspaceId = (await h.services.workspaces.create(ADMIN, { name: 'Seam practice' })).workspace.id;
  });
  afterAll(async () => {
    await h?.close();
    await clamd?.dispose();
  });

  it('an upload commits its row, its audit event and its scan job together; the job body records the verdict', async () => {
    const link = await h.services.links.create(ADMIN, workspaceId, { customerSlug: 'seam', maxUploads: 10 } as never, META);
    const upload = await sendFile(h, link.token, EICAR, 'eicar.csv');
    expect(upload.scanStatus).toBe('pending');
    expect((await scanJobs(h)).map((job) => job.data)).toEqual([{ uploadId: upload.id, reason: 'received' }]);
    expect(await h.jobs.scans.scanUpload({ uploadId: upload.id, reason: 'received' })).toBe('infected');
    const [row] = await h.db.query<{ scan_status: string; scan_signature: string }>('select scan_status, scan_signature from uploads where id = $1', [upload.id]);
    expect(row).toEqual({ scan_status: 'infected', scan_signature: EICAR_SIGNATURE });
    // A second run of the same job (at-least-once delivery) changes nothing.
    expect(await h.jobs.scans.scanUpload({ uploadId: upload.id, reason: 'received' })).toBe('not_pending');
  });

  it('a failing follow-up handler rolls the change back: no row, no audit event, no job', async () => {
    const link = await h.services.links.create(ADMIN, workspaceId, { customerSlug: 'rollback', maxUploads: 10 } as never, META);
    const jobsBefore = (await scanJobs(h)).length;
    let fail = true;
    h.followUps.register('test-failure', async (event) => {
      if (fail && event.type === 'upload.received') throw new Error('the outbox is down');
    });
    try {
      await expect(sendFile(h, link.token, 'a,b\n', 'lost.csv')).rejects.toThrow('the outbox is down');
    } finally {
      fail = false;
    }
    expect(await h.db.query('select id from uploads where link_id = $1', [link.id])).toEqual([]);
    expect(await h.db.query(`select id from audit_events where link_id = $1 and type = 'upload.received'`, [link.id])).toEqual([]);
    expect((await scanJobs(h)).length).toBe(jobsBefore);
    expect((await h.db.query<{ upload_count: number }>('select upload_count from intake_links where id = $1', [link.id]))[0]).toEqual({ upload_count: 0 });
  });

  it('a scan with clamd down throws scanner_unavailable and leaves the upload pending', async () => {
    const link = await h.services.links.create(ADMIN, workspaceId, { customerSlug: 'down', maxUploads: 10 } as never, META);
    const upload = await sendFile(h, link.token, 'c,d\n', 'later.csv');
    await clamd.stop();
    try {
      await expect(h.jobs.scans.scanUpload({ uploadId: upload.id, reason: 'received' })).rejects.toMatchObject({ code: 'scanner_unavailable' });
      const [row] = await h.db.query<{ scan_status: string }>('select scan_status from uploads where id = $1', [upload.id]);
      expect(row).toEqual({ scan_status: 'pending' });
    } finally {
      await clamd.start();
    }
    expect(await h.jobs.scans.scanUpload({ uploadId: upload.id, reason: 'received' })).toBe('clean');
  });
});
