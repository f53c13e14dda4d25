import type { Logger } from 'pino';
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { LinkRepository } from '../repositories/link.repository.js';
import type { EventPublisher } from '../services/webhooks/event-publisher.js';
import { linkExpired } from '../services/webhooks/link-notifications.js';

const BATCH = 200;

/**
 * Announces link.expired: nothing happens at the moment a link expires, so this job looks every
 * interval (30 s by default, so within a minute of expires_at) for links past their expiry and not
 * yet announced, and publishes each in the transaction that marks it announced (a batch at a time).
 */
export class LinkExpiryJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly links: LinkRepository,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
  ) {}

  /** Announces what expired up to `now`; returns how many links. */
  async runOnce(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.unitOfWork.run(async (tx) => {
        const expired = await this.links.claimNewlyExpired(tx, now, BATCH);
        // Each link its own event; the batch's endpoints in one lookup, their outbox rows in one insert.
        await this.publisher.publishAll(tx, expired.map((link) => ({ workspaceId: link.workspaceId, linkId: link.id, event: linkExpired(link) })));
        return expired.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }

  /** Runs every `intervalMs`; 0 disables it. */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'link expiry announcement failed; it will run again'))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
