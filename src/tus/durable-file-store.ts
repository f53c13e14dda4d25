import { createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, type Upload } from '@tus/server';
import { RESUMABLE_UPLOAD_TTL_MS } from '../services/upload/resumable-intake.service.js';
import { ArrivalDigests, type ArrivalDigest } from './arrival-digests.js';
import { PartFileWriter } from './part-file-writer.js';
import { collectYoungAfter } from '../transport/young-collection.js';

/**
 * @tus/file-store, with two rules it does not keep:
 * - every PATCH is fsynced before its new offset is answered, so an acknowledged byte survives a
 *   crash of the machine, not only of the process;
 * - expiry is ours (24 hours after the last PATCH, kept on the reservation and checked before tus
 *   sees the request), so the store never judges an upload expired by its creation date.
 * It also hashes the bytes as they arrive (ArrivalDigests), so a finish in the process that received
 * them all need not read the file back, and asks for a young collection every few MiB of them, as
 * the raw route does (transport/young-collection.ts).
 */
export class DurableFileStore extends FileStore {
  private readonly digests = new ArrivalDigests();

  constructor(directory: string) {
    super({ directory, expirationPeriodInMilliseconds: RESUMABLE_UPLOAD_TTL_MS });
  }

  /**
   * Appends a PATCH's body: hashed, checked and written in one stage (PartFileWriter), then datasynced
   * before the new offset is returned (and so before tus answers it).
   */
  override async write(readable: Readable, fileId: string, offset: number): Promise<number> {
    const feed = this.digests.begin(fileId, offset);
    let received = 0;
    const writer = new PartFileWriter(this.partPath(fileId), offset, (chunk) => {
      feed.update(chunk);
      // The body's buffers live outside the heap: freed by a young collection, as on the raw route.
      void collectYoungAfter(received, (received += chunk.length));
    });
    try {
      await pipeline(readable, writer);
    } catch (error) {
      feed.settle(error instanceof Error ? error : new Error(String(error)));
      // What @tus/file-store answers for any failed write (a 500 the client retries from HEAD).
      throw ERRORS.FILE_WRITE_ERROR;
    }
    const newOffset = offset + writer.bytesWritten;
    feed.settle(newOffset);
    return newOffset;
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

  /** Where an upload's part file lies; an id that is not one name inside the folder is not found. */
  partPath(id: string): string {
    if (id === '' || id === '.' || id === '..' || id.includes('/') || id.includes('\\')) throw ERRORS.FILE_NOT_FOUND;
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
