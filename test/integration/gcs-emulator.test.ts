import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, Storage, type File } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GcsStorageDriver } from '../../src/storage/gcs.driver.js';
import { startGcsEmulator, type GcsEmulator } from '../services/gcs-emulator.js';

// The emulator facts the GCS driver relies on, with the client options it should use.
// `apiEndpoint` (not the process-wide STORAGE_EMULATOR_HOST) routes JSON calls to <host>/storage/v1 and
// uploads to <host>/upload/storage/v1; the emulator serves both. No credentials are used for a custom endpoint.
function emulatorStorage(apiEndpoint: string): Storage {
  return new Storage({
    apiEndpoint,
    projectId: 'demo-test',
    // One retry, capped at 1 s, so a dead endpoint fails in ~1 s instead of ~15 s (default: 3 retries 2/4/8 s).
    retryOptions: { maxRetries: 1, maxRetryDelay: 1 },
  });
}

async function readAll(file: File): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('GCS emulator (firebase-tools storage emulator)', () => {
  let emulator: GcsEmulator;
  let storage: Storage;

  beforeAll(async () => {
    expect(process.env.STORAGE_EMULATOR_HOST).toBeUndefined();
    emulator = await startGcsEmulator();
    storage = emulatorStorage(emulator.host);
  }, 180_000);

  afterAll(async () => {
    await emulator?.stop();
  }, 30_000);

  it('round-trips a resumable upload with content type and custom metadata', async () => {
    const file = storage.bucket('intake-test').file('round-trip/a.pdf');
    const body = randomBytes(3 * 1024 * 1024 + 17);
    await pipeline(
      Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
      file.createWriteStream({ contentType: 'application/pdf', metadata: { metadata: { linkId: 'L1' } } }),
    );
    const [meta] = await file.getMetadata();
    expect(meta.size).toBe(String(body.length));
    expect(meta.contentType).toBe('application/pdf');
    expect(meta.metadata).toEqual({ linkId: 'L1' });
    expect(Date.parse(String(meta.timeCreated))).not.toBeNaN();
    expect((await readAll(file)).equals(body)).toBe(true);
    expect((await file.exists())[0]).toBe(true);
  }, 60_000);

  it('stores a 0-byte object', async () => {
    const file = storage.bucket('intake-test').file('round-trip/empty');
    await pipeline(Readable.from([]), file.createWriteStream({ contentType: 'application/octet-stream' }));
    expect((await file.getMetadata())[0].size).toBe('0');
    expect((await readAll(file)).length).toBe(0);
  }, 30_000);

  it('answers a missing object with ApiError code 404 on getMetadata and createReadStream', async () => {
    const file = storage.bucket('intake-test').file('missing/none');
    const expected = { code: 404, message: 'No such object: intake-test/missing/none' };
    await expect(file.getMetadata()).rejects.toSatisfy((err) => err instanceof ApiError);
    await expect(file.getMetadata()).rejects.toMatchObject(expected);
    await expect(readAll(file)).rejects.toMatchObject(expected);
    expect((await file.exists())[0]).toBe(false);
    await expect(file.delete()).rejects.toMatchObject({ code: 404 });
    await file.delete({ ignoreNotFound: true });
  }, 30_000);

  it('lists by prefix, page by page', async () => {
    const bucket = storage.bucket('intake-test');
    for (const name of ['list/a', 'list/b', 'list/c', 'other/d']) await bucket.file(name).save(name);
    const [page1, next] = await bucket.getFiles({ prefix: 'list/', autoPaginate: false, maxResults: 2 });
    expect(page1.map((f) => f.name)).toEqual(['list/a', 'list/b']);
    expect(page1[0]?.metadata.size).toBe('6');
    expect(Date.parse(String(page1[0]?.metadata.updated))).not.toBeNaN();
    expect(next?.pageToken).toBeTypeOf('string');
    const [page2, last] = await bucket.getFiles({ prefix: 'list/', autoPaginate: false, maxResults: 2, pageToken: next?.pageToken });
    expect(page2.map((f) => f.name)).toEqual(['list/c']);
    expect(last).toBeNull();
  }, 30_000);

  it('keeps no object when the source stream errors mid-way through pipeline()', async () => {
    const file = storage.bucket('intake-test').file('aborted/x.bin');
    async function* failing(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 4; i++) yield Buffer.alloc(1024 * 1024, i);
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error('client went away');
    }
    await expect(pipeline(Readable.from(failing()), file.createWriteStream())).rejects.toThrow('client went away');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await file.exists())[0]).toBe(false);
  }, 30_000);

  it('does not serve setMetadata/copy under /storage/v1 (501): the driver must not need them', async () => {
    const file = storage.bucket('intake-test').file('gaps/a');
    await file.save('a');
    await expect(file.setMetadata({ metadata: { k: 'v' } })).rejects.toMatchObject({ code: 501 });
    await expect(file.copy('gaps/b')).rejects.toMatchObject({ code: 501 });
  }, 30_000);

  // Our code, not the emulator's: the GCS driver turns a refused endpoint into storage_unavailable on
  // every call (the 502 the customer sees), and a write that failed leaves nothing behind once it is back.
  it('GcsStorageDriver answers storage_unavailable on write, open and delete when the endpoint refuses connections', async () => {
    const down = new GcsStorageDriver({ bucket: 'intake-test', projectId: 'demo-test', emulatorHost: 'http://127.0.0.1:1' });
    await expect(down.write('down/x', Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toMatchObject({
      code: 'storage_unavailable',
      status: 502,
    });
    await expect(down.open('down/x')).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(down.delete('down/x')).rejects.toMatchObject({ code: 'storage_unavailable' });
  }, 30_000);

  it('GcsStorageDriver writes, reads back and deletes through the emulator, and a missing object is not_found', async () => {
    const driver = new GcsStorageDriver({ bucket: 'intake-test', projectId: 'demo-test', emulatorHost: emulator.host });
    const bytes = randomBytes(70_000);
    await driver.write('driver/a', Readable.from([bytes]), { contentType: 'application/pdf' });
    const object = await driver.open('driver/a');
    expect(object.sizeBytes).toBe(70_000);
    const chunks: Buffer[] = [];
    for await (const chunk of object.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await driver.delete('driver/a');
    await expect(driver.open('driver/a')).rejects.toMatchObject({ code: 'not_found', status: 404 });
  }, 30_000);
});
