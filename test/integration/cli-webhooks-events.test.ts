import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { waitFor } from '../helpers/wait-for.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

// The built CLI as a user runs it, against a started server with workers, a real webhook receiver on
// loopback (verifying signatures with the standardwebhooks package) and the graphql-ws subscription.

const CLI = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist', 'cli', 'main.js');

let s: ServerWithWorkspace;
let receiver: WebhookReceiver;
beforeAll(async () => {
  s = await startServerWithWorkspace({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCALE: '0.001' }, workers: true });
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await s?.t.stop();
  await receiver?.stop();
});

function cliEnv(): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', INTAKE_LINKS_URL: s.t.url, INTAKE_LINKS_API_KEY: s.ws.apiKey, INTAKE_LINKS_WORKSPACE: s.ws.id };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: cliEnv() })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

async function cliJson(args: string[]): Promise<any> {
  const result = await cli([...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('intake-links webhooks', () => {
  it('creates, lists, shows, updates, delivers, lists deliveries, redelivers, rotates and deletes', async () => {
    const created = await cliJson(['webhooks', 'create', receiver.url, '--events', 'upload.received,link.created', '--description', 'front desk']);
    expect(created).toMatchObject({ url: receiver.url, events: ['upload.received', 'link.created'], enabled: true, description: 'front desk' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secrets = [created.secret];

    expect((await cliJson(['webhooks', 'list'])).map((h: any) => h.id)).toEqual([created.id]);
    expect((await cliJson(['webhooks', 'show', created.id])).description).toBe('front desk');
    expect((await cliJson(['webhooks', 'update', created.id, '--events', 'upload.received', '--enabled', 'false'])).enabled).toBe(false);
    const enabled = await cliJson(['webhooks', 'update', created.id, '--enabled', 'true']);
    expect(enabled).toMatchObject({ enabled: true, events: ['upload.received'] });

    const link = await s.api.createLink(s.ws, { customer_slug: 'cli-hooks' });
    expect((await s.api.upload(link.link_token, samplePdf(), { filename: 'cli.pdf', contentType: 'application/pdf' })).status).toBe(201);
    const first = await waitFor(() => receiver.received.find((r) => r.payload?.type === 'upload.received'), { what: 'the delivery' });
    expect(first.verifiedWith).toEqual([true]);

    const deliveries = await waitFor(async () => {
      const items = await cliJson(['webhooks', 'deliveries', created.id]);
      return items.length === 1 && items[0].status === 'succeeded' && items;
    }, { what: 'a succeeded delivery in the log' });
    expect(deliveries[0]).toMatchObject({ id: first.id, event_type: 'upload.received', attempts: 1, last_status_code: 200 });

    const before = receiver.received.length;
    const again = await cliJson(['webhooks', 'redeliver', created.id, deliveries[0].id]);
    expect(again.id).toBe(deliveries[0].id);
    const redelivered = await waitFor(() => receiver.received.length > before && receiver.received[before], { what: 'the redelivery' });
    expect(redelivered.id).toBe(first.id);

    const rotated = await cliJson(['webhooks', 'rotate-secret', created.id]);
    expect(rotated.secret).not.toBe(created.secret);
    expect(await cliJson(['webhooks', 'delete', created.id])).toEqual({ deleted: created.id });
    const gone = await cli(['webhooks', 'show', created.id]);
    expect(gone.code).toBe(4);
  });

  it('refuses an unknown --enabled value as bad usage', async () => {
    const result = await cli(['webhooks', 'update', '00000000-0000-4000-8000-000000000000', '--enabled', 'maybe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--enabled takes true or false');
  });
});

describe('intake-links events tail', () => {
  it('prints the upload.received event of an upload made after it started listening', async () => {
    const link = await s.api.createLink(s.ws, { customer_slug: 'tail-me' });
    const child = spawn(process.execPath, [CLI, 'events', 'tail', 'uploads', '--link', link.id, '--count', '1', '--json'], { env: cliEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => stderr.includes('listening for uploads events'), { what: 'the subscription to start' });
      const upload = await s.api.upload(link.link_token, samplePdf(), { filename: 'live.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      expect(await exited).toBe(0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ type: 'upload.received', data: { link_id: link.id, upload_id: upload.body.id, filename: 'live.pdf' } });
      expect(JSON.stringify(lines[0])).not.toContain(link.link_token);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  });

  it('exits with 3 when the key is refused', async () => {
    const result = await promisify(execFile)(process.execPath, [CLI, 'events', 'tail'], {
      env: { ...cliEnv(), INTAKE_LINKS_API_KEY: 'ilk_not-a-real-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    }).then(() => ({ code: 0 }), (error: { code: number }) => ({ code: error.code }));
    expect(result.code).toBe(3);
  });
});
