import { csvBody } from '../lib/csv-body.ts';
import { MIB, mibPerSecond, spread, type Spread } from '../lib/stats.ts';
import { uploadOnce, type UploadTarget } from '../lib/uploader.ts';

/** One tus server to upload to: its creation URL and the metadata it wants. */
export interface TusTarget {
  label: 'tus-baseline' | 'product-tus';
  baseUrl: string;
  creationPath: string;
}

export interface TusThroughputResult {
  sizeBytes: number;
  /** MiB/s per (server, PATCH size): `single` sends the whole file in one PATCH, `8mib` in 8 MiB PATCHes. */
  rows: { server: string; patches: 'single' | '8mib' | 'raw-route'; mibPerSecond: Spread }[];
}

const METADATA = `filename ${Buffer.from('bench.csv').toString('base64')},filetype ${Buffer.from('text/csv').toString('base64')}`;

async function readAll(size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of csvBody(size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One tus upload (creation, then PATCHes of `chunkBytes`); throws unless every answer is the protocol's. */
export async function tusUploadOnce(target: TusTarget, file: Buffer, chunkBytes: number): Promise<void> {
  const created = await fetch(`${target.baseUrl}${target.creationPath}`, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(file.length), 'Upload-Metadata': METADATA },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location) throw new Error(`${target.label} creation: ${created.status} ${await created.text()}`);
  const url = new URL(location, `${target.baseUrl}${target.creationPath}`).toString();
  for (let offset = 0; offset < file.length; offset += chunkBytes) {
    const body = file.subarray(offset, Math.min(offset + chunkBytes, file.length));
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body,
    });
    if (res.status !== 204 || res.headers.get('upload-offset') !== String(offset + body.length)) {
      throw new Error(`${target.label} PATCH at ${offset}: ${res.status} ${await res.text()}`);
    }
  }
}

/**
 * The same file over @tus/server + @tus/file-store, over our tus route (hash, fsync, checks,
 * store), in one PATCH and in 8 MiB PATCHes, and over our raw route. Each upload gets a fresh body
 * (its own SHA-256), built in memory before the clock starts.
 */
export async function runTusThroughput(
  targets: TusTarget[],
  raw: UploadTarget,
  sizeBytes: number,
  rounds: number,
  log: (line: string) => void,
): Promise<TusThroughputResult> {
  const rows: TusThroughputResult['rows'] = [];
  for (const target of targets) {
    for (const patches of ['single', '8mib'] as const) {
      const speeds: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const file = await readAll(sizeBytes);
        const started = performance.now();
        await tusUploadOnce(target, file, patches === 'single' ? sizeBytes : 8 * MIB);
        speeds.push(mibPerSecond(sizeBytes, performance.now() - started));
      }
      rows.push({ server: target.label, patches, mibPerSecond: spread(speeds) });
    }
  }
  const speeds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await uploadOnce(raw, sizeBytes);
    speeds.push(mibPerSecond(sizeBytes, performance.now() - started));
  }
  rows.push({ server: 'product', patches: 'raw-route', mibPerSecond: spread(speeds) });
  for (const row of rows) log(`tus ${sizeBytes / MIB} MB ${row.server} ${row.patches}: ${row.mibPerSecond.median.toFixed(0)} MiB/s`);
  return { sizeBytes, rows };
}
