import fs from 'node:fs';
import { Writable } from 'node:stream';

// A write that finds earlier chunks still waiting takes them all in one writev: up to this much is
// held while the disk is busy (per PATCH being received), so a burst of the body costs one system
// call and one thread-pool round trip instead of one per 64 KiB socket read.
const PART_WRITE_HIGH_WATER_MARK = 1024 * 1024;

// Every this many bytes written, a datasync starts in the background while the body keeps arriving,
// so the disk flushes a large PATCH as it comes instead of all at its end: the datasync before the
// offset is answered then finds at most this much left to write. Small enough to work inside the
// upload page's 8 MiB PATCHes (at 16 MiB it never started in one); a 100 MiB PATCH is as fast with
// it as with 16 (bench/report/decisions.ts, 2026-12-04).
export const PART_FLUSH_BEHIND_BYTES = 2 * 1024 * 1024;

/**
 * The bytes of one PATCH appended to its part file from `offset` on, in one stream stage: each chunk
 * is shown to `onChunk` (the arrival digest), then written at its position; chunks that queued up
 * while a write ran go out together. Before the stream finishes the file is datasynced, so once
 * `finish` fires every byte counted in `bytesWritten` is durable; datasyncs started on the way
 * (flush-behind) only make that last one shorter. (@tus/file-store's own write is a counting
 * Transform and an fs.WriteStream, and syncs nothing.)
 */
export class PartFileWriter extends Writable {
  bytesWritten = 0;
  private fd: number | undefined;
  private position: number;
  private unflushedBytes = 0;
  /** The flush-behind datasync in flight, if any; its failure fails the stream at `_final`. */
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly filePath: string,
    offset: number,
    private readonly onChunk: (chunk: Buffer) => void,
    /** Bytes between flush-behind datasyncs; Infinity for none (one datasync at the end). */
    private readonly flushBehindBytes = PART_FLUSH_BEHIND_BYTES,
  ) {
    super({ highWaterMark: PART_WRITE_HIGH_WATER_MARK });
    this.position = offset;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    // r+: the part file exists (created empty by the creation request) and is never truncated here.
    fs.open(this.filePath, 'r+', (error, fd) => {
      this.fd = fd;
      callback(error);
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.onChunk(chunk);
    this.writeAt([chunk], chunk.length, callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const buffers = chunks.map(({ chunk }) => chunk);
    let length = 0;
    for (const buffer of buffers) {
      this.onChunk(buffer);
      length += buffer.length;
    }
    this.writeAt(buffers, length, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const fd = this.fd as number;
    (this.flushing ?? Promise.resolve()).then(
      () => fs.fdatasync(fd, (error) => callback(error)),
      (error: Error) => callback(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.fd === undefined) return callback(error);
    const fd = this.fd;
    this.fd = undefined;
    // Never close the descriptor under a datasync still running on it.
    const close = () => fs.close(fd, (closeError) => callback(error ?? closeError));
    (this.flushing ?? Promise.resolve()).then(close, close);
  }

  /** Starts a background datasync once `flushBehindBytes` were written since the last one began. */
  private flushBehind(written: number): void {
    this.unflushedBytes += written;
    if (this.unflushedBytes < this.flushBehindBytes || this.flushing) return;
    this.unflushedBytes = 0;
    const fd = this.fd as number;
    this.flushing = new Promise<void>((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    this.flushing.then(
      () => (this.flushing = undefined),
      () => undefined, // kept: _final reports it
    );
  }

  /** Writes `buffers` (`length` bytes in all) at the current position, again from where a short write stopped. */
  private writeAt(buffers: Buffer[], length: number, callback: (error?: Error | null) => void): void {
    const done = (error: NodeJS.ErrnoException | null, written: number) => {
      if (error) return callback(error);
      this.position += written;
      this.bytesWritten += written;
      this.flushBehind(written);
      if (written === length) return callback();
      this.writeAt(remainder(buffers, written), length - written, callback);
    };
    if (buffers.length === 1) fs.write(this.fd as number, buffers[0] as Buffer, 0, length, this.position, done);
    else fs.writev(this.fd as number, buffers, this.position, done);
  }
}

/** What of `buffers` is left once their first `written` bytes are out. */
function remainder(buffers: Buffer[], written: number): Buffer[] {
  const left: Buffer[] = [];
  let skip = written;
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    left.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return left;
}
