import type { Tx } from '../db/unit-of-work.js';
import { ApiKey } from '../domain/entities/index.js';
import type { ApiKeyRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

interface ApiKeyRow {
  id: string;
  workspace_id: string;
  created_at: Date;
  revoked_at: Date | null;
}

/** Operator API keys, stored as SHA-256 digests of their secrets. */
export class ApiKeyRepository extends BaseRepository {
  async insert(tx: Tx, record: ApiKeyRecord, secretSha256: string): Promise<void> {
    await tx.insert(ApiKey, {
      id: record.id,
      workspace: record.workspaceId,
      secretSha256,
      createdAt: record.createdAt,
      revokedAt: record.revokedAt,
    });
  }

  /** The key whose secret hashes to `secretSha256`, if it exists and is not revoked. */
  async findActiveBySecretHash(secretSha256: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.rows<ApiKeyRow>(
      'select id, workspace_id, created_at, revoked_at from api_keys where secret_sha256 = ? and revoked_at is null',
      [secretSha256],
    );
    return row ? toRecord(row) : null;
  }

  /** Revokes a live key of the workspace; null when there is no such live key. */
  async revoke(workspaceId: string, keyId: string, now: Date): Promise<ApiKeyRecord | null> {
    const [row] = await this.rows<ApiKeyRow>(
      `update api_keys set revoked_at = ? where id = ? and workspace_id = ? and revoked_at is null
       returning id, workspace_id, created_at, revoked_at`,
      [now, keyId, workspaceId],
    );
    return row ? toRecord(row) : null;
  }
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return { id: row.id, workspaceId: row.workspace_id, createdAt: toDate(row.created_at), revokedAt: toDate(row.revoked_at) };
}
