import type { Tx } from '../db/unit-of-work.js';
import type { WebhookRecord } from '../domain/webhook-records.js';
import type { WebhookEventType } from '../domain/webhook-vocabulary.js';
import { BaseRepository, toDate } from './base.repository.js';

interface WebhookRow {
  id: string;
  workspace_id: string;
  url: string;
  events: WebhookEventType[] | string;
  enabled: boolean;
  description: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  created_at: Date;
  last_success_at: Date | null;
  consecutive_failures: number;
  failing_since: Date | null;
  disabled_reason: string | null;
}

const COLUMNS =
  'id, workspace_id, url, events, enabled, description, secret, previous_secret, previous_secret_until, created_at, last_success_at, consecutive_failures, failing_since, disabled_reason';

/** The fields an update may change. */
export interface WebhookChanges {
  url?: string;
  events?: WebhookEventType[];
  enabled?: boolean;
  description?: string | null;
}

/** Webhook endpoints of workspaces. */
export class WebhookRepository extends BaseRepository {
  async insert(record: WebhookRecord, tx?: Tx): Promise<void> {
    await this.em(tx).execute(
      `insert into webhooks (${COLUMNS}) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id, record.workspaceId, record.url, JSON.stringify(record.events), record.enabled, record.description, record.secret,
        record.previousSecret, record.previousSecretUntil, record.createdAt, record.lastSuccessAt, record.consecutiveFailures,
        record.failingSince, record.disabledReason,
      ],
    );
  }

  async findInWorkspace(workspaceId: string, id: string, tx?: Tx): Promise<WebhookRecord | null> {
    const [row] = await this.rows<WebhookRow>(`select ${COLUMNS} from webhooks where id = ? and workspace_id = ?`, [id, workspaceId], tx);
    return row ? toRecord(row) : null;
  }

  async findById(id: string, tx?: Tx): Promise<WebhookRecord | null> {
    const [row] = await this.rows<WebhookRow>(`select ${COLUMNS} from webhooks where id = ?`, [id], tx);
    return row ? toRecord(row) : null;
  }

  /** Newest first, keyset on (created_at, id); up to `limit + 1` rows. */
  async listPage(workspaceId: string, limit: number, after: { createdAt: Date; id: string } | undefined): Promise<WebhookRecord[]> {
    const params: unknown[] = [workspaceId];
    let where = 'workspace_id = ?';
    if (after) {
      where += ' and (created_at, id) < (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.rows<WebhookRow>(`select ${COLUMNS} from webhooks where ${where} order by created_at desc, id desc limit ?`, params);
    return rows.map(toRecord);
  }

  /** Enabled endpoints of a workspace that subscribe to `type`. */
  async subscribers(workspaceId: string, type: WebhookEventType, tx?: Tx): Promise<WebhookRecord[]> {
    const rows = await this.rows<WebhookRow>(
      `select ${COLUMNS} from webhooks where workspace_id = ? and enabled and events @> ?::jsonb`,
      [workspaceId, JSON.stringify([type])],
      tx,
    );
    return rows.map(toRecord);
  }

  /**
   * `subscribers` of any of `workspaceIds` and a NOTIFY on `channel` per payload (in the payloads'
   * order), all in one statement: one round trip fewer on every published event, so on every upload,
   * and one lookup for a whole batch of the expiry job. The aggregate makes the notifying side exactly
   * one row on the outer side of a left join, so each NOTIFY runs once whether or not any endpoint
   * matches; PostgreSQL still sends them only when `tx` commits. The lists go as JSON arrays, which
   * keeps the statement's text and parameter count the same for any batch.
   */
  async subscribersOfWorkspacesNotifying(workspaceIds: string[], type: WebhookEventType, channel: string, payloads: string[], tx: Tx): Promise<WebhookRecord[]> {
    const rows = await this.rows<WebhookRow>(
      `select ${COLUMNS.split(', ').map((column) => `w.${column}`).join(', ')}
       from (select count(pg_notify(?, payload)) from jsonb_array_elements_text(?::jsonb) as payloads(payload)) as notified(done)
       left join webhooks w on w.workspace_id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) and w.enabled and w.events @> ?::jsonb`,
      [channel, JSON.stringify(payloads), JSON.stringify(workspaceIds), JSON.stringify([type])],
      tx,
    );
    return rows.filter((row) => row.id !== null).map(toRecord);
  }

  async update(id: string, changes: WebhookChanges, tx?: Tx): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (changes.url !== undefined) sets.push('url = ?') && params.push(changes.url);
    if (changes.events !== undefined) sets.push('events = ?::jsonb') && params.push(JSON.stringify(changes.events));
    if (changes.description !== undefined) sets.push('description = ?') && params.push(changes.description);
    if (changes.enabled !== undefined) {
      sets.push('enabled = ?') && params.push(changes.enabled);
      // Enabling again is a fresh start: the failure streak that disabled it no longer counts.
      if (changes.enabled) sets.push('disabled_reason = null, consecutive_failures = 0, failing_since = null');
    }
    if (sets.length === 0) return;
    params.push(id);
    await this.em(tx).execute(`update webhooks set ${sets.join(', ')} where id = ?`, params);
  }

  async rotateSecret(id: string, secret: string, previousUntil: Date, tx?: Tx): Promise<void> {
    await this.em(tx).execute('update webhooks set previous_secret = secret, previous_secret_until = ?, secret = ? where id = ?', [
      previousUntil,
      secret,
      id,
    ]);
  }

  async delete(id: string, tx?: Tx): Promise<void> {
    await this.em(tx).execute('delete from webhooks where id = ?', [id]);
  }

  async recordSuccess(id: string, at: Date): Promise<void> {
    await this.em().execute('update webhooks set last_success_at = ?, consecutive_failures = 0, failing_since = null where id = ?', [at, id]);
  }

  /** Counts a failure; returns the endpoint as it is now (to decide whether to disable it). */
  async recordFailure(id: string, at: Date): Promise<WebhookRecord | null> {
    const [row] = await this.rows<WebhookRow>(
      `update webhooks set consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, ?) where id = ? returning ${COLUMNS}`,
      [at, id],
    );
    return row ? toRecord(row) : null;
  }

  /** Disables an enabled endpoint; false when it was already disabled (someone else did it). */
  async disable(id: string, reason: string, tx?: Tx): Promise<boolean> {
    const rows = await this.rows<{ id: string }>('update webhooks set enabled = false, disabled_reason = ? where id = ? and enabled returning id', [reason, id], tx);
    return rows.length === 1;
  }
}

function toRecord(row: WebhookRow): WebhookRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    url: row.url,
    events: typeof row.events === 'string' ? (JSON.parse(row.events) as WebhookEventType[]) : row.events,
    enabled: row.enabled,
    description: row.description,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretUntil: toDate(row.previous_secret_until),
    createdAt: toDate(row.created_at),
    lastSuccessAt: toDate(row.last_success_at),
    consecutiveFailures: row.consecutive_failures,
    failingSince: toDate(row.failing_since),
    disabledReason: row.disabled_reason,
  };
}
