import type { Tx } from '../db/unit-of-work.js';
import { ApiKey } from '../domain/entities/index.js';
import type { ApiKeyRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

interface ApiKeyRow {
  id: string;
  workspace_id: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'id, workspace_id, created_at, revoked_at, last_used_at';

/** Operator API keys, stored as SHA-256 digests of their secrets. */
export class ApiKeyRepository extends BaseRepository {
  async insert(tx: Tx, record: ApiKeyRecord, secretSha256: string): Promise<void> {
    await tx.insert(ApiKey, {
      id: record.id,
      workspace: record.workspaceId,
      secretSha256,
      createdAt: record.createdAt,
      revokedAt: record.revokedAt,
      lastUsedAt: record.lastUsedAt,
    });
  }

  /** The key whose secret hashes to `secretSha256`, if it exists and is not revoked. */
  async findActiveBySecretHash(secretSha256: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.rows<ApiKeyRow>(`select ${COLUMNS} from api_keys where secret_sha256 = ? and revoked_at is null`, [secretSha256]);
    return row ? toRecord(row) : null;
  }

  /** Every key of a workspace, oldest first (secrets are never stored, so none can be listed). */
  async listByWorkspace(workspaceId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.rows<ApiKeyRow>(`select ${COLUMNS} from api_keys where workspace_id = ? order by created_at, id`, [workspaceId]);
    return rows.map(toRecord);
  }

  /**
   * Records that the key was used. Only when the stored time is older than `staleBefore`, so a busy
   * key costs one write a minute, not one per request.
   */
  async touchLastUsed(keyId: string, now: Date, staleBefore: Date): Promise<void> {
    await this.rows('update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)', [now, keyId, staleBefore]);
  }

  /** Revokes a live key of the workspace; null when there is no such live key. */
  async revoke(workspaceId: string, keyId: string, now: Date, tx?: Tx): Promise<ApiKeyRecord | null> {
    const [row] = await this.rows<ApiKeyRow>(
      `update api_keys set revoked_at = ? where id = ? and workspace_id = ? and revoked_at is null returning ${COLUMNS}`,
      [now, keyId, workspaceId],
      tx,
    );
    return row ? toRecord(row) : null;
  }
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    createdAt: toDate(row.created_at),
    revokedAt: toDate(row.revoked_at),
    lastUsedAt: toDate(row.last_used_at),
  };
}
