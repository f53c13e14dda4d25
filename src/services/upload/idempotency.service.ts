import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { UploadRecord } from '../../domain/records.js';
import { isWellFormedLinkToken, sha256Hex } from '../../domain/secrets.js';
import { AppError } from '../../errors/app-error.js';
import type { IdempotencyKeyRepository } from '../../repositories/idempotency-key.repository.js';
import type { LinkRepository } from '../../repositories/link.repository.js';
import type { UploadRepository } from '../../repositories/upload.repository.js';

/** How long a key is remembered (contract: 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
// A live attempt moves its heartbeat this often; one silent for STALE_AFTER_MS died (kill -9, lost
// database) and its key may be taken over by a retry.
const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 30_000;
const KEY_SHAPE = /^[\x20-\x7e]{8,128}$/;

/** What a retry gets: the first answer again, or the right to run the upload under the key. */
export type IdempotencyOutcome =
  | { kind: 'replay'; body: unknown }
  /** The first attempt committed but its answer was never recorded (lost after COMMIT): render this upload. */
  | { kind: 'replay-upload'; upload: UploadRecord; complete(body: unknown): Promise<void> }
  | { kind: 'claimed'; claim: IdempotencyClaim };

/** A held key: the upload must be stored under `uploadId`, then `complete` or `release` called once. */
export interface IdempotencyClaim {
  uploadId: string;
  complete(body: unknown): Promise<void>;
  release(): Promise<void>;
}

/**
 * `Idempotency-Key` on the raw upload route (IETF httpapi draft), per link, kept 24 hours. The upload id
 * is fixed when a key is claimed, so a retry after an ambiguous commit (the connection died after
 * COMMIT was sent) finds the stored upload and answers it instead of storing the file twice.
 */
export class UploadIdempotencyService {
  constructor(
    private readonly deps: { keys: IdempotencyKeyRepository; links: LinkRepository; uploads: UploadRepository; logger: Logger },
  ) {}

  /** The key of a request, or undefined when none was sent; a malformed or repeated one is 422. */
  parseKey(values: readonly string[] | undefined): string | undefined {
    if (values === undefined || values.length === 0) return undefined;
    const [value] = values;
    if (values.length > 1 || value === undefined || !KEY_SHAPE.test(value)) {
      throw new AppError('validation_error', 'The Idempotency-Key header must appear once and be 8 to 128 printable ASCII characters.', {
        field: 'Idempotency-Key',
      });
    }
    return value;
  }

  /**
   * Looks the key up for the link the token names and claims it when it is free. Null when the token
   * names no link: the intake's own checks then give the refusal. A key held by a live attempt is 409.
   */
  async begin(linkToken: string, key: string): Promise<IdempotencyOutcome | null> {
    if (!isWellFormedLinkToken(linkToken)) return null;
    const link = await this.deps.links.findByTokenHash(sha256Hex(linkToken));
    if (!link || link.revokedAt !== null) return null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const uploadId = randomUUID();
      const now = new Date();
      if (await this.deps.keys.claim(link.id, key, uploadId, now)) return { kind: 'claimed', claim: this.holdClaim(link.id, key, uploadId) };
      const held = await this.deps.keys.find(link.id, key);
      if (!held) continue; // released between our insert and our read: try again
      const expired = held.createdAt.getTime() < now.getTime() - IDEMPOTENCY_KEY_TTL_MS;
      if (!expired && held.response !== null) return { kind: 'replay', body: held.response };
      if (!expired) {
        const upload = await this.deps.uploads.findInLink(link.id, held.uploadId);
        if (upload) {
          return { kind: 'replay-upload', upload, complete: (body) => this.deps.keys.complete(link.id, key, held.uploadId, body) };
        }
      }
      const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
      const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
      if (await this.deps.keys.takeOver(link.id, key, uploadId, now, staleBefore, expiredBefore)) {
        return { kind: 'claimed', claim: this.holdClaim(link.id, key, uploadId) };
      }
      if (!expired && held.heartbeatAt >= staleBefore) {
        throw new AppError('idempotency_in_progress');
      }
    }
    throw new AppError('idempotency_in_progress');
  }

  private holdClaim(linkId: string, key: string, uploadId: string): IdempotencyClaim {
    const { keys, logger } = this.deps;
    const timer = setInterval(() => {
      keys.heartbeat(linkId, key, uploadId, new Date()).catch((error: unknown) => logger.warn({ err: error }, 'could not move an idempotency heartbeat'));
    }, HEARTBEAT_MS);
    timer.unref();
    let settled = false;
    const settle = async (work: () => Promise<void>, what: string): Promise<void> => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      // Best effort: when the database is gone the claim stays and a retry finds the upload or a stale claim.
      await work().catch((error: unknown) => logger.warn({ err: error }, `could not ${what} an idempotency key`));
    };
    return {
      uploadId,
      complete: (body) => settle(() => keys.complete(linkId, key, uploadId, body), 'complete'),
      release: () => settle(() => keys.release(linkId, key, uploadId), 'release'),
    };
  }
}
