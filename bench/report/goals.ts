import type { MemoryResult } from '../scenarios/memory.ts';
import type { ThroughputResult } from '../scenarios/upload-throughput.ts';
import { LATENCY_CONNECTIONS, THROUGHPUT_CONNECTIONS, type ListingResult } from '../scenarios/link-listing.ts';
import { MIB } from '../lib/stats.ts';
import type { TusThroughputResult } from '../scenarios/tus-throughput.ts';
import type { ContentionResult } from '../scenarios/contention.ts';

/** Upload throughput: at least this share of the bare baseline's, in every case (median of the per-round ratios). */
export const UPLOAD_GOAL = 0.85;

/**
 * "Memory flat with file size": going from 1 MB uploads to a 100 MB upload may raise the product's
 * peak RSS by at most what it raises the bare streaming baseline's (whose growth is Node's own
 * buffering and lazy collection, not the file) plus this margin, a tenth of the file.
 */
export const FLAT_MEMORY_MARGIN_BYTES = 10 * MIB;

/** Upload 100 MB: at least the throughput of @tus/server + @tus/file-store (median of the per-round ratios). */
export const TUS_GOAL = 1.0;
/** Server CPU per 100 MB uploaded: at most this multiple of the bare baseline's (median of the per-round ratios). */
export const CPU_GOAL = 1.15;

/** Link list, REST: at least this share of the bare express + pg baseline's requests per second. */
export const LIST_THROUGHPUT_GOAL = 0.9;
/** Link list, REST: p99 at most this multiple of the baseline's. */
export const LIST_P99_GOAL = 1.5;
/** The same list through GraphQL: at least this share of REST's requests per second. */
export const GRAPHQL_GOAL = 0.8;

export interface RatioGoal {
  goal: number;
  /** Every judged case meets the goal. */
  met: boolean;
  /** `judged: false` cases are reported beside the verdict but do not decide it. */
  cases: { name: string; ratio: number; met: boolean; judged?: boolean }[];
}

/**
 * The upload goal's cases also carry the durable-record floor's medians (absent when not measured):
 * floor / bare baseline, the ceiling of any server with the product's guarantees on this machine,
 * and product / floor. `reachable` is false when that ceiling is itself under the goal.
 */
export interface UploadGoal extends RatioGoal {
  cases: (RatioGoal['cases'][number] & { floorOverBaseline?: number; productOverFloor?: number; reachable?: boolean })[];
}

export interface Goals {
  upload: UploadGoal;
  memory:
    | { marginBytes: number; met: boolean; growth100MB: number; baselineGrowth100MB: number; growth4x100MB: number; baselineGrowth4x100MB: number }
    | undefined;
  listThroughput: RatioGoal;
  listP99: RatioGoal;
  graphql: RatioGoal;
  /** Absent in results written before the tus scenario was paired. */
  tus?: RatioGoal;
  /** Absent in results written before server CPU was measured, and in --quick runs (no 100 MB rounds). */
  cpu?: RatioGoal;
  /** Both contention runs (rate limits off; PostgreSQL store on): none lost. */
  contention?: { met: boolean; lost: number };
}

function ratioGoal(goal: number, cases: { name: string; ratio: number; judged?: boolean }[], atMost = false): RatioGoal {
  const judged = cases.map((c) => ({ ...c, met: atMost ? c.ratio <= goal : c.ratio >= goal }));
  return { goal, met: judged.filter((c) => c.judged !== false).every((c) => c.met), cases: judged };
}

/**
 * The tus goal judges every product route that uploads 100 MB: the raw route (API clients) and the
 * tus route, which is what the upload page uses above 8 MiB (in 8 MiB PATCHes), each against the
 * tus baseline sending the same PATCHes.
 */
function tusGoal(tus: TusThroughputResult): RatioGoal {
  return ratioGoal(TUS_GOAL, tus.comparisons.map((c) => ({ name: c.name, ratio: c.summary.ratio.median })));
}

function cpuGoal(upload: ThroughputResult[]): RatioGoal | undefined {
  const cases = upload.filter((u) => u.case.sizeBytes === 100 * MIB && u.cpu);
  if (cases.length === 0) return undefined;
  return ratioGoal(CPU_GOAL, cases.map((u) => ({ name: u.case.name, ratio: (u.cpu as NonNullable<ThroughputResult['cpu']>).ratio.median })), true);
}

export function evaluateGoals(
  upload: ThroughputResult[],
  memory: MemoryResult | undefined,
  links: ListingResult,
  tus: TusThroughputResult,
  contention: ContentionResult,
): Goals {
  const at = (connections: number) => links.rest.filter((c) => c.connections === connections);
  const listing = {
    listThroughput: ratioGoal(LIST_THROUGHPUT_GOAL, at(THROUGHPUT_CONNECTIONS).map((c) => ({ name: c.name, ratio: c.requestsPerSecond.ratio.median }))),
    listP99: ratioGoal(LIST_P99_GOAL, at(LATENCY_CONNECTIONS).map((c) => ({ name: c.name, ratio: c.p99Ms.ratio.median })), true),
    graphql: ratioGoal(
      GRAPHQL_GOAL,
      links.graphql.filter((c) => c.connections === THROUGHPUT_CONNECTIONS).map((c) => ({ name: c.name, ratio: c.requestsPerSecond.ratio.median })),
    ),
  };
  const cpu = cpuGoal(upload);
  return {
    upload: uploadGoal(upload),
    memory: memory ? memoryGoal(memory) : undefined,
    ...listing,
    tus: tusGoal(tus),
    ...(cpu ? { cpu } : {}),
    contention: { met: contention.lost === 0, lost: contention.lost },
  };
}

/**
 * Judged on product / bare baseline as before; the floor does not change a verdict, it says whether
 * a case could be met at all: a case whose floor / baseline median is under the goal would fail the
 * same test with a product that did nothing beyond its guarantees.
 */
function uploadGoal(upload: ThroughputResult[]): UploadGoal {
  const judged = ratioGoal(UPLOAD_GOAL, upload.map((r) => ({ name: r.case.name, ratio: r.summary.ratio.median })));
  return {
    ...judged,
    cases: judged.cases.map((c, i) => {
      const floor = upload[i]?.floor;
      if (!floor) return c;
      return { ...c, floorOverBaseline: floor.floorOverBaseline.median, productOverFloor: floor.productOverFloor.median, reachable: floor.floorOverBaseline.median >= UPLOAD_GOAL };
    }),
  };
}

function memoryGoal(memory: MemoryResult): NonNullable<Goals['memory']> {
  const growth100MB = memory.product.growth100MB.median;
  const baselineGrowth100MB = memory.baseline.growth100MB.median;
  return {
    marginBytes: FLAT_MEMORY_MARGIN_BYTES,
    met: growth100MB <= baselineGrowth100MB + FLAT_MEMORY_MARGIN_BYTES,
    growth100MB,
    baselineGrowth100MB,
    growth4x100MB: memory.product.growth4x100MB.median,
    baselineGrowth4x100MB: memory.baseline.growth4x100MB.median,
  };
}
