import fs from 'node:fs';
import { Writable } from 'node:stream';

// A write that finds earlier chunks still waiting takes them all in one writev: up to this much is
// held while the disk is busy (per PATCH being received), so a burst of the body costs one system
// call and one thread-pool round trip instead of one per 64 KiB socket read.
const PART_WRITE_HIGH_WATER_MARK = 1024 * 1024;

/**
 * The bytes of one PATCH appended to its part file from `offset` on, in one stream stage: each chunk
 * is shown to `onChunk` (the arrival digest), then written at its position; chunks that queued up
 * while a write ran go out together. Before the stream finishes the file is datasynced, so once
 * `finish` fires every byte counted in `bytesWritten` is durable. (@tus/file-store's own write is
 * a counting Transform and an fs.WriteStream, and syncs nothing.)
 */
export class PartFileWriter extends Writable {
  bytesWritten = 0;
  private fd: number | undefined;
  private position: number;

  constructor(
    private readonly filePath: string,
    offset: number,
    private readonly onChunk: (chunk: Buffer) => void,
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
    fs.fdatasync(this.fd as number, (error) => callback(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.fd === undefined) return callback(error);
    fs.close(this.fd, (closeError) => callback(error ?? closeError));
    this.fd = undefined;
  }

  /** Writes `buffers` (`length` bytes in all) at the current position, again from where a short write stopped. */
  private writeAt(buffers: Buffer[], length: number, callback: (error?: Error | null) => void): void {
    const done = (error: NodeJS.ErrnoException | null, written: number) => {
      if (error) return callback(error);
      this.position += written;
      this.bytesWritten += written;
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
