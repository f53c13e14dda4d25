import { csvBody } from '../lib/csv-body.ts';
import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { MIB, mibPerSecond } from '../lib/stats.ts';
import { uploadOnce, type UploadTarget } from '../lib/uploader.ts';

/** One tus server to upload to: its creation URL and the metadata it wants. */
export interface TusTarget {
  label: 'tus-baseline' | 'product-tus';
  baseUrl: string;
  creationPath: string;
}

/** One pairing: a product route against the tus baseline, alternating rounds (MiB/s; ratio product / baseline). */
export interface TusComparison {
  name: string;
  product: 'product-tus single' | 'product-tus 8mib' | 'product raw-route';
  baseline: 'tus-baseline single' | 'tus-baseline 8mib';
  rounds: PairedRound<number>[];
  summary: PairedSummary;
}

export interface TusThroughputResult {
  sizeBytes: number;
  comparisons: TusComparison[];
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
 * The same size over @tus/server + @tus/file-store against each product route, in alternating rounds
 * (P B, B P, ...): our raw route and our tus route in one PATCH against the baseline in one PATCH,
 * our tus route in 8 MiB PATCHes against the baseline in 8 MiB PATCHes. Each tus upload gets a fresh
 * body (its own SHA-256), built in memory before the clock starts; the raw route streams its body.
 * Both sides' stored files are removed (untimed) before every upload.
 */
export async function runTusThroughput(
  targets: { baseline: TusTarget; product: TusTarget },
  raw: UploadTarget,
  sizeBytes: number,
  rounds: number,
  clearStorage: () => Promise<void>,
  log: (line: string) => void,
): Promise<TusThroughputResult> {
  const tusOnce = (target: TusTarget, chunkBytes: number) => async () => {
    await clearStorage();
    const file = await readAll(sizeBytes);
    const started = performance.now();
    await tusUploadOnce(target, file, chunkBytes);
    return mibPerSecond(sizeBytes, performance.now() - started);
  };
  const rawOnce = async () => {
    await clearStorage();
    const started = performance.now();
    await uploadOnce(raw, sizeBytes);
    return mibPerSecond(sizeBytes, performance.now() - started);
  };
  const plans: [TusComparison['name'], TusComparison['product'], TusComparison['baseline'], () => Promise<number>, () => Promise<number>][] = [
    ['raw route vs tus baseline, single PATCH', 'product raw-route', 'tus-baseline single', rawOnce, tusOnce(targets.baseline, sizeBytes)],
    ['tus route vs tus baseline, single PATCH', 'product-tus single', 'tus-baseline single', tusOnce(targets.product, sizeBytes), tusOnce(targets.baseline, sizeBytes)],
    ['tus route vs tus baseline, 8 MiB PATCHes', 'product-tus 8mib', 'tus-baseline 8mib', tusOnce(targets.product, 8 * MIB), tusOnce(targets.baseline, 8 * MIB)],
  ];
  const comparisons: TusComparison[] = [];
  for (const [name, product, baseline, p, b] of plans) {
    await p(); // warm-up, untimed
    await b();
    const paired = await alternate(rounds, p, b);
    const summary = summarizePaired(paired, (x) => x);
    comparisons.push({ name, product, baseline, rounds: paired, summary });
    log(`tus ${sizeBytes / MIB} MB ${name}: product ${summary.product.median.toFixed(0)} MiB/s, baseline ${summary.baseline.median.toFixed(0)} MiB/s, ratio ${summary.ratio.median.toFixed(2)}`);
  }
  await clearStorage();
  return { sizeBytes, comparisons };
}
