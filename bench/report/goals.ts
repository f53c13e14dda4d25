import type { MemoryResult } from '../scenarios/memory.ts';
import type { ThroughputResult } from '../scenarios/upload-throughput.ts';
import { MIB } from '../lib/stats.ts';

/** Upload throughput: at least this share of the bare baseline's, in every case (median of the per-round ratios). */
export const UPLOAD_GOAL = 0.85;

/**
 * "Memory flat with file size": going from 1 MB uploads to a 100 MB upload may raise the product's
 * peak RSS by at most what it raises the bare streaming baseline's (whose growth is Node's own
 * buffering and lazy collection, not the file) plus this margin, a tenth of the file.
 */
export const FLAT_MEMORY_MARGIN_BYTES = 10 * MIB;

export interface Goals {
  upload: { goal: number; met: boolean; cases: { name: string; ratio: number; met: boolean }[] };
  memory: { marginBytes: number; met: boolean; growth100MB: number; baselineGrowth100MB: number; growth4x100MB: number; baselineGrowth4x100MB: number };
}

export function evaluateGoals(upload: ThroughputResult[], memory: MemoryResult): Goals {
  const cases = upload.map((r) => ({ name: r.case.name, ratio: r.summary.ratio.median, met: r.summary.ratio.median >= UPLOAD_GOAL }));
  const growth100MB = memory.product.growth100MB.median;
  const baselineGrowth100MB = memory.baseline.growth100MB.median;
  return {
    upload: { goal: UPLOAD_GOAL, met: cases.every((c) => c.met), cases },
    memory: {
      marginBytes: FLAT_MEMORY_MARGIN_BYTES,
      met: growth100MB <= baselineGrowth100MB + FLAT_MEMORY_MARGIN_BYTES,
      growth100MB,
      baselineGrowth100MB,
      growth4x100MB: memory.product.growth4x100MB.median,
      baselineGrowth4x100MB: memory.baseline.growth4x100MB.median,
    },
  };
}
