import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { MIB, mibPerSecond } from '../lib/stats.ts';
import { uploadBatch, uploadVerified, type UploadTarget } from '../lib/uploader.ts';

/** One size at one concurrency; a round moves `clients * perClient` files of `sizeBytes`. */
export interface ThroughputCase {
  name: string;
  sizeBytes: number;
  clients: number;
  perClient: number;
}

export const THROUGHPUT_CASES: ThroughputCase[] = [
  { name: '1 MB, 1 client', sizeBytes: 1 * MIB, clients: 1, perClient: 48 },
  { name: '1 MB, 4 clients', sizeBytes: 1 * MIB, clients: 4, perClient: 12 },
  { name: '10 MB, 1 client', sizeBytes: 10 * MIB, clients: 1, perClient: 8 },
  { name: '10 MB, 4 clients', sizeBytes: 10 * MIB, clients: 4, perClient: 3 },
  { name: '100 MB, 1 client', sizeBytes: 100 * MIB, clients: 1, perClient: 2 },
  { name: '100 MB, 4 clients', sizeBytes: 100 * MIB, clients: 4, perClient: 1 },
];

/** `--quick`: the small files only, a smoke run. */
export const QUICK_CASES = THROUGHPUT_CASES.filter((c) => c.sizeBytes === MIB);

export interface BatchFigure {
  ms: number;
  bytes: number;
  mibPerSecond: number;
  /** utime + stime of the server process over the batch (ms), from /proc/<pid>/stat; absent in older results. */
  cpuMs?: number;
}

/** CPU ms of the server per 100 MiB uploaded in one batch. */
export const cpuPer100MB = (f: BatchFigure) => ((f.cpuMs ?? NaN) * 100 * MIB) / f.bytes;

export interface ThroughputResult {
  case: ThroughputCase;
  rounds: PairedRound<BatchFigure>[];
  /** MiB/s of each side, and the per-round ratio product / baseline (higher is better for the product). */
  summary: PairedSummary;
  /** Server CPU ms per 100 MiB, each side, and the per-round ratio product / baseline (lower is better). */
  cpu?: PairedSummary;
}

/** Both sides' stored files, removed before every timed batch (see runUploadThroughput). */
export type ClearStorage = () => Promise<void>;

/**
 * Both servers answer the same client. First, untimed: a check that each returns the SHA-256 the
 * client computed, then a warm-up of about 1 GB each (a fresh product process runs its per-byte
 * check in slower code for its first few hundred MB; see BENCHMARKS.md), so the rounds measure
 * servers in their steady state. Then per case one untimed warm-up batch on each side and
 * `rounds` alternating timed batches. Every batch starts with both sides' stored files removed
 * (untimed): several GB written in a row fill the page cache and slow later writes on this
 * machine, which would favour whichever case runs late.
 */
export async function runUploadThroughput(
  product: UploadTarget,
  baseline: UploadTarget,
  rounds: number,
  clearStorage: ClearStorage,
  log: (line: string) => void,
  quick = false,
): Promise<ThroughputResult[]> {
  for (const target of [product, baseline]) {
    await uploadVerified(target, 3 * MIB + 7);
    if (!quick) await uploadVerified(target, 100 * MIB);
  }
  log(`both servers returned the SHA-256 the client computed (3 MiB + 7 B${quick ? '' : ' and 100 MiB'})`);
  for (const target of [product, baseline]) {
    const times: string[] = [];
    for (const [size, clients, perClient] of quick ? QUICK_WARMUP : WARMUP) {
      await clearStorage();
      const { ms } = await uploadBatch(target, size, clients, perClient);
      times.push(`${clients} x ${perClient} x ${size / MIB} MB ${ms.toFixed(0)} ms`);
    }
    log(`warm-up ${target.label}: ${times.join(', ')}`);
  }

  const results: ThroughputResult[] = [];
  for (const c of quick ? QUICK_CASES : THROUGHPUT_CASES) {
    const batch = async (target: UploadTarget): Promise<BatchFigure> => {
      await clearStorage();
      const cpuBefore = await target.cpuMs?.();
      const { ms, bytes } = await uploadBatch(target, c.sizeBytes, c.clients, c.perClient);
      const cpuAfter = await target.cpuMs?.();
      const figure: BatchFigure = { ms, bytes, mibPerSecond: mibPerSecond(bytes, ms) };
      if (cpuBefore !== undefined && cpuAfter !== undefined) figure.cpuMs = cpuAfter - cpuBefore;
      return figure;
    };
    await batch(product);
    await batch(baseline);
    const paired = await alternate(rounds, () => batch(product), () => batch(baseline));
    const summary = summarizePaired(paired, (f) => f.mibPerSecond);
    const cpu = paired.every((r) => r.product.cpuMs !== undefined && r.baseline.cpuMs !== undefined) ? summarizePaired(paired, cpuPer100MB) : undefined;
    results.push({ case: c, rounds: paired, summary, ...(cpu ? { cpu } : {}) });
    log(
      `upload ${c.name}: product ${summary.product.median.toFixed(1)} MiB/s, baseline ${summary.baseline.median.toFixed(1)} MiB/s, ` +
        `ratio ${summary.ratio.median.toFixed(2)} (${summary.ratio.min.toFixed(2)}-${summary.ratio.max.toFixed(2)})` +
        (cpu ? `; CPU per 100 MB product ${cpu.product.median.toFixed(0)} ms, baseline ${cpu.baseline.median.toFixed(0)} ms, ratio ${cpu.ratio.median.toFixed(2)}` : ''),
    );
  }
  await clearStorage();
  return results;
}

/** The untimed warm-up before the rounds, per server: [size, clients, files per client]. */
export const WARMUP: [number, number, number][] = [
  [100 * MIB, 4, 1],
  [100 * MIB, 4, 1],
  [10 * MIB, 4, 4],
  [MIB, 4, 12],
];

/** The `--quick` warm-up: enough to reach the steady state for 1 MB files, not for large ones. */
export const QUICK_WARMUP: [number, number, number][] = [[MIB, 4, 12]];
