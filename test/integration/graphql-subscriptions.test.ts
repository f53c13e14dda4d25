import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient } from '../helpers/api-client.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// graphql-ws subscriptions on /graphql. Two servers share one database: a subscriber on A sees the
// events of an upload made through B (LISTEN/NOTIFY), each once.

let a: ServerWithWorkspace;
let b: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  a = await startServerWithWorkspace();
  b = await startTestServer({ db: a.t.db });
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await b.stop();
  await a.t.stop();
});

function connect(url: string, connectionParams: Record<string, unknown>): Client {
  const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

/** Collects what a subscription yields, and its error if it fails. */
function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const results: any[] = [];
  const state: { error?: unknown; completed: boolean } = { completed: false };
  const ready = client.subscribe({ query, variables }, {
    next: (value) => results.push(value),
    error: (error) => (state.error = error),
    complete: () => (state.completed = true),
  });
  return { results, state, stop: ready };
}

const UPLOAD_EVENTS = 'subscription($ws: ID!, $link: ID) { uploadEvents(workspaceId: $ws, linkId: $link) { type timestamp data } }';
const LINK_EVENTS = 'subscription($ws: ID!) { linkEvents(workspaceId: $ws) { type data } }';

describe('GraphQL subscriptions (graphql-ws)', () => {
  it('deliver the events of an upload made on another server process, once, with the webhook payload', async () => {
    const link = await a.api.createLink(a.ws, { customer_slug: 'live' });
    const other = await a.api.createLink(a.ws, { customer_slug: 'other-link' });
    const client = connect(a.t.url, { apiKey: a.ws.apiKey });
    const uploads = collect(client, UPLOAD_EVENTS, { ws: a.ws.id, link: link.id });
    const links = collect(client, LINK_EVENTS, { ws: a.ws.id });
    // The subscriptions are live once the server has answered a first message; give it a round trip.
    await waitFor(async () => {
      await a.api.createLink(a.ws, { customer_slug: 'probe' });
      return links.results.length > 0;
    }, { what: 'the link subscription to be live', intervalMs: 200 });

    const apiB = new ApiClient(b.url);
    const otherUpload = await apiB.upload(other.link_token, samplePdf(), { filename: 'other.pdf', contentType: 'application/pdf' });
    expect(otherUpload.status).toBe(201);
    const uploaded = await apiB.upload(link.link_token, samplePdf(), { filename: 'live.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    await waitFor(() => uploads.results.length >= 1, { what: 'the upload event' });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a duplicate would arrive by now
    expect(uploads.results).toHaveLength(1);
    expect(uploads.results[0].data.uploadEvents).toMatchObject({
      type: 'UPLOAD_RECEIVED',
      data: { link_id: link.id, upload_id: uploaded.body.id, filename: 'live.pdf', size_bytes: uploaded.body.size_bytes, sha256: uploaded.body.sha256 },
    });
    expect(JSON.stringify(uploads.results)).not.toContain(link.link_token);
    expect(links.results.every((r) => r.data.linkEvents.type === 'LINK_CREATED')).toBe(true);
  });

  it('announce, when asked in the subscribe message, that the subscription is registered: a first result without data', async () => {
    const client = connect(a.t.url, { apiKey: a.ws.apiKey });
    const results: any[] = [];
    let created: Promise<{ id: string }> | undefined;
    client.subscribe({ query: LINK_EVENTS, variables: { ws: a.ws.id }, extensions: { announceReady: true } }, {
      next: (value) => {
        results.push(value);
        // From the marker on, a change made through another process is not missed.
        if (results.length === 1) created = new ApiClient(b.url).createLink(a.ws, { customer_slug: 'after-ready' });
      },
      error: () => undefined,
      complete: () => undefined,
    });
    const link = await (await waitFor(() => created, { what: 'the ready marker' }));
    await waitFor(() => results.length >= 2, { what: 'the link event' });
    expect(results[0]).toEqual({ extensions: { ready: true } });
    expect(results[1]).toEqual({ data: { linkEvents: { type: 'LINK_CREATED', data: expect.objectContaining({ link_id: link.id }) } } });
  });

  it('refuses a connection without a valid key, and a workspace the key may not see', async () => {
    const noKey = collect(connect(a.t.url, {}), UPLOAD_EVENTS, { ws: a.ws.id });
    await waitFor(() => noKey.state.error !== undefined, { what: 'the refusal' });
    expect((noKey.state.error as { code?: number }).code).toBe(4403);

    const stranger = await a.api.createWorkspace(a.t.adminToken, 'Stranger');
    const forbidden = collect(connect(a.t.url, { apiKey: stranger.apiKey }), UPLOAD_EVENTS, { ws: a.ws.id });
    await waitFor(() => forbidden.state.completed, { what: 'the forbidden answer' });
    expect(forbidden.results).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN', errorCode: 'forbidden' } })] }]);
  });
});
