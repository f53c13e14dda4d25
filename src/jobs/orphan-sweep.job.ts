import type { Logger } from 'pino';
import type { UploadRepository } from '../repositories/upload.repository.js';
import type { StorageDriver } from '../storage/storage-driver.js';
import { UPLOADS_PREFIX } from '../storage/storage-keys.js';

/** What one sweep removed. */
export interface SweepResult {
  orphanObjects: number;
  incompleteWrites: number;
}

const BATCH = 500;

/**
 * Removes stored objects that have no upload row: the leftovers of a crash between "object complete"
 * and "row committed" (the only order in which we write, so no row ever points at a missing object).
 * Objects younger than the grace period are left alone: their row may be committing right now.
 * It runs on the job queue (one sweep per interval across all processes); every step is idempotent anyway.
 */
export class OrphanSweepJob {
  constructor(
    private readonly storage: StorageDriver,
    private readonly uploads: UploadRepository,
    private readonly logger: Logger,
    private readonly graceMs = 15 * 60_000,
  ) {}

  async runOnce(now = new Date()): Promise<SweepResult> {
    const cutoff = new Date(now.getTime() - this.graceMs);
    let orphanObjects = 0;
    let batch: string[] = [];
    const flush = async () => {
      const kept = await this.uploads.existingStorageKeys(batch);
      for (const key of batch) {
        if (kept.has(key)) continue;
        await this.storage.delete(key);
        orphanObjects++;
      }
      batch = [];
    };
    for await (const object of this.storage.list(UPLOADS_PREFIX)) {
      if (object.createdAt >= cutoff) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    const incompleteWrites = await this.storage.sweepIncompleteWrites(cutoff);
    if (orphanObjects + incompleteWrites > 0) {
      this.logger.info({ orphanObjects, incompleteWrites }, 'orphan sweep removed leftovers of interrupted uploads');
    }
    return { orphanObjects, incompleteWrites };
  }
}
