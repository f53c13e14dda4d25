import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink, ISO_TIMESTAMP, listUploads } from '../helpers/upload-expectations.js';
import { waitFor } from '../helpers/wait-for.js';
import { EICAR, EICAR_SIGNATURE, startTestClamd, type TestClamd } from '../services/clamd.js';

const CLEAN_CSV = 'name,amount\nJane,12\n';

function uploadsPath(ws: TestWorkspace, linkId: string, uploadId: string): string {
  return `/v1/${ws.id}/intake/links/${linkId}/uploads/${uploadId}`;
}

async function auditTypes(api: ApiClient, ws: TestWorkspace, uploadId: string): Promise<{ type: string; detail: any }[]> {
  const res = await api.request('GET', `/v1/${ws.id}/audit-events?upload_id=${uploadId}`, { token: ws.apiKey });
  expect(res.status).toBe(200);
  return (res.body as any[]).map((event) => ({ type: event.type, detail: event.detail })).reverse();
}

async function waitForStatus(api: ApiClient, ws: TestWorkspace, linkId: string, uploadId: string, status: string): Promise<any> {
  return waitFor(
    async () => {
      const upload = (await listUploads(api, ws, linkId)).find((u) => u.id === uploadId);
      return upload?.scan_status === status ? upload : undefined;
    },
    { what: `upload ${uploadId} to be ${status}`, timeoutMs: 90_000, intervalMs: 200 },
  );
}

