import { alternate, alternateThree, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { MIB, mibPerSecond, spread, type Spread } from '../lib/stats.ts';
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

/** A round of the upload cases: the pair, and the floor's figure and the three sides' order when it ran. */
export type ThroughputRound = PairedRound<BatchFigure> & { floor?: BatchFigure; sequence?: string };

/**
 * The durable-record floor beside the pair (bench/baselines/record-floor-server.ts): its figure and
 * the per-round ratios floor / bare baseline (the ceiling of any server with the product's
 * guarantees on this machine) and product / floor (what the product adds beyond them).
 */
export interface FloorSummary {
  mibPerSecond: Spread;
  floorOverBaseline: Spread;
  productOverFloor: Spread;
  /** Server CPU ms per 100 MiB of the floor, and the same two per-round ratios of it. */
  cpu?: { per100MB: Spread; floorOverBaseline: Spread; productOverFloor: Spread };
}

export interface ThroughputResult {
  case: ThroughputCase;
  rounds: ThroughputRound[];
  /** MiB/s of each side, and the per-round ratio product / baseline (higher is better for the product). */
  summary: PairedSummary;
  /** Server CPU ms per 100 MiB, each side, and the per-round ratio product / baseline (lower is better). */
  cpu?: PairedSummary;
  /** Absent in results written before the floor existed, and for scenarios that have none (GCS). */
  floor?: FloorSummary;
}

function summarizeFloor(rounds: ThroughputRound[]): FloorSummary | undefined {
  const trio = rounds.flatMap((r) => (r.floor ? [{ ...r, floor: r.floor }] : []));
  if (trio.length === 0 || trio.length !== rounds.length) return undefined;
  const of = (value: (f: BatchFigure) => number) => ({
    side: spread(trio.map((r) => value(r.floor))),
    floorOverBaseline: spread(trio.map((r) => value(r.floor) / value(r.baseline))),
    productOverFloor: spread(trio.map((r) => value(r.product) / value(r.floor))),
  });
  const speed = of((f) => f.mibPerSecond);
  const withCpu = trio.every((r) => [r.product, r.baseline, r.floor].every((f) => f.cpuMs !== undefined));
  const cpu = withCpu ? of(cpuPer100MB) : undefined;
  return {
    mibPerSecond: speed.side,
    floorOverBaseline: speed.floorOverBaseline,
    productOverFloor: speed.productOverFloor,
    ...(cpu ? { cpu: { per100MB: cpu.side, floorOverBaseline: cpu.floorOverBaseline, productOverFloor: cpu.productOverFloor } } : {}),
  };
}

/** Every side's stored files, removed before every timed batch (see runUploadThroughput). */
export type ClearStorage = () => Promise<void>;

/**
 * The servers answer the same client: the product, the bare baseline and, when given, the
 * durable-record floor. First, untimed: a check that each returns the SHA-256 the client computed,
 * then a warm-up of about 1 GB each (a fresh product process runs its per-byte check in slower code
 * for its first few hundred MB; see BENCHMARKS.md), so the rounds measure servers in their steady
 * state. Then per case one untimed warm-up batch on each side and `rounds` timed rounds, the sides'
 * order alternating (see alternate and alternateThree). Every batch starts with every side's stored
 * files removed (untimed): several GB written in a row fill the page cache and slow later writes on
 * this machine, which would favour whichever case runs late.
 */
export async function runUploadThroughput(
  product: UploadTarget,
  baseline: UploadTarget,
  rounds: number,
  clearStorage: ClearStorage,
  log: (line: string) => void,
  quick = false,
  floor?: UploadTarget,
): Promise<ThroughputResult[]> {
  const sides = floor ? [product, baseline, floor] : [product, baseline];
  for (const target of sides) {
    await uploadVerified(target, 3 * MIB + 7);
    if (!quick) await uploadVerified(target, 100 * MIB);
  }
  log(`${sides.map((t) => t.label).join(', ')} returned the SHA-256 the client computed (3 MiB + 7 B${quick ? '' : ' and 100 MiB'})`);
  for (const target of sides) {
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
    for (const target of sides) await batch(target);
    const paired: ThroughputRound[] = floor
      ? await alternateThree(rounds, () => batch(product), () => batch(baseline), () => batch(floor))
      : await alternate(rounds, () => batch(product), () => batch(baseline));
    const summary = summarizePaired(paired, (f) => f.mibPerSecond);
    const cpu = paired.every((r) => r.product.cpuMs !== undefined && r.baseline.cpuMs !== undefined) ? summarizePaired(paired, cpuPer100MB) : undefined;
    const floorSummary = summarizeFloor(paired);
    results.push({ case: c, rounds: paired, summary, ...(cpu ? { cpu } : {}), ...(floorSummary ? { floor: floorSummary } : {}) });
    const r2 = (s: Spread) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;
    log(
      `upload ${c.name}: product ${summary.product.median.toFixed(1)} MiB/s, baseline ${summary.baseline.median.toFixed(1)} MiB/s, ` +
        `ratio ${r2(summary.ratio)}` +
        (floorSummary ? `; floor ${floorSummary.mibPerSecond.median.toFixed(1)} MiB/s, floor/baseline ${r2(floorSummary.floorOverBaseline)}, product/floor ${r2(floorSummary.productOverFloor)}` : '') +
        (cpu ? `; CPU per 100 MB product ${cpu.product.median.toFixed(0)} ms, baseline ${cpu.baseline.median.toFixed(0)} ms, ratio ${cpu.ratio.median.toFixed(2)}` : '') +
        (floorSummary?.cpu ? `, floor ${floorSummary.cpu.per100MB.median.toFixed(0)} ms` : ''),
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
