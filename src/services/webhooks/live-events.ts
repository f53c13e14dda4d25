import type { Logger } from 'pino';
import type { PgListener } from '../../db/pg-listener.js';
import { EVENTS_CHANNEL } from './event-publisher.js';
import type { BroadcastEvent } from './notification-events.js';

type Filter = (event: BroadcastEvent) => boolean;

const MAX_QUEUED = 1_000; // a subscriber that stops reading is cut off rather than fill memory

/**
 * Committed events, live, for subscriptions. Every server process LISTENs on one channel, so an
 * event committed by any process reaches the subscribers of all of them, each exactly once.
 */
export class LiveEvents {
  private readonly subscribers = new Set<(event: BroadcastEvent) => void>();
  private listening: Promise<unknown> | undefined;

  constructor(
    private readonly listener: PgListener,
    private readonly logger: Logger,
  ) {}

  /** Resolves once this process is listening (events committed after that are seen). */
  ready(): Promise<unknown> {
    return (this.listening ??= this.listener.listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload)).catch((error: unknown) => {
      this.listening = undefined;
      throw error;
    }));
  }

  /** The events that pass `filter`, from now on, until the consumer stops iterating. */
  async subscribe(filter: Filter): Promise<AsyncIterableIterator<BroadcastEvent>> {
    await this.ready();
    // After a lost connection nothing is heard until the listener is back: a subscription made in
    // that gap waits for it (or fails), since its client takes it as live once this returns.
    await this.listener.listening();
    const queue: BroadcastEvent[] = [];
    let waiting: ((result: IteratorResult<BroadcastEvent>) => void) | undefined;
    let done = false;
    const push = (event: BroadcastEvent) => {
      if (!filter(event)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: event, done: false });
      } else if (queue.length < MAX_QUEUED) queue.push(event);
      else finish();
    };
    const finish = () => {
      done = true;
      this.subscribers.delete(push);
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    };
    this.subscribers.add(push);
    const iterator: AsyncIterableIterator<BroadcastEvent> = {
      next: () => {
        const event = queue.shift();
        if (event) return Promise.resolve({ value: event, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private dispatch(payload: string): void {
    if (payload === '') return; // a reconnect notice, not an event
    let event: BroadcastEvent;
    try {
      event = JSON.parse(payload) as BroadcastEvent;
    } catch (error) {
      this.logger.warn({ err: error }, 'ignored an unreadable event notification');
      return;
    }
    for (const subscriber of this.subscribers) subscriber(event);
  }
}
