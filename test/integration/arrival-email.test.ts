import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { SmtpReceiver } from '../helpers/smtp-receiver.js';
import { waitFor } from '../helpers/wait-for.js';

// Arrival e-mails to a real SMTP server on loopback (smtp-server), sent by the real worker through
// nodemailer. The 10-minute rule is checked through the queue: the deferred job and its start time.

let s: ServerWithWorkspace;
let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await new SmtpReceiver().start();
  s = await startServerWithWorkspace({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'intake <intake@example.test>' }, workers: true });
});
afterAll(async () => {
  await s?.t.stop();
  await smtp?.stop();
});

async function patchWorkspace(json: unknown) {
  return s.api.request('PATCH', `/v1/workspaces/${s.ws.id}`, { token: s.ws.apiKey, json });
}

async function upload(token: string, filename: string) {
  const res = await s.api.upload(token, samplePdf(), { filename, contentType: 'application/pdf' });
  expect(res.status).toBe(201);
}

async function noticeJobs(linkId: string) {
  return s.t.db.query<{ state: string; deferred: boolean }>(
    `select state, start_after > now() + interval '9 minutes' as deferred from pgboss.job where name = 'arrival-notice' and singleton_key = $1 and state in ('created', 'retry', 'active')`,
    [linkId],
  );
}

describe('notify_email', () => {
  it('is null until set, is shown by GET once set, and is validated', async () => {
    expect((await s.api.request('GET', `/v1/workspaces/${s.ws.id}`, { token: s.ws.apiKey })).body.notify_email).toBe(null);

    const bad = await patchWorkspace({ notify_email: 'not-an-address' });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ error_code: 'validation_error', detail: 'Invalid body: notify_email: must be an e-mail address.' });
    const unknown = await patchWorkspace({ notify_email: null, name: 'x' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error_code).toBe('validation_error');

    const ok = await patchWorkspace({ notify_email: 'front-desk@example.test' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: s.ws.id, notify_email: 'front-desk@example.test' });
    expect((await s.api.request('GET', `/v1/workspaces/${s.ws.id}`, { token: s.ws.apiKey })).body.notify_email).toBe('front-desk@example.test');

    const audit = await s.api.request('GET', `/v1/${s.ws.id}/audit-events?type=workspace.updated`, { token: s.ws.apiKey });
    expect(audit.status).toBe(200);
    const events = (audit.body.items ?? audit.body) as any[];
    expect(events.map((e) => e.type)).toContain('workspace.updated');
    expect(JSON.stringify(events)).not.toContain('front-desk@example.test');
  });

  it('GraphQL sets and clears it through the same service', async () => {
    const set = await s.api.graphql(
      'mutation($id: ID!, $email: String) { updateWorkspace(id: $id, notifyEmail: $email) { id notifyEmail } }',
      { id: s.ws.id, email: 'ops@example.test' },
      s.ws.apiKey,
    );
    expect(set.body.data).toEqual({ updateWorkspace: { id: s.ws.id, notifyEmail: 'ops@example.test' } });
    const bad = await s.api.graphql('mutation($id: ID!) { updateWorkspace(id: $id, notifyEmail: "nope") { id } }', { id: s.ws.id }, s.ws.apiKey);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', errorCode: 'validation_error' });
    const cleared = await s.api.graphql('mutation($id: ID!) { updateWorkspace(id: $id, notifyEmail: null) { notifyEmail } }', { id: s.ws.id }, s.ws.apiKey);
    expect(cleared.body.data).toEqual({ updateWorkspace: { notifyEmail: null } });
  });
});

describe('arrival e-mails', () => {
  it('a workspace without notify_email gets no job and no message', async () => {
    const link = await s.api.createLink(s.ws, { customer_slug: 'no-mail' });
    await upload(link.link_token, 'quiet.pdf');
    expect(await noticeJobs(link.id)).toEqual([]);
    expect(await s.t.db.query(`select 1 from pgboss.job where name = 'arrival-notice' and singleton_key = $1`, [link.id])).toEqual([]);
  });

  it('sends one message per link per 10 minutes, with names and sizes and never a link or token', async () => {
    expect((await patchWorkspace({ notify_email: 'front-desk@example.test' })).status).toBe(200);
    const link = await s.api.createLink(s.ws, { customer_slug: 'jane-doe', display_name: 'Jane Doe papers' });
    const before = smtp.received.length;

    await upload(link.link_token, 'passport.pdf');
    const first = await waitFor(() => smtp.received.length > before && smtp.received[before], { what: 'the first arrival e-mail' });
    expect(first.to).toEqual(['front-desk@example.test']);
    expect(first.from).toBe('intake@example.test');
    expect(first.subject).toBe('1 new file for Jane Doe papers');
    expect(first.text).toContain(`- passport.pdf (${samplePdf().length} bytes), received `);
    expect(first.raw).not.toContain(link.link_token);
    expect(first.raw).not.toMatch(/https?:\/\//);
    expect(first.raw).not.toContain('/upload/');
    expect(first.raw.toLowerCase()).not.toContain('content-disposition: attachment');

    // Within 10 minutes: the next upload's job re-queues itself for when they are over, and
    // further uploads join that one queued job (stately queue, the link as singleton key).
    await upload(link.link_token, 'insurance-card.pdf');
    await waitFor(async () => (await noticeJobs(link.id)).some((job) => job.state === 'created' && job.deferred), { what: 'the deferred notice job' });
    await upload(link.link_token, 'referral.pdf');
    expect(await noticeJobs(link.id)).toEqual([{ state: 'created', deferred: true }]);
    expect(smtp.received.length).toBe(before + 1);

    // Let the 10 minutes pass (move the mark and the job back), and the worker sends the rest.
    await s.t.db.query(`update intake_links set arrival_notice_sent_at = arrival_notice_sent_at - interval '11 minutes' where id = $1`, [link.id]);
    await s.t.db.query(`update pgboss.job set start_after = now() where name = 'arrival-notice' and singleton_key = $1 and state = 'created'`, [link.id]);
    const second = await waitFor(() => smtp.received.length > before + 1 && smtp.received[before + 1], { what: 'the second arrival e-mail' });
    expect(second.subject).toBe('2 new files for Jane Doe papers');
    const listed = second.text.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.split(' (')[0]);
    expect(listed).toEqual(['- insurance-card.pdf', '- referral.pdf']);
    expect(smtp.received.length).toBe(before + 2);
  });
});
