/** Median, min and max of a non-empty list of numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

export const MIB = 1024 * 1024;

/** Bytes per second in MiB/s. */
export function mibPerSecond(bytes: number, ms: number): number {
  return bytes / MIB / (ms / 1000);
}
