import type { Logger } from 'pino';
import type { ResumableIntakeService } from '../services/upload/resumable-intake.service.js';

/** Where unfinished uploads keep their bytes (the tus part store). */
export interface UploadParts {
  removeIfPresent(uploadId: string): Promise<void>;
}

const BATCH = 200;

/**
 * Ends the resumable uploads that went quiet (nothing for 24 hours after their last PATCH): removes
 * their parts, then releases their slots. Parts go first, so a crash in between leaves a reservation
 * that the next sweep finishes (removing missing parts is not an error), never parts nobody owns.
 * It runs as the `tus-expiry-sweep` job (one per interval across processes); were two to overlap,
 * each release is a `delete ... returning`, so a slot is given back once.
 */
export async function sweepExpiredTusUploads(deps: {
  resumable: ResumableIntakeService;
  parts: UploadParts;
  logger: Logger;
  now?: Date;
}): Promise<number> {
  const now = deps.now ?? new Date();
  let released = 0;
  for (;;) {
    const expired = await deps.resumable.listExpired(now, BATCH);
    for (const reservation of expired) {
      await deps.parts.removeIfPresent(reservation.id);
      if (await deps.resumable.release(reservation.id)) released++;
    }
    if (expired.length < BATCH) break;
  }
  if (released > 0) deps.logger.info({ released }, 'expired unfinished uploads removed and their slots released');
  return released;
}