describe('virus scanning with a real clamd', () => {
  let clamd: TestClamd;
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let link: any;

  beforeAll(async () => {
    clamd = await startTestClamd();
    t = await startTestServer({ env: clamd.env, workers: true });
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken);
    link = await api.createLink(ws, { max_uploads: 50 });
  });
  afterAll(async () => {
    await t?.stop();
    await clamd?.dispose();
  });

  it('a clean file is pending on arrival, then clean with its engine and scanned_at, on both faces, and downloadable', async () => {
    const sent = await api.upload(link.link_token, Buffer.from(CLEAN_CSV), { filename: 'clean.csv', contentType: 'text/csv' });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.scan_status).toBe('pending');
    expect(sent.body.scan_signature).toBe(null);
    expect(sent.body.scanned_at).toBe(null);
    const scanned = await waitForStatus(api, ws, link.id, sent.body.id, 'clean');
    expect(scanned.scan_signature).toBe(null);
    expect(scanned.scanned_at).toMatch(ISO_TIMESTAMP);

    const gql = await api.graphql(
      'query($ws: ID!, $link: ID!) { uploads(workspaceId: $ws, linkId: $link) { id scanStatus scanSignature scannedAt } }',
      { ws: ws.id, link: link.id },
      ws.apiKey,
    );
    expect(gql.body.data.uploads.find((u: any) => u.id === sent.body.id)).toEqual({
      id: sent.body.id,
      scanStatus: 'CLEAN',
      scanSignature: null,
      scannedAt: scanned.scanned_at,
    });
    const download = await api.request('GET', `${uploadsPath(ws, link.id, sent.body.id)}/download`, { token: ws.apiKey });
    expect(download.status).toBe(200);
    expect(download.text).toBe(CLEAN_CSV);
    const events = await auditTypes(api, ws, sent.body.id);
    expect(events.map((e) => e.type)).toEqual(['upload.received', 'upload.scanned', 'upload.downloaded']);
    expect(events[1]?.detail).toMatchObject({ scan_status: 'clean', signature: null, engine: expect.stringMatching(/^ClamAV 1\.4\./), reason: 'received' });
  });

  it('the EICAR file ends infected with its signature, is never downloadable (409 file_infected, audited), and delete removes it', async () => {
    const sent = await api.upload(link.link_token, Buffer.from(EICAR), { filename: 'eicar.csv', contentType: 'text/csv' });
    expect(sent.status, sent.text).toBe(201);
    const infected = await waitForStatus(api, ws, link.id, sent.body.id, 'infected');
    expect(infected.scan_signature).toBe(EICAR_SIGNATURE);

    const gql = await api.graphql(
      'query($ws: ID!, $link: ID!) { uploads(workspaceId: $ws, linkId: $link) { id scanStatus scanSignature } }',
      { ws: ws.id, link: link.id },
      ws.apiKey,
    );
    expect(gql.body.data.uploads.find((u: any) => u.id === sent.body.id)).toEqual({ id: sent.body.id, scanStatus: 'INFECTED', scanSignature: EICAR_SIGNATURE });

    const refused = await api.request('GET', `${uploadsPath(ws, link.id, sent.body.id)}/download`, { token: ws.apiKey });
    expectError(refused, 409, 'file_infected');
    expect(refused.text).not.toContain('EICAR-STANDARD');

    const deleted = await api.request('DELETE', uploadsPath(ws, link.id, sent.body.id), { token: ws.apiKey });
    expect(deleted.status).toBe(204);
    expect((await listUploads(api, ws, link.id)).map((u) => u.id)).not.toContain(sent.body.id);
    expectError(await api.request('DELETE', uploadsPath(ws, link.id, sent.body.id), { token: ws.apiKey }), 404, 'not_found');
    const events = await auditTypes(api, ws, sent.body.id);
    expect(events.map((e) => e.type)).toEqual(['upload.received', 'upload.infected', 'upload.download_refused', 'upload.deleted']);
    expect(events[1]?.detail).toMatchObject({ scan_status: 'infected', signature: EICAR_SIGNATURE });
    expect(events[2]?.detail).toMatchObject({ reason: 'file_infected', scan_status: 'infected' });
    // The slot is not given back.
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(2);
  });

  it('a rescan (REST 202 and GraphQL) makes the upload pending and records a new scanned_at', async () => {
    const sent = await api.upload(link.link_token, Buffer.from('a,b\n1,2\n'), { filename: 'rescan.csv', contentType: 'text/csv' });
    const first = await waitForStatus(api, ws, link.id, sent.body.id, 'clean');
    const rescan = await api.request('POST', `${uploadsPath(ws, link.id, sent.body.id)}/rescan`, { token: ws.apiKey });
    expect(rescan.status, rescan.text).toBe(202);
    expect(rescan.body.scan_status).toBe('pending');
    const second = await waitFor(
      async () => {
        const upload = (await listUploads(api, ws, link.id)).find((u) => u.id === sent.body.id);
        return upload?.scan_status === 'clean' && upload.scanned_at !== first.scanned_at ? upload : undefined;
      },
      { what: 'the rescan verdict', timeoutMs: 90_000, intervalMs: 200 },
    );
    expect(Date.parse(second.scanned_at)).toBeGreaterThan(Date.parse(first.scanned_at));

    const gql = await api.graphql(
      'mutation($ws: ID!, $link: ID!, $id: ID!) { rescanUpload(workspaceId: $ws, linkId: $link, uploadId: $id) { id scanStatus } }',
      { ws: ws.id, link: link.id, id: sent.body.id },
      ws.apiKey,
    );
    expect(gql.body).toEqual({ data: { rescanUpload: { id: sent.body.id, scanStatus: 'PENDING' } } });
    await waitForStatus(api, ws, link.id, sent.body.id, 'clean');
    const types = (await auditTypes(api, ws, sent.body.id)).map((e) => e.type);
    expect(types).toEqual(['upload.received', 'upload.scanned', 'upload.rescan_requested', 'upload.scanned', 'upload.rescan_requested', 'upload.scanned']);
  });

  it('GraphQL deleteUpload removes an upload; an unknown id is NOT_FOUND', async () => {
    const sent = await api.upload(link.link_token, Buffer.from('x,y\n'), { filename: 'gone.csv', contentType: 'text/csv' });
    const mutation = 'mutation($ws: ID!, $link: ID!, $id: ID!) { deleteUpload(workspaceId: $ws, linkId: $link, uploadId: $id) }';
    const res = await api.graphql(mutation, { ws: ws.id, link: link.id, id: sent.body.id }, ws.apiKey);
    expect(res.body).toEqual({ data: { deleteUpload: true } });
    const again = await api.graphql(mutation, { ws: ws.id, link: link.id, id: sent.body.id }, ws.apiKey);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', errorCode: 'not_found' });
  });

  it('with clamd down: uploads stay pending, downloads answer 409 scan_pending (audited), /v1/status says so; back up, every upload is scanned', async () => {
    await clamd.stop();
    try {
      const clean = await api.upload(link.link_token, Buffer.from('q,r\n'), { filename: 'while-down.csv', contentType: 'text/csv' });
      const eicar = await api.upload(link.link_token, Buffer.from(EICAR), { filename: 'eicar-down.csv', contentType: 'text/csv' });
      expect([clean.status, eicar.status]).toEqual([201, 201]);
      // The jobs fail against a dead clamd; the uploads must stay pending, never clean.
      await waitFor(
        async () => {
          const rows = await t.db.query<{ retry_count: number }>(`select retry_count from pgboss.job where name = 'scan-upload' and state = 'retry'`);
          return rows.length >= 2;
        },
        { what: 'both scan jobs to have failed at least once', timeoutMs: 60_000, intervalMs: 200 },
      );
      const listed = await listUploads(api, ws, link.id);
      expect(listed.filter((u) => [clean.body.id, eicar.body.id].includes(u.id)).map((u) => u.scan_status)).toEqual(['pending', 'pending']);
      const refused = await api.request('GET', `${uploadsPath(ws, link.id, clean.body.id)}/download`, { token: ws.apiKey });
      expectError(refused, 409, 'scan_pending');
      const status = await api.request('GET', '/v1/status', { token: ws.apiKey });
      expect(status.status).toBe(200);
      expect(status.body).toEqual({
        database: { reachable: true },
        scanner: { configured: true, reachable: false, version: null, queue_depth: 2, oldest_pending_age_seconds: expect.any(Number) },
      });
      expect(Object.keys(status.body.scanner)).toEqual(['configured', 'reachable', 'version', 'queue_depth', 'oldest_pending_age_seconds']);
      await clamd.start();
      await waitForStatus(api, ws, link.id, clean.body.id, 'clean');
      await waitForStatus(api, ws, link.id, eicar.body.id, 'infected');
      const types = (await auditTypes(api, ws, clean.body.id)).map((e) => e.type);
      expect(types).toEqual(['upload.received', 'upload.download_refused', 'upload.scanned']);
      const up = await api.request('GET', '/v1/status', { token: ws.apiKey });
      expect(up.body.scanner).toEqual({ configured: true, reachable: true, version: expect.stringMatching(/^ClamAV 1\.4\./), queue_depth: 0, oldest_pending_age_seconds: null });
    } finally {
      await clamd.start().catch(() => undefined);
    }
  });
});
