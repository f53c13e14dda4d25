import { IntakeApiError } from './errors.js';

/** One live event, with the payload webhooks carry. */
export interface LiveEvent {
  /** Dotted, as in webhook bodies: upload.received, link.created, ... */
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface LiveEventsOptions {
  /** The server's origin (http or https; the WebSocket goes to /graphql on it). */
  baseUrl: string;
  apiKey: string;
  workspaceId: string;
  /** Which subscription: upload events (optionally of one link) or link events. */
  kind: 'uploads' | 'links';
  linkId?: string;
  onEvent(event: LiveEvent): void;
  /**
   * Called once the server has registered the subscription: every event committed from then on
   * reaches `onEvent` (the server's ready marker, asked for in the subscribe message).
   */
  onReady?(): void;
}

/** A running subscription; `close` ends it, `done` settles when it ends (rejects on a refusal). */
export interface LiveEventsSubscription {
  close(): void;
  done: Promise<void>;
}

const UPLOAD_EVENTS = 'subscription($ws: ID!, $link: ID) { uploadEvents(workspaceId: $ws, linkId: $link) { type timestamp data } }';
const LINK_EVENTS = 'subscription($ws: ID!) { linkEvents(workspaceId: $ws) { type timestamp data } }';

/**
 * Subscribes to live events over the graphql-ws protocol (graphql-transport-ws), authenticated by the
 * API key in connection_init. Written against the platform WebSocket (Node 22+, browsers), so the
 * client needs no WebSocket package.
 */
export function subscribeLiveEvents(options: LiveEventsOptions): LiveEventsSubscription {
  const url = `${options.baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/graphql`;
  const socket = new WebSocket(url, 'graphql-transport-ws');
  let settle: { resolve(): void; reject(error: Error): void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey: options.apiKey } })));
  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as { type: string; id?: string; payload?: any };
    switch (frame.type) {
      case 'connection_ack': {
        const query = options.kind === 'uploads' ? UPLOAD_EVENTS : LINK_EVENTS;
        const variables = options.kind === 'uploads' ? { ws: options.workspaceId, link: options.linkId ?? null } : { ws: options.workspaceId };
        // Sending is not subscribing: the server registers the subscription later, and an event
        // committed in between would be lost, so readiness waits for the server's marker.
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables, extensions: { announceReady: true } } }));
        return;
      }
      case 'ping':
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      case 'next': {
        const errors = frame.payload?.errors as { message: string; extensions?: { errorCode?: string } }[] | undefined;
        if (errors?.[0]) return fail(new IntakeApiError(400, errors[0].extensions?.errorCode ?? 'graphql_error', errors[0].message));
        if (frame.payload?.extensions?.ready === true && !frame.payload.data) return options.onReady?.();
        const event = (frame.payload?.data?.uploadEvents ?? frame.payload?.data?.linkEvents) as LiveEvent | undefined;
        // GraphQL spells the type as an enum (UPLOAD_RECEIVED); hand it on dotted, as webhooks do.
        if (event) options.onEvent({ ...event, type: event.type.toLowerCase().replace('_', '.') });
        return;
      }
      case 'error': {
        const [first] = (frame.payload ?? []) as { message: string; extensions?: { errorCode?: string } }[];
        return fail(new IntakeApiError(400, first?.extensions?.errorCode ?? 'graphql_error', first?.message ?? 'subscription refused'));
      }
      case 'complete':
        socket.close(1000);
        return;
    }
  });
  socket.addEventListener('close', (event) => {
    // 4401/4403: the key was refused in connection_init.
    if (event.code === 4401 || event.code === 4403) settle.reject(new IntakeApiError(event.code - 4000, event.code === 4401 ? 'unauthorized' : 'forbidden', event.reason || 'refused'));
    else if (event.code === 1000 || event.code === 1005) settle.resolve();
    else settle.reject(new IntakeApiError(503, 'service_unavailable', `the event stream closed (${event.code} ${event.reason})`));
  });
  socket.addEventListener('error', () => undefined);
  function fail(error: Error): void {
    settle.reject(error);
    socket.close(1000);
  }
  return { close: () => socket.close(1000), done };
}
