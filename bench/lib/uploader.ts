import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { csvBody } from './csv-body.ts';
import { sendStream } from './http-client.ts';

/** Where and how to upload: the product's route with its headers, the baseline's root, or the floor's token path. */
export interface UploadTarget {
  label: 'product' | 'baseline' | 'floor';
  baseUrl: string;
  path: string;
  headers: Record<string, string>;
  /** The serving process's CPU time so far (ms), when the bench knows its pid (see ChildServer.cpuMs). */
  cpuMs?: () => Promise<number>;
}

export function productTarget(baseUrl: string, linkToken: string): UploadTarget {
  return {
    label: 'product',
    baseUrl,
    path: `/upload/${linkToken}/files`,
    headers: { 'x-amigo-intake-filename': 'bench.csv', 'x-amigo-intake-content-type': 'text/csv' },
  };
}

export function baselineTarget(baseUrl: string): UploadTarget {
  return { label: 'baseline', baseUrl, path: '/', headers: {} };
}

/** bench/baselines/record-floor-server.ts: the token in the path, as the product's route has it. */
export function floorTarget(baseUrl: string, token: string): UploadTarget {
  return { label: 'floor', baseUrl, path: `/u/${encodeURIComponent(token)}`, headers: {} };
}

/** One upload of a fresh CSV body; throws unless the server answered 201 with the right size. */
export async function uploadOnce(target: UploadTarget, size: number): Promise<{ id?: string; sha256: string }> {
  const res = await sendStream(target.baseUrl, target.path, target.headers, csvBody(size), size);
  if (res.status !== 201 || res.json?.size_bytes !== size) {
    throw new Error(`${target.label} upload of ${size} bytes: ${res.status} ${res.text.slice(0, 500)}`);
  }
  return { id: res.json.id, sha256: res.json.sha256 };
}

/** `clients` clients at once, each uploading `perClient` files one after another; resolves with the wall time. */
export async function uploadBatch(target: UploadTarget, size: number, clients: number, perClient: number): Promise<{ ms: number; bytes: number; ids: string[] }> {
  const ids: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const { id } = await uploadOnce(target, size);
        if (id) ids.push(id);
      }
    }),
  );
  return { ms: performance.now() - started, bytes: size * clients * perClient, ids };
}

/** One upload whose body is hashed on the way out and checked against the server's SHA-256 (outside timed rounds). */
export async function uploadVerified(target: UploadTarget, size: number): Promise<void> {
  const hash = createHash('sha256');
  const body = csvBody(size).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
  );
  const res = await sendStream(target.baseUrl, target.path, target.headers, body, size);
  const expected = hash.digest('hex');
  if (res.status !== 201 || res.json?.sha256 !== expected || res.json?.size_bytes !== size) {
    throw new Error(`${target.label} verified upload: ${res.status} ${res.text.slice(0, 500)} (expected sha256 ${expected}, ${size} bytes)`);
  }
}
