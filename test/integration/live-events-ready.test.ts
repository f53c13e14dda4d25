import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeLiveEvents, type LiveEvent, type LiveEventsSubscription } from '../../client/src/index.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// subscribeLiveEvents' onReady promises "from now on no event is missed": an event committed in the
// callback itself must arrive. The server registers a subscription asynchronously (the workspace
// check, and on a process's first subscription its LISTEN), so a client that declares itself ready
// when it has only sent its subscribe frame loses such events. Every subscriber below listens on one
// server process while the event is committed elsewhere and travels by NOTIFY, as between processes.

let db: TestDatabase;
let publisher: TestServer;
let notifier: pg.Client;
let ws: TestWorkspace;
const servers: TestServer[] = [];
const subscriptions: LiveEventsSubscription[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  publisher = await startTestServer({ db });
  ws = await new ApiClient(publisher.url).createWorkspace(publisher.adminToken, 'Ready');
  notifier = await db.connect();
});
afterAll(async () => {
  for (const subscription of subscriptions) subscription.close();
  await notifier?.end();
  for (const server of servers) await server.stop();
  await publisher?.stop();
  await db?.drop();
});

/**
 * Subscribes to link events on `server`, runs `publish` in onReady, and answers what arrived once the
 * event of `linkId` did (or after a bounded wait, so a lost event fails the expectation, not a timeout).
 */
async function publishOnReady(server: TestServer, publish: () => Promise<string>): Promise<{ linkId: string; events: LiveEvent[] }> {
  const events: LiveEvent[] = [];
  let published: Promise<string> | undefined;
  const subscription = subscribeLiveEvents({
    baseUrl: server.url,
    apiKey: ws.apiKey,
    workspaceId: ws.id,
    kind: 'links',
    onEvent: (event) => events.push(event),
    onReady: () => (published = publish()),
  });
  subscriptions.push(subscription);
  const linkId = await (await waitFor(() => published, { what: 'onReady' }));
  await waitFor(() => events.some((event) => event.data['link_id'] === linkId), { what: 'the event', timeoutMs: 5_000 }).catch(() => undefined);
  subscription.close();
  return { linkId, events };
}

/** What another server process sends when a link.created commits: one NOTIFY, the fastest change there is. */
async function notify(linkId: string): Promise<string> {
  const notice = { workspaceId: ws.id, linkId, event: { type: 'link.created', timestamp: '2026-01-02T03:04:05.000Z', data: { link_id: linkId } } };
  await notifier.query(`select pg_notify('intake_events', $1)`, [JSON.stringify(notice)]);
  return linkId;
}

/** The backends of this database that LISTEN for live events (a server's listener connection). */
async function listenerPids(): Promise<number[]> {
  const rows = await notifier.query(`select pid from pg_stat_activity where datname = $1 and query = 'listen "intake_events"'`, [db.name]);
  return rows.rows.map((row: { pid: number }) => row.pid);
}

describe('subscribeLiveEvents onReady', () => {
  it('comes only once an event committed from then on reaches the subscription, on a process that has not listened yet', async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = await startTestServer({ db });
      servers.push(fresh);
      const linkId = `00000000-0000-4000-8000-00000000000${round}`;
      const { events } = await publishOnReady(fresh, () => notify(linkId));
      expect(events).toEqual([{ type: 'link.created', timestamp: '2026-01-02T03:04:05.000Z', data: { link_id: linkId } }]);
    }
  });

  it('comes, after the process lost its LISTEN connection, only once it listens again', async () => {
    const server = await startTestServer({ db });
    servers.push(server);
    const listeningBefore = await listenerPids();
    await publishOnReady(server, () => notify('00000000-0000-4000-8000-000000000010'));
    const [pid] = (await listenerPids()).filter((p) => !listeningBefore.includes(p));
    await notifier.query('select pg_terminate_backend($1)', [pid]);
    await waitFor(() => server.logs.some((line) => line['msg'] === 'LISTEN connection lost; reconnecting'), { what: 'the server to notice' });

    const linkId = '00000000-0000-4000-8000-000000000011';
    const { events } = await publishOnReady(server, () => notify(linkId));
    expect(events).toEqual([{ type: 'link.created', timestamp: '2026-01-02T03:04:05.000Z', data: { link_id: linkId } }]);
  });

  it('comes only once a link created from then on through another process reaches the subscription', async () => {
    const server = await startTestServer({ db });
    servers.push(server);
    for (let round = 0; round < 5; round++) {
      const { linkId, events } = await publishOnReady(server, async () => (await new ApiClient(publisher.url).createLink(ws, { customer_slug: `again-${round}` })).id);
      expect(events.filter((event) => event.data['link_id'] === linkId).map((event) => event.type)).toEqual(['link.created']);
    }
  });
});
