import type { Tx } from '../db/unit-of-work.js';
import type { AuditEventRecord } from '../domain/records.js';

/**
 * Reacts to one recorded event inside the transaction that recorded it, typically by enqueueing a
 * job (pg-boss `send` on `tx`) or writing an outbox row. It must not do slow or outside work itself:
 * whatever it writes commits or rolls back with the change.
 */
export type FollowUpHandler = (event: AuditEventRecord, tx: Tx) => Promise<void>;

/**
 * The one transactional seam for work that follows a state change (a scan after an upload, a
 * webhook delivery after any event). AuditService.record calls `after` in the same transaction as
 * the change and its audit row, so a crash can never separate a change from its consequences.
 * Features register their handlers at construction (container/services.ts); none edits another's.
 */
export class FollowUps {
  private readonly handlers: { name: string; handle: FollowUpHandler }[] = [];

  /** Adds a handler; `name` is for errors and logs. Handlers run in registration order. */
  register(name: string, handle: FollowUpHandler): this {
    if (this.handlers.some((handler) => handler.name === name)) throw new Error(`follow-up handler ${name} is registered twice`);
    this.handlers.push({ name, handle });
    return this;
  }

  /** Runs every handler for `event` inside `tx`; a failing handler fails (rolls back) the change. */
  async after(event: AuditEventRecord, tx: Tx): Promise<void> {
    for (const handler of this.handlers) await handler.handle(event, tx);
  }
}
