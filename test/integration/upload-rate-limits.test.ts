import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import type { ApiClient, ApiResponse, TestWorkspace } from '../helpers/api-client.js';
import { uploadToIntakeLink } from '../helpers/graphql-multipart.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink } from '../helpers/upload-expectations.js';

const pdf = { filename: 'a.pdf', contentType: 'application/pdf' };

function expectRateLimited(res: ApiResponse): void {
  expectError(res, 429, 'rate_limited');
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(120);
}

describe('RATE_LIMIT_UPLOADS_PER_MINUTE (per link token)', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { RATE_LIMIT_UPLOADS_PER_MINUTE: '2' } })));
  afterAll(() => t.stop());

  it('answers 429 rate_limited with Retry-After past the limit, uses no slot, and limits each token on its own', async () => {
    const limited = await api.createLink(ws, { max_uploads: 10 });
    const other = await api.createLink(ws, { max_uploads: 10 });
    expect((await api.upload(limited.link_token, samplePdf(), pdf)).status).toBe(201);
    expect((await api.upload(limited.link_token, samplePdf(), pdf)).status).toBe(201);
    expectRateLimited(await api.upload(limited.link_token, samplePdf(), pdf));
    expectRateLimited(await api.upload(limited.link_token, samplePdf(), pdf));

    const shown = await fetchLink(api, ws, limited.id);
    expect(shown.upload_count).toBe(2);
    const [{ count }] = (await t.db.query<{ count: string }>('select count(*) from uploads where link_id = $1', [limited.id])) as [{ count: string }];
    expect(Number(count)).toBe(2);

    expect((await api.upload(other.link_token, samplePdf(), pdf)).status).toBe(201);
  });
});

describe('RATE_LIMIT_PUBLIC_PER_MINUTE (per client address)', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } })));
  afterAll(() => t.stop());

  it('counts every public request of an address, across tokens, and refuses past the limit without using a slot', async () => {
    const first = await api.createLink(ws, { max_uploads: 10 });
    const second = await api.createLink(ws, { max_uploads: 10 });
    expect((await api.upload(first.link_token, samplePdf(), pdf)).status).toBe(201);
    expect((await api.upload(second.link_token, samplePdf(), pdf)).status).toBe(201);
    expectError(await api.upload(randomBytes(32).toString('base64url'), samplePdf(), pdf), 404, 'link_not_found');

    expectRateLimited(await api.upload(second.link_token, samplePdf(), pdf));
    expectRateLimited(await api.upload('malformed', samplePdf(), pdf));
    expect((await fetchLink(api, ws, first.id)).upload_count).toBe(1);
    expect((await fetchLink(api, ws, second.id)).upload_count).toBe(1);
  });

  it('leaves the operator API alone', async () => {
    const res = await api.request('GET', `/v1/${ws.id}/intake/links`, { token: ws.apiKey });
    expect(res.status).toBe(200);
  });
});

describe('RATE_LIMIT_PUBLIC_PER_MINUTE and the keyless GraphQL upload', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '2' } })));
  afterAll(() => t.stop());

  it('counts one upload through /graphql once toward the address, not once in the gate and again in the intake', async () => {
    const link = await api.createLink(ws, { max_uploads: 10 });
    const file = { bytes: samplePdf(), filename: 'a.pdf', contentType: 'application/pdf' };
    const first = await uploadToIntakeLink(api, link.link_token, file);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const second = await uploadToIntakeLink(api, link.link_token, file);
    expect(second.status).toBe(200);
    expect(second.body.errors).toBeUndefined();

    const third = await uploadToIntakeLink(api, link.link_token, file);
    expect(third.status).toBe(429);
    expect(third.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', errorCode: 'rate_limited' });
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(2);
  });
});
