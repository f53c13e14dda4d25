import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Storage } from '@google-cloud/storage';
import { inject } from 'vitest';
import type { TestServer } from './test-server.js';

/** A storage driver the server can run on, as the environment that selects it. */
export interface StorageTarget {
  name: 'local' | 'gcs';
  /** Environment for startTestServer; a fresh GCS bucket on every call. */
  env(): Record<string, string>;
}

/** Both drivers: the local disk (the default) and GCS through the emulator the test run started. */
export const STORAGE_TARGETS: readonly StorageTarget[] = [
  { name: 'local', env: () => ({}) },
  {
    name: 'gcs',
    env: () => ({ STORAGE_DRIVER: 'gcs', GCS_BUCKET: uniqueBucketName(), STORAGE_EMULATOR_HOST: inject('gcsEmulatorHost') }),
  },
];

/** A bucket name no other test file uses (the emulator is shared by the whole run). */
export function uniqueBucketName(): string {
  return `intake-test-${randomBytes(6).toString('hex')}`;
}

/** A GCS client of our own (not the product's driver) pointed at the emulator. */
export function emulatorBucket(bucket: string, host = inject('gcsEmulatorHost')) {
  return new Storage({ apiEndpoint: host, projectId: 'demo-intake-tests' }).bucket(bucket);
}

/**
 * Every object the server's storage holds, as sorted keys, read behind the server's back: the files
 * under DATA_DIR/files/objects for the local driver, the bucket listing for GCS.
 */
export async function listStoredKeys(t: TestServer): Promise<string[]> {
  const storage = t.server.container.config.storage;
  switch (storage.driver) {
    case 'local': {
      const objectsDir = path.join(storage.root, 'objects');
      const entries = await readdir(objectsDir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(objectsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
    }
    case 'gcs': {
      const [files] = await emulatorBucket(storage.bucket, storage.emulatorHost).getFiles();
      return files.map((file) => file.name).sort();
    }
    case 'none':
      return [];
  }
}

/** Leftovers of unfinished writes the server can see: `.part` files of the local driver (GCS shows none). */
export async function listIncompleteWrites(t: TestServer): Promise<string[]> {
  const storage = t.server.container.config.storage;
  if (storage.driver !== 'local') return [];
  return (await readdir(path.join(storage.root, 'incoming')).catch(() => [] as string[])).sort();
}

/** Removes an object behind the server's back. */
export async function deleteStoredObject(t: TestServer, key: string): Promise<void> {
  const storage = t.server.container.config.storage;
  switch (storage.driver) {
    case 'local':
      await rm(path.join(storage.root, 'objects', ...key.split('/')));
      return;
    case 'gcs':
      await emulatorBucket(storage.bucket, storage.emulatorHost).file(key).delete();
      return;
    case 'none':
      throw new Error('no storage configured');
  }
}

/** The storage key the server recorded for an upload. */
export async function storageKeyOf(t: TestServer, uploadId: string): Promise<string> {
  const [row] = await t.db.query<{ storage_key: string }>('select storage_key from uploads where id = $1', [uploadId]);
  if (!row) throw new Error(`no upload row ${uploadId}`);
  return row.storage_key;
}
