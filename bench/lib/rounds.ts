import { spread, type Spread } from './stats.ts';

/** One round: the product and the baseline measured back to back, in the round's order. */
export interface PairedRound<T> {
  round: number;
  order: 'product first' | 'baseline first';
  product: T;
  baseline: T;
}

/**
 * Runs `rounds` rounds, alternating which side goes first (P B, B P, P B, ...), so a slow spell of
 * the shared machine or a drift (disk, page cache, JIT) falls on both sides alike.
 */
export async function alternate<T>(rounds: number, product: () => Promise<T>, baseline: () => Promise<T>): Promise<PairedRound<T>[]> {
  const results: PairedRound<T>[] = [];
  for (let round = 1; round <= rounds; round++) {
    const productFirst = round % 2 === 1;
    let p: T;
    let b: T;
    if (productFirst) {
      p = await product();
      b = await baseline();
    } else {
      b = await baseline();
      p = await product();
    }
    results.push({ round, order: productFirst ? 'product first' : 'baseline first', product: p, baseline: b });
  }
  return results;
}

/** Median and range of each side and of the per-round ratio product / baseline. */
export interface PairedSummary {
  product: Spread;
  baseline: Spread;
  ratio: Spread;
}

export function summarizePaired<T>(rounds: PairedRound<T>[], value: (x: T) => number): PairedSummary {
  return {
    product: spread(rounds.map((r) => value(r.product))),
    baseline: spread(rounds.map((r) => value(r.baseline))),
    ratio: spread(rounds.map((r) => value(r.product) / value(r.baseline))),
  };
}
