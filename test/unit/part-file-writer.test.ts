import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PartFileWriter } from '../../src/tus/part-file-writer.js';

// The tus part writer on a real file: bytes land at their offset, each is shown to the digest once,
// and the background datasyncs on the way (flush-behind) never replace the one before `finish`.
describe('PartFileWriter', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'part-writer-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const chunks = (count: number, size: number) => Array.from({ length: count }, (_, i) => Buffer.alloc(size, 97 + (i % 26)));

  it('appends at the offset, feeds every byte to the digest once, and datasyncs along the way and at the end', async () => {
    const file = path.join(dir, 'part');
    await writeFile(file, 'head-');
    const body = chunks(40, 64 * 1024); // 2.5 MiB
    const digest = createHash('sha256');
    const datasync = vi.spyOn(fs, 'fdatasync');

    const writer = new PartFileWriter(file, 5, (chunk) => digest.update(chunk), 512 * 1024);
    await pipeline(Readable.from(body), writer);

    const expected = Buffer.concat([Buffer.from('head-'), ...body]);
    expect(writer.bytesWritten).toBe(2_621_440);
    expect((await readFile(file)).equals(expected)).toBe(true);
    expect(digest.digest('hex')).toBe(createHash('sha256').update(Buffer.concat(body)).digest('hex'));
    // At most one flush-behind runs at a time, so fewer than 2.5 MiB / 512 KiB = 5 may start; the
    // last call is the final datasync, made after every write.
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('without flush-behind datasyncs exactly once, at the end', async () => {
    const file = path.join(dir, 'part');
    await writeFile(file, '');
    const datasync = vi.spyOn(fs, 'fdatasync');
    await pipeline(Readable.from(chunks(40, 64 * 1024)), new PartFileWriter(file, 0, () => undefined, Infinity));
    expect(datasync).toHaveBeenCalledTimes(1);
  });

  it('fails the PATCH when a flush-behind datasync fails, even if the last one succeeds', async () => {
    const file = path.join(dir, 'part');
    await writeFile(file, '');
    const real = fs.fdatasync;
    let calls = 0;
    vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      calls++;
      if (calls === 1) return callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      return real(fd, callback);
    }) as typeof fs.fdatasync);
    const writing = pipeline(Readable.from(chunks(40, 64 * 1024)), new PartFileWriter(file, 0, () => undefined, 512 * 1024));
    await expect(writing).rejects.toThrow('EIO');
  });
});
