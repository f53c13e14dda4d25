import pg from 'pg';
import type { Logger } from 'pino';

type Handler = (payload: string) => void;

const RECONNECT_DELAY_MS = 1_000;

/**
 * One dedicated connection per process that LISTENs on channels (the pool's connections come and go,
 * so they cannot hold a LISTEN). Connects on the first `listen`, reconnects after a loss, and tells
 * each handler about a reconnect with an empty payload so it can catch up on what it may have missed.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** Calls `handler` with each NOTIFY payload on `channel`; returns a function that stops it. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    await this.connect();
    if (first && this.client) await this.client.query(`listen "${channel}"`);
    return () => {
      set.delete(handler);
    };
  }

  /**
   * Resolves once the connection is up and LISTENs on every channel: at once when it is, else after
   * reconnecting now rather than at the next retry (a caller that must not miss what comes next).
   */
  listening(): Promise<void> {
    return this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    return (this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', (error) => this.lost(client, error));
      client.on('end', () => this.lost(client, new Error('connection ended')));
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`listen "${channel}"`);
        this.client = client;
      } finally {
        this.connecting = null;
      }
    })());
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.logger.warn({ err: error }, 'LISTEN connection lost; reconnecting');
    const retry = () => {
      this.reconnectTimer = setTimeout(() => {
        this.connect()
          .then(() => {
            for (const set of this.handlers.values()) for (const handler of set) handler('');
          })
          .catch(retry);
      }, RECONNECT_DELAY_MS);
    };
    retry();
  }
}
