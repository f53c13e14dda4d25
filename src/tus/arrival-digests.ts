import { createHash, type Hash } from 'node:crypto';
import { containsOnlyText } from '../services/upload/text-bytes.js';

/** What the bytes of an upload showed while they arrived, up to `sizeBytes`. */
export interface ArrivalDigest {
  sha256: string;
  sizeBytes: number;
  /** No byte so far is one a text file never holds (the CSV check of UploadInspector). */
  onlyText: boolean;
}

/** Where the bytes of one PATCH are shown as they are written, and told how the write ended. */
export interface DigestFeed {
  update(chunk: Buffer): void;
  settle(length: number | Error): void;
}

/** For a PATCH whose digest cannot be trusted (it starts elsewhere than the digest's offset). */
const UNTRUSTED: DigestFeed = { update: () => undefined, settle: () => undefined };

interface RunningDigest {
  /** The bytes hashed so far: equal to the part file's length while the digest is trusted. */
  offset: number;
  hash: Hash;
  onlyText: boolean;
}

// A digest is a few hundred bytes; the cap only bounds a flood of abandoned uploads. A digest
// dropped for any reason costs the finish one re-read of the part file, never correctness.
const MAX_DIGESTS = 10_000;

/**
 * The SHA-256 and the text check of each unfinished upload, computed as its PATCHes arrive, so the
 * finish need not read the whole part file back. In memory, per process: after a restart, or when
 * another process appended bytes (its offset no longer matches), there is no digest and the finish
 * re-reads the file (ResumableIntakeService.finish). A digest is trusted only while every byte of
 * the part file passed through it: a PATCH that starts elsewhere than its offset, or that fails,
 * drops it.
 */
export class ArrivalDigests {
  private readonly running = new Map<string, RunningDigest>();

  /**
   * The digest to feed with the bytes of a PATCH starting at `offset`, in the order they are written
   * to the part file. `settle` is called once the write ended, with the part file's new length (its
   * bytes durable) or the write's error: the digest is kept only if it covers exactly that length.
   */
  begin(id: string, offset: number): DigestFeed {
    let digest = this.running.get(id);
    this.running.delete(id);
    if (offset === 0) digest = { offset: 0, hash: createHash('sha256'), onlyText: true };
    if (!digest || digest.offset !== offset) return UNTRUSTED;
    const running = digest;
    return {
      update: (chunk) => {
        running.hash.update(chunk);
        running.offset += chunk.length;
        if (running.onlyText && !containsOnlyText(chunk)) running.onlyText = false;
      },
      settle: (length) => {
        if (length instanceof Error || running.offset !== length) return;
        if (this.running.size >= MAX_DIGESTS) this.running.delete(this.running.keys().next().value as string);
        this.running.set(id, running);
      },
    };
  }

  /** The digest of the whole upload when every one of its `sizeBytes` went through this process. */
  complete(id: string, sizeBytes: number): ArrivalDigest | undefined {
    const digest = this.running.get(id);
    if (!digest || digest.offset !== sizeBytes) return undefined;
    return { sha256: digest.hash.copy().digest('hex'), sizeBytes, onlyText: digest.onlyText };
  }

  forget(id: string): void {
    this.running.delete(id);
  }
}
