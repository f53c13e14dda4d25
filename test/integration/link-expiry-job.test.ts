import type { LogContext, Logger } from '@mikro-orm/core';
import type { Client, Notification } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/services/auth.service.js';
import { createServiceHarness, type ServiceHarness } from '../helpers/service-harness.js';
import { waitFor } from '../helpers/wait-for.js';

// The expiry job at the service level: every expired link gets its own link.expired, to each endpoint
// of its own workspace that subscribes to it (and to live subscribers), while one batch costs the same
// few statements however many links and workspaces it holds (it once looked the endpoints up once
// per link: 200 lookups, 200 inserts and 200 NOTIFYs for a batch of 200).

const ADMIN: Principal = { kind: 'admin' };
const META = { clientIp: '127.0.0.1', userAgent: 'harness', requestId: null } as never;
const NOW = new Date('2026-12-03T06:00:00.000Z');

describe('the link expiry job', () => {
  let h: ServiceHarness;
  let listener: Client;
  const live: string[] = [];
  const ids = new Map<string, string>(); // customer slug -> link id
  const workspaces = new Map<string, string>(); // name -> workspace id

  async function workspace(name: string): Promise<string> {
    const id = (await h.services.workspaces.create(ADMIN, { name })).workspace.id;
    workspaces.set(name, id);
    return id;
  }
  async function link(workspaceId: string, slug: string, expiresAt: string, revoked = false): Promise<void> {
    const created = await h.services.links.create(ADMIN, workspaceId, { customerSlug: slug, maxUploads: 5 } as never, META);
    ids.set(slug, created.id);
    await h.db.query(`update intake_links set expires_at = $2, revoked_at = ${revoked ? "'2026-11-01T00:00:00Z'" : 'null'} where id = $1`, [created.id, expiresAt]);
  }
  async function endpoint(workspaceId: string, name: string, events: string[], enabled = true): Promise<void> {
    await h.db.query(
      `insert into webhooks (id, workspace_id, url, events, enabled, description, secret, created_at)
       values (gen_random_uuid(), $1, $2, $3::jsonb, $4, $5, $6, now())`,
      [workspaceId, `https://example.com/${name}`, JSON.stringify(events), enabled, name, 'a'.repeat(64)],
    );
  }

  beforeAll(async () => {
    h = await createServiceHarness();
    const a = await workspace('A');
    const b = await workspace('B');
    const c = await workspace('C');
    await endpoint(a, 'A-expired', ['link.expired']);
    await endpoint(a, 'A-exhausted-only', ['link.exhausted']);
    await endpoint(a, 'A-disabled', ['link.expired'], false);
    await endpoint(b, 'B-both', ['link.exhausted', 'link.expired']);
    await endpoint(b, 'B-expired', ['link.expired']);
    await link(a, 'a-1', '2026-12-01T10:00:00.000Z');
    await link(a, 'a-2', '2026-12-02T10:00:00.000Z');
    await link(a, 'a-3', '2026-12-03T05:59:59.000Z');
    await link(a, 'a-revoked', '2026-12-01T11:00:00.000Z', true);
    await link(a, 'a-later', '2026-12-03T06:00:01.000Z');
    await link(b, 'b-1', '2026-12-01T12:00:00.000Z');
    await link(b, 'b-2', '2026-12-02T12:00:00.000Z');
    await link(c, 'c-1', '2026-12-01T13:00:00.000Z'); // no endpoints: live subscribers only
    listener = await h.db.connect();
    listener.on('notification', (message: Notification) => {
      if (message.channel === 'intake_events') live.push(message.payload ?? '');
    });
    await listener.query('listen intake_events');
  });
  afterAll(async () => {
    await listener?.end();
    await h?.close();
  });

  it('announces each expired link once, to its own workspace’s subscribed endpoints, in a batch of six statements', async () => {
    const logger: Logger = h.infra.database.orm.config.getLogger();
    const original = logger.logQuery;
    const statements: string[] = [];
    logger.logQuery = function (this: Logger, context: LogContext) {
      if (context.query) statements.push(context.query);
      return original.call(this, context);
    };
    let announced: number;
    try {
      announced = await h.jobs.linkExpiry.runOnce(NOW);
    } finally {
      logger.logQuery = original;
    }
    expect(announced).toBe(6);
    // begin, the claim, one endpoint lookup (with the live NOTIFYs), one insert, the outbox NOTIFY, commit.
    expect(statements.length, statements.join('\n')).toBe(6);
    expect(statements.filter((sql) => /\bwebhooks\b/.test(sql)).length).toBe(1);

    const deliveries = await h.db.query<{ endpoint: string; slug: string; body: string; workspace_id: string }>(
      `select w.description as endpoint, d.body::jsonb -> 'data' ->> 'customer_slug' as slug, d.body, d.workspace_id
       from webhook_deliveries d join webhooks w on w.id = d.webhook_id where d.event_type = 'link.expired'
       order by 1, 2`,
    );
    expect(deliveries.map((d) => [d.endpoint, d.slug])).toEqual([
      ['A-expired', 'a-1'],
      ['A-expired', 'a-2'],
      ['A-expired', 'a-3'],
      ['B-both', 'b-1'],
      ['B-both', 'b-2'],
      ['B-expired', 'b-1'],
      ['B-expired', 'b-2'],
    ]);
    // Each delivery carries its own link's event.
    const a2 = deliveries.find((d) => d.slug === 'a-2')!;
    expect(a2.workspace_id).toBe(workspaces.get('A'));
    expect(JSON.parse(a2.body)).toEqual({
      type: 'link.expired',
      timestamp: '2026-12-02T10:00:00.000Z',
      data: { workspace_id: workspaces.get('A'), link_id: ids.get('a-2'), customer_slug: 'a-2', expires_at: '2026-12-02T10:00:00.000Z', upload_count: 0 },
    });
    const b1 = deliveries.filter((d) => d.slug === 'b-1');
    expect(b1.map((d) => JSON.parse(d.body).data.link_id)).toEqual([ids.get('b-1'), ids.get('b-1')]);
    expect(b1.map((d) => d.workspace_id)).toEqual([workspaces.get('B'), workspaces.get('B')]);

    // Live subscribers hear every announcement, the endpoint-less workspace's too.
    await waitFor(() => live.length >= 6, { what: 'six live events' });
    const heard = live.map((payload) => JSON.parse(payload) as { workspaceId: string; linkId: string; event: { type: string; data: { customer_slug: string } } });
    expect(heard.map((e) => `${e.event.type} ${e.event.data.customer_slug}`).sort()).toEqual([
      'link.expired a-1',
      'link.expired a-2',
      'link.expired a-3',
      'link.expired b-1',
      'link.expired b-2',
      'link.expired c-1',
    ]);
    const c1 = heard.find((e) => e.event.data.customer_slug === 'c-1')!;
    expect([c1.workspaceId, c1.linkId]).toEqual([workspaces.get('C'), ids.get('c-1')]);

    const marks = await h.db.query<{ customer_slug: string; announced: string | null }>(
      `select customer_slug, to_char(expiry_announced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as announced from intake_links order by customer_slug`,
    );
    expect(marks).toEqual([
      { customer_slug: 'a-1', announced: '2026-12-03T06:00:00.000Z' },
      { customer_slug: 'a-2', announced: '2026-12-03T06:00:00.000Z' },
      { customer_slug: 'a-3', announced: '2026-12-03T06:00:00.000Z' },
      { customer_slug: 'a-later', announced: null },
      { customer_slug: 'a-revoked', announced: null },
      { customer_slug: 'b-1', announced: '2026-12-03T06:00:00.000Z' },
      { customer_slug: 'b-2', announced: '2026-12-03T06:00:00.000Z' },
      { customer_slug: 'c-1', announced: '2026-12-03T06:00:00.000Z' },
    ]);
  });

  it('announces nothing twice', async () => {
    expect(await h.jobs.linkExpiry.runOnce(NOW)).toBe(0);
    const [count] = await h.db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where event_type = 'link.expired'`);
    expect(count).toEqual({ n: 7 });
  });
});
