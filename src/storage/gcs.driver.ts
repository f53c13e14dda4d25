import { Storage, type Bucket, type StorageOptions } from '@google-cloud/storage';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.js';
import { checkedKey, errorCodeOf, storageFailure } from './storage-errors.js';
import type { StorageDriver, StoredObject, StoredObjectInfo } from './storage-driver.js';

/** GCS settings; credentials are found the Google way (ADC, GOOGLE_APPLICATION_CREDENTIALS, metadata server). */
export interface GcsDriverOptions {
  bucket: string;
  projectId: string | undefined;
  /** A GCS-API emulator (e.g. http://127.0.0.1:9199); no credentials are used against it. */
  emulatorHost: string | undefined;
}

/**
 * Objects in a Google Cloud Storage bucket. Writes use a resumable upload, which GCS makes visible
 * only once finalised (and the client verifies its checksum), so a failed or aborted write leaves
 * no object. The driver never calls bucket-level APIs: it needs only object permissions.
 */
export class GcsStorageDriver implements StorageDriver {
  readonly name = 'gcs';
  private readonly bucket: Bucket;

  constructor(options: GcsDriverOptions) {
    const storageOptions: StorageOptions = {
      // One quick retry: a customer waiting on an upload wants a 502 within seconds, not 15 s of
      // backoff. No totalTimeout: when a retry falls due after it, the client never settles at all.
      // (maxRetries: 0 would be read as "default"; maxRetryDelay below 1 breaks resumable uploads.)
      retryOptions: { autoRetry: true, maxRetries: 1, maxRetryDelay: 1 },
    };
    if (options.emulatorHost) {
      storageOptions.apiEndpoint = options.emulatorHost;
      storageOptions.projectId = options.projectId ?? 'demo-intake-links';
    } else if (options.projectId) {
      storageOptions.projectId = options.projectId;
    }
    this.bucket = new Storage(storageOptions).bucket(options.bucket);
  }

  async write(key: string, source: Readable, options: { contentType: string }): Promise<void> {
    const file = this.bucket.file(checkedKey(key));
    try {
      await pipeline(source, file.createWriteStream({ resumable: true, contentType: options.contentType, metadata: { cacheControl: 'private, no-store' } }));
    } catch (error) {
      // A failed resumable upload is never finalised; delete anyway in case the failure came after.
      await file.delete({ ignoreNotFound: true }).catch(() => undefined);
      throw storageFailure(error);
    }
  }

  async open(key: string): Promise<StoredObject> {
    const file = this.bucket.file(checkedKey(key));
    try {
      const [metadata] = await withDeadline(file.getMetadata(), 'reading object metadata');
      return { sizeBytes: Number(metadata.size), stream: file.createReadStream({ validation: false }) };
    } catch (error) {
      if (errorCodeOf(error) === 404) throw new AppError('not_found', 'The stored file no longer exists.');
      throw storageFailure(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await withDeadline(this.bucket.file(checkedKey(key)).delete({ ignoreNotFound: true }), 'deleting an object');
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObjectInfo> {
    let pageToken: string | undefined;
    do {
      let files;
      let next;
      try {
        [files, next] = await withDeadline(
          this.bucket.getFiles({ prefix: checkedKey(prefix), autoPaginate: false, maxResults: 1000, pageToken }),
          'listing objects',
        );
      } catch (error) {
        throw storageFailure(error);
      }
      for (const file of files) {
        const created = file.metadata.timeCreated ?? file.metadata.updated;
        yield { key: file.name, createdAt: created ? new Date(created) : new Date(0) };
      }
      pageToken = (next as { pageToken?: string } | null)?.pageToken;
    } while (pageToken);
  }

  /** GCS has no partial objects to clean up: an unfinished resumable upload expires on its own. */
  async sweepIncompleteWrites(): Promise<number> {
    return 0;
  }
}

/** How long a metadata call may take before GCS counts as unavailable. */
const CALL_DEADLINE_MS = 15_000;

// The client ignores its `timeout` option on JSON calls: a server that accepts the connection and
// never answers would hang the request for good. The driver sets its own deadline instead.
async function withDeadline<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`GCS did not answer within ${CALL_DEADLINE_MS} ms (${what})`)), CALL_DEADLINE_MS);
  });
  try {
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
