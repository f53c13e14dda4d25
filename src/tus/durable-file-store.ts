import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import { RESUMABLE_UPLOAD_TTL_MS } from '../services/upload/resumable-intake.service.js';
import { ArrivalDigests, type ArrivalDigest } from './arrival-digests.js';

/**
 * @tus/file-store, with two rules it does not keep:
 * - every PATCH is fsynced before its new offset is answered, so an acknowledged byte survives a
 *   crash of the machine, not only of the process;
 * - expiry is ours (24 hours after the last PATCH, kept on the reservation and checked before tus
 *   sees the request), so the store never judges an upload expired by its creation date.
 * It also hashes the bytes as they arrive (ArrivalDigests), so a finish in the process that received
 * them all need not read the file back.
 */
export class DurableFileStore extends FileStore {
  private readonly digests = new ArrivalDigests();

  constructor(directory: string) {
    super({ directory, expirationPeriodInMilliseconds: RESUMABLE_UPLOAD_TTL_MS });
  }

  override async write(readable: Readable, fileId: string, offset: number): Promise<number> {
    const tap = this.digests.tap(fileId, offset);
    // A failing body destroys the tap, which fails super.write as the body itself would have.
    pipeline(readable, tap.stream, () => undefined);
    try {
      const newOffset = await super.write(tap.stream, fileId, offset);
      // super.write already refused an id outside the folder.
      const handle = await open(path.join(this.directory, fileId), 'r+');
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
      tap.settle(newOffset);
      return newOffset;
    } catch (error) {
      tap.settle(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  override async getUpload(id: string): Promise<Upload> {
    const upload = await super.getUpload(id);
    // The reservation decides expiry (see tus-router.ts); tus compares creation_date + 24 h with now.
    upload.creation_date = new Date().toISOString();
    return upload;
  }

  /** The first `bytes` of an upload's part file. */
  readHead(id: string, bytes: number): ReadStream {
    // getUpload (called first) has refused an id outside the folder.
    return createReadStream(path.join(this.directory, id), { start: 0, end: bytes - 1 });
  }

  /** The SHA-256 and text check of the whole upload, when all its bytes arrived through this process. */
  arrivalDigest(id: string, sizeBytes: number): ArrivalDigest | undefined {
    return this.digests.complete(id, sizeBytes);
  }

  /** Where an upload's part file lies (getUpload, called first, has refused an id outside the folder). */
  partPath(id: string): string {
    return path.join(this.directory, id);
  }

  /** Removes an upload's bytes and description; a missing upload is not an error. */
  async removeIfPresent(id: string): Promise<void> {
    this.digests.forget(id);
    await this.remove(id).catch(() => undefined);
  }

  override async remove(id: string): Promise<void> {
    this.digests.forget(id);
    await super.remove(id);
  }
}

/** The folder of unfinished uploads: on the server's own disk, under DATA_DIR. */
export function tusPartsDirectory(dataDir: string): string {
  return path.join(dataDir, 'tus');
}
