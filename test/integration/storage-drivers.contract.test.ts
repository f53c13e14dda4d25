import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { GcsStorageDriver } from '../../src/storage/gcs.driver.js';
import { LocalStorageDriver } from '../../src/storage/local.driver.js';
import type { StorageDriver } from '../../src/storage/storage-driver.js';
import { uniqueBucketName } from '../helpers/storage-inspection.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

/** A driver under test, with what the contract needs to see behind it. */
interface DriverFixture {
  driver: StorageDriver;
  /** Leftovers of writes the driver keeps outside its objects (the local driver's .part files). */
  leftovers(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const FACTORIES: Array<{ name: string; create: () => Promise<DriverFixture> }> = [
  {
    name: 'LocalStorageDriver',
    create: async () => {
      const root = path.join(TEST_RUNS_DIR, `driver-${randomBytes(6).toString('hex')}`);
      const driver = new LocalStorageDriver(root);
      await driver.init();
      return {
        driver,
        leftovers: () => readdir(path.join(root, 'incoming')),
        cleanup: () => rm(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'GcsStorageDriver',
    create: async () => ({
      driver: new GcsStorageDriver({ bucket: uniqueBucketName(), projectId: undefined, emulatorHost: inject('gcsEmulatorHost') }),
      leftovers: async () => [],
      cleanup: async () => undefined,
    }),
  },
];

const OPTIONS = { contentType: 'application/pdf' };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function keysUnder(driver: StorageDriver, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of driver.list(prefix)) keys.push(object.key);
  return keys.sort();
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** A source that sends `bytesBefore` bytes, then fails with `error`. */
function failingSource(bytesBefore: number, error: Error): Readable {
  return Readable.from(
    (async function* () {
      for (let sent = 0; sent < bytesBefore; sent += 64 * 1024) yield randomBytes(Math.min(64 * 1024, bytesBefore - sent));
      throw error;
    })(),
  );
}

describe.each(FACTORIES)('StorageDriver contract: $name', ({ create }) => {
  let fixture: DriverFixture;
  let driver: StorageDriver;
  // Every test works under its own prefix (safe-key grammar: lowercase, digits, dashes, slashes).
  let n = 0;
  const prefix = () => `contract/t${++n}-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    fixture = await create();
    driver = fixture.driver;
  });
  afterAll(() => fixture.cleanup());

  it('reads back exactly what was written', async () => {
    const key = `${prefix()}/object`;
    const bytes = randomBytes(300 * 1024 + 7);
    await driver.write(key, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), OPTIONS);
    const opened = await driver.open(key);
    expect(opened.sizeBytes).toBe(bytes.length);
    expect((await readAll(opened.stream)).equals(bytes)).toBe(true);
  });

  it('shows nothing at the key while a write is in progress', async () => {
    const base = prefix();
    const key = `${base}/object`;
    const source = new PassThrough();
    const writing = driver.write(key, source, OPTIONS);
    const first = randomBytes(256 * 1024);
    source.write(first);
    await waitFor(() => source.readableLength === 0 && source.writableLength === 0, { what: 'the driver to consume the first bytes' });
    await expectAppError(driver.open(key), 'not_found');
    expect(await keysUnder(driver, `${base}/`)).toEqual([]);

    const rest = randomBytes(1000);
    source.end(rest);
    await writing;
    expect((await readAll((await driver.open(key)).stream)).equals(Buffer.concat([first, rest]))).toBe(true);
    expect(await keysUnder(driver, `${base}/`)).toEqual([key]);
    expect(await fixture.leftovers()).toEqual([]);
  });

  it.each([
    ['before any byte', 0],
    ['midway', 512 * 1024],
  ])('rethrows the source AppError unchanged and keeps nothing when the source fails %s', async (_when, bytesBefore) => {
    const base = prefix();
    const key = `${base}/object`;
    const failure = new AppError('file_too_large', 'too large for this test');
    const error = await driver.write(key, failingSource(bytesBefore, failure), OPTIONS).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBe(failure);
    await expectAppError(driver.open(key), 'not_found');
    expect(await keysUnder(driver, `${base}/`)).toEqual([]);
    expect(await fixture.leftovers()).toEqual([]);
  });

  it('deletes idempotently', async () => {
    const key = `${prefix()}/object`;
    await driver.write(key, Readable.from([Buffer.from('bytes')]), OPTIONS);
    await driver.delete(key);
    await driver.delete(key);
    await driver.delete(`${prefix()}/never-written`);
    await expectAppError(driver.open(key), 'not_found');
  });

  it('answers not_found for a missing object', async () => {
    await expectAppError(driver.open(`${prefix()}/missing`), 'not_found');
  });

  it('lists every key that starts with the prefix, with its creation time', async () => {
    const base = prefix();
    const before = Date.now();
    for (const key of [`${base}/a/1`, `${base}/a/2`, `${base}/a/deep/3`, `${base}/ab/4`, `${base}/b/5`]) {
      await driver.write(key, Readable.from([Buffer.from(key)]), OPTIONS);
    }
    const after = Date.now();
    expect(await keysUnder(driver, `${base}/a/`)).toEqual([`${base}/a/1`, `${base}/a/2`, `${base}/a/deep/3`]);
    expect(await keysUnder(driver, `${base}/a`)).toEqual([`${base}/a/1`, `${base}/a/2`, `${base}/a/deep/3`, `${base}/ab/4`]);
    expect(await keysUnder(driver, `${base}/`)).toHaveLength(5);
    expect(await keysUnder(driver, `${base}/none/`)).toEqual([]);
    for await (const object of driver.list(`${base}/`)) {
      expect(object.createdAt).toBeInstanceOf(Date);
      // Clock of the storage vs this process: a minute's slack, this is no timing check.
      expect(object.createdAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
      expect(object.createdAt.getTime()).toBeLessThanOrEqual(after + 60_000);
    }
  });

  it.each(['../escape', 'contract/../escape', 'contract/./x', 'contract//x', '/absolute', 'Contract/x', 'contract/x y', 'contract/a\\b', 'contract/%2e%2e', 'contract/é', ''])(
    'refuses the unsafe key %j for every operation',
    async (key) => {
      await expectAppError(driver.write(key, Readable.from([Buffer.from('x')]), OPTIONS), 'internal_server_error');
      await expectAppError(driver.open(key), 'internal_server_error');
      await expectAppError(driver.delete(key), 'internal_server_error');
      await expectAppError(
        (async () => {
          for await (const _object of driver.list(key)) break;
        })(),
        'internal_server_error',
      );
    },
  );
});
