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

describe('subscribeLiveEvents onReady', () => {
  it('comes only once an event committed from then on reaches the subscription, on a process that has not listened yet', async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = await startTestServer({ db });
      servers.push(fresh);
      // What another server process sends on a committed link.created: one NOTIFY, the fastest change there is.
      const linkId = `00000000-0000-4000-8000-00000000000${round}`;
      const notice = { workspaceId: ws.id, linkId, event: { type: 'link.created', timestamp: '2026-01-02T03:04:05.000Z', data: { link_id: linkId } } };
      const { events } = await publishOnReady(fresh, async () => {
        await notifier.query(`select pg_notify('intake_events', $1)`, [JSON.stringify(notice)]);
        return linkId;
      });
      expect(events).toEqual([{ type: 'link.created', timestamp: '2026-01-02T03:04:05.000Z', data: { link_id: linkId } }]);
    }
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
