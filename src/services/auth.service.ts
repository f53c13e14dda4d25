import { timingSafeEqual } from 'node:crypto';
import { isWellFormedApiKey, sha256Hex } from '../domain/secrets.js';
import type { Actor } from '../domain/records.js';
import { AppError } from '../errors/app-error.js';
import type { ApiKeyRepository } from '../repositories/api-key.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import { isUuid } from './validation.js';

/**
 * `last_used_at` is kept to this resolution: a busy key costs one write a minute, not one per request.
 * Each process remembers when it last wrote each key's time and skips the statement inside the window
 * (no round trip at all: an authenticated request is the key lookup alone, like a bare server's); the
 * UPDATE itself only writes a stored time older than the window, so several processes still write at
 * most about once a minute between them. 60 s is coarse enough to vanish under load and fine enough
 * to tell an operator which keys are in use.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Who is calling: the holder of the admin token, or an API key of one workspace. */
export type Principal = { kind: 'admin' } | { kind: 'api_key'; keyId: string; workspaceId: string };

/**
 * Authentication and the workspace access rule, for both faces. An API key acts only on its own
 * workspace (another workspace's path is 403, without saying whether it exists); the admin token
 * acts on every workspace (an unknown one is 404).
 */
export class AuthService {
  private readonly adminTokenDigest: Buffer;
  private readonly verifiedWorkspaces = new WeakMap<Principal, Set<string>>();
  /** Key id to when this process last recorded its use (ms); at most one entry per issued key. */
  private readonly lastUseRecorded = new Map<string, number>();

  constructor(
    adminToken: string,
    private readonly apiKeys: ApiKeyRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly now: () => number = Date.now,
  ) {
    this.adminTokenDigest = Buffer.from(sha256Hex(adminToken), 'hex');
  }

  /** Resolves an `Authorization` header value to a principal, or throws `unauthorized`. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    const credential = match?.[1];
    if (!credential) {
      throw new AppError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".');
    }
    // Digests are compared, in constant time, so neither length nor content leaks through timing.
    const digest = sha256Hex(credential);
    if (timingSafeEqual(Buffer.from(digest, 'hex'), this.adminTokenDigest)) {
      return { kind: 'admin' };
    }
    if (isWellFormedApiKey(credential)) {
      const key = await this.apiKeys.findActiveBySecretHash(digest);
      if (key) {
        await this.recordUse(key.id);
        return { kind: 'api_key', keyId: key.id, workspaceId: key.workspaceId };
      }
    }
    throw new AppError('unauthorized', 'The API key is unknown or has been revoked.');
  }

  /** Writes the key's `last_used_at` unless this process did so within LAST_USED_RESOLUTION_MS. */
  private async recordUse(keyId: string): Promise<void> {
    const now = this.now();
    const recorded = this.lastUseRecorded.get(keyId);
    if (recorded !== undefined && now - recorded < LAST_USED_RESOLUTION_MS) return;
    await this.apiKeys.touchLastUsed(keyId, new Date(now), new Date(now - LAST_USED_RESOLUTION_MS));
    this.lastUseRecorded.set(keyId, now);
  }

  /** Throws unless `principal` may act on `workspaceId`. */
  async assertWorkspaceAccess(principal: Principal, workspaceId: string): Promise<void> {
    if (principal.kind === 'api_key') {
      if (principal.workspaceId !== workspaceId.toLowerCase()) {
        throw new AppError('forbidden', 'This API key belongs to another workspace.');
      }
      return;
    }
    // A request checks its workspace in the face and again in each service it calls; workspaces are
    // never deleted, so one lookup per principal (one per request) answers them all.
    const verified = this.verifiedWorkspaces.get(principal) ?? new Set<string>();
    if (verified.has(workspaceId)) return;
    if (!isUuid(workspaceId) || !(await this.workspaces.exists(workspaceId))) {
      throw new AppError('not_found', 'No workspace has this id.');
    }
    verified.add(workspaceId);
    this.verifiedWorkspaces.set(principal, verified);
  }

  /** Throws unless `principal` holds the admin token. */
  assertAdmin(principal: Principal): void {
    if (principal.kind !== 'admin') {
      throw new AppError('forbidden', 'Only the admin token may do this.');
    }
  }

  /** The audit trail's view of a principal. */
  actorOf(principal: Principal): Actor {
    return principal.kind === 'admin' ? { kind: 'admin', id: null } : { kind: 'api_key', id: principal.keyId };
  }
}
