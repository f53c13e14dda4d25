import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.js';
import { pipeInto } from './pipe-into.js';
import { checkedKey, errorCodeOf, storageFailure } from './storage-errors.js';
import type { StorageDriver, StoredObject, StoredObjectInfo } from './storage-driver.js';

// Why link() can refuse a file that is fine: another filesystem, or hard links unsupported there.
const CANNOT_LINK = new Set<unknown>(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

// Well inside the sweep's 15-minute grace period.
const PART_HEARTBEAT_MS = 60_000;

/**
 * Files on the local disk under `<root>/objects`. A write goes to `<root>/incoming/<random>.part`,
 * is fsynced, then renamed into place (and the folder fsynced), so an object appears only once
 * complete and survives a power cut once `write` has resolved.
 */
export class LocalStorageDriver implements StorageDriver {
  readonly name = 'local';
  private readonly objectsDir: string;
  private readonly incomingDir: string;
  // Part files being written by this process: the sweep never touches them, whatever their age (the
  // held-back head of a slow upload leaves the file's time unchanged for minutes).
  private readonly liveWrites = new Set<string>();

  constructor(root: string) {
    this.objectsDir = path.join(root, 'objects');
    this.incomingDir = path.join(root, 'incoming');
  }

  /** Creates the folders and proves they are writable; throws when they are not. */
  async init(): Promise<void> {
    // 0700/0600 throughout: folder names list workspace and upload ids, files are customers' records.
    await mkdir(this.objectsDir, { recursive: true, mode: 0o700 });
    await mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
    for (const dir of [path.dirname(this.objectsDir), this.objectsDir, this.incomingDir]) await chmod(dir, 0o700);
    const probe = path.join(this.incomingDir, `.probe-${randomUUID()}`);
    const handle = await open(probe, 'wx');
    await handle.close();
    await rm(probe, { force: true });
  }

  async write(key: string, source: Readable): Promise<void> {
    const finalPath = this.pathOf(key);
    const partName = `${randomUUID()}.part`;
    const partPath = path.join(this.incomingDir, partName);
    this.liveWrites.add(partName);
    // Another process sweeping the same folder sees a live write by its time, kept moving here.
    const heartbeat = setInterval(() => {
      const now = new Date();
      utimes(partPath, now, now).catch(() => undefined);
    }, PART_HEARTBEAT_MS).unref();
    try {
      // `flush: true` fsyncs the file before it is closed, and pipeInto() resolves only after the close.
      await pipeInto(source, createWriteStream(partPath, { flags: 'wx', mode: 0o600, flush: true }));
      await mkdir(path.dirname(finalPath), { recursive: true, mode: 0o700 });
      await rename(partPath, finalPath);
      await syncDirectory(path.dirname(finalPath));
    } catch (error) {
      await rm(partPath, { force: true }).catch(() => undefined);
      throw storageFailure(error);
    } finally {
      clearInterval(heartbeat);
      this.liveWrites.delete(partName);
    }
  }

  /**
   * A hard link, not a copy: the file (a finished tus upload, fsynced PATCH by PATCH) gets a second
   * name at `key` and the folder is fsynced, as `write` does after its rename. Another filesystem,
   * or one without hard links, answers false and the caller copies.
   */
  async adoptFile(key: string, filePath: string): Promise<boolean> {
    const finalPath = this.pathOf(key);
    try {
      await chmod(filePath, 0o600);
      await mkdir(path.dirname(finalPath), { recursive: true, mode: 0o700 });
      await link(filePath, finalPath);
    } catch (error) {
      if (CANNOT_LINK.has(errorCodeOf(error))) return false;
      throw storageFailure(error);
    }
    try {
      await syncDirectory(path.dirname(finalPath));
    } catch (error) {
      await rm(finalPath, { force: true }).catch(() => undefined);
      throw storageFailure(error);
    }
    return true;
  }

  async open(key: string): Promise<StoredObject> {
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
      const { size } = await handle.stat();
      return { sizeBytes: size, stream: handle.createReadStream() };
    } catch (error) {
      await handle?.close().catch(() => undefined);
      if (errorCodeOf(error) === 'ENOENT') throw new AppError('not_found', 'The stored file no longer exists.');
      throw storageFailure(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await rm(this.pathOf(key), { force: true });
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObjectInfo> {
    this.pathOf(prefix); // refuses an unsafe prefix
    // Walk the folder up to the prefix's last slash and keep the keys that start with the whole
    // prefix, as GCS does ("a/b" lists "a/b/1" and "a/bc/2").
    const folder = prefix.slice(0, Math.max(prefix.lastIndexOf('/'), 0));
    const start = folder ? this.pathOf(folder) : this.objectsDir;
    let entries;
    try {
      entries = await readdir(start, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return;
      throw storageFailure(error);
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const key = path.relative(this.objectsDir, full).split(path.sep).join('/');
      if (!key.startsWith(prefix)) continue;
      const info = await stat(full).catch(() => undefined);
      if (!info) continue; // deleted meanwhile
      yield { key, createdAt: info.mtime };
    }
  }

  async sweepIncompleteWrites(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.incomingDir).catch(() => [] as string[])) {
      if (this.liveWrites.has(name)) continue;
      const full = path.join(this.incomingDir, name);
      const info = await stat(full).catch(() => undefined);
      if (info && info.mtime < olderThan) {
        await rm(full, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private pathOf(key: string): string {
    return path.join(this.objectsDir, ...checkedKey(key).split('/').filter(Boolean));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
