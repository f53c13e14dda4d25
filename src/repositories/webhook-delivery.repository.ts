import type { Tx } from '../db/unit-of-work.js';
import type { DeliveryRecord } from '../domain/webhook-records.js';
import type { DeliveryStatus, WebhookEventType } from '../domain/webhook-vocabulary.js';
import { BaseRepository, toDate } from './base.repository.js';

interface DeliveryRow {
  id: string;
  webhook_id: string;
  workspace_id: string;
  event_type: WebhookEventType;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const COLUMNS =
  'id, webhook_id, workspace_id, event_type, body, status, attempts, next_attempt_at, last_attempt_at, last_status_code, last_duration_ms, last_error, created_at, delivered_at';

/** The channel a NOTIFY on insert wakes the delivery workers with (delivered at commit, or never). */
export const DELIVERY_CHANNEL = 'webhook_deliveries';

// Rows per INSERT statement of enqueue: 7 parameters each.
const ENQUEUE_CHUNK = 1000;

/** What one try found. */
export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** The webhook outbox. */
export class WebhookDeliveryRepository extends BaseRepository {
  /** Writes outbox rows inside the change's transaction and wakes the workers when it commits. */
  async enqueue(tx: Tx, rows: Array<Pick<DeliveryRecord, 'id' | 'webhookId' | 'workspaceId' | 'eventType' | 'body' | 'createdAt'>>): Promise<void> {
    if (rows.length === 0) return;
    // One multi-row INSERT per chunk (a batch of the expiry job writes hundreds of rows), each chunk
    // well under PostgreSQL's 65,535 parameters.
    for (let start = 0; start < rows.length; start += ENQUEUE_CHUNK) {
      const chunk = rows.slice(start, start + ENQUEUE_CHUNK);
      await tx.execute(
        `insert into webhook_deliveries (id, webhook_id, workspace_id, event_type, body, status, attempts, next_attempt_at, created_at) values ${chunk.map(() => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(', ')}`,
        chunk.flatMap((row) => [row.id, row.webhookId, row.workspaceId, row.eventType, row.body, row.createdAt, row.createdAt]),
      );
    }
    await tx.execute('select pg_notify(?, ?)', [DELIVERY_CHANNEL, '']);
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs`: their next_attempt_at moves past the lease, so
   * no other worker takes them meanwhile, and a worker that dies leaves them due again afterwards.
   * SKIP LOCKED lets several processes claim side by side without waiting on each other.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DeliveryRecord[]> {
    const rows = await this.rows<DeliveryRow>(
      `update webhook_deliveries set next_attempt_at = now() + (? * interval '1 millisecond')
       where id in (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= now()
                    order by next_attempt_at limit ? for update skip locked)
       returning ${COLUMNS}`,
      [leaseMs, limit],
    );
    return rows.map(toRecord);
  }

  /** The earliest time a pending delivery falls due, or null. */
  async nextDueAt(): Promise<Date | null> {
    const [row] = await this.rows<{ at: Date | null }>(`select min(next_attempt_at) as at from webhook_deliveries where status = 'pending'`, []);
    return row?.at ? toDate(row.at) : null;
  }

  async markSucceeded(id: string, outcome: AttemptOutcome): Promise<void> {
    await this.em().execute(
      `update webhook_deliveries set status = 'succeeded', attempts = attempts + 1, next_attempt_at = null, delivered_at = ?,
       last_attempt_at = ?, last_status_code = ?, last_duration_ms = ?, last_error = null where id = ?`,
      [outcome.at, outcome.at, outcome.statusCode, outcome.durationMs, id],
    );
  }

  /** Records a failed try; `retryAt` null means no try is left (failed). */
  async markFailed(id: string, outcome: AttemptOutcome, retryAt: Date | null): Promise<void> {
    await this.em().execute(
      `update webhook_deliveries set status = ?, attempts = attempts + 1, next_attempt_at = ?,
       last_attempt_at = ?, last_status_code = ?, last_duration_ms = ?, last_error = ? where id = ?`,
      [retryAt ? 'pending' : 'failed', retryAt, outcome.at, outcome.statusCode, outcome.durationMs, outcome.error?.slice(0, 500) ?? null, id],
    );
  }

  /** Stops the pending deliveries of a disabled endpoint. */
  async failPendingOf(webhookId: string): Promise<void> {
    await this.em().execute(`update webhook_deliveries set status = 'failed', next_attempt_at = null where webhook_id = ? and status = 'pending'`, [webhookId]);
  }

  /** Queues a delivery again, now, with the same id (so the receiver can recognise a repeat). */
  async requeue(id: string, tx?: Tx): Promise<void> {
    await this.em(tx).execute(`update webhook_deliveries set status = 'pending', next_attempt_at = now() where id = ?`, [id]);
    await this.em(tx).execute('select pg_notify(?, ?)', [DELIVERY_CHANNEL, '']);
  }

  async findOfWebhook(webhookId: string, id: string): Promise<DeliveryRecord | null> {
    const [row] = await this.rows<DeliveryRow>(`select ${COLUMNS} from webhook_deliveries where id = ? and webhook_id = ?`, [id, webhookId]);
    return row ? toRecord(row) : null;
  }

  /** Newest first, keyset on (created_at, id); up to `limit + 1` rows. */
  async listPage(webhookId: string, limit: number, after: { createdAt: Date; id: string } | undefined): Promise<DeliveryRecord[]> {
    const params: unknown[] = [webhookId];
    let where = 'webhook_id = ?';
    if (after) {
      where += ' and (created_at, id) < (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.rows<DeliveryRow>(`select ${COLUMNS} from webhook_deliveries where ${where} order by created_at desc, id desc limit ?`, params);
    return rows.map(toRecord);
  }
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    workspaceId: row.workspace_id,
    eventType: row.event_type,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: toDate(row.next_attempt_at),
    lastAttemptAt: toDate(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastDurationMs: row.last_duration_ms,
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    deliveredAt: toDate(row.delivered_at),
  };
}
