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

/** One round of three sides: the pair as in `alternate`, plus a third side and the round's order. */
export interface TrioRound<T> extends PairedRound<T> {
  floor: T;
  /** The order the three ran in, e.g. "P B F" (product, baseline, floor). */
  sequence: string;
}

/**
 * The orders of three sides, one per round, repeating: all six once every six rounds, so each side
 * runs first, second and third equally often and each pair runs in both orders equally often; and
 * product and baseline swap every round (P before B in odd rounds), as `alternate` has them.
 */
export const TRIO_ORDERS = ['PBF', 'BFP', 'FPB', 'FBP', 'PFB', 'BPF'] as const;

export async function alternateThree<T>(rounds: number, product: () => Promise<T>, baseline: () => Promise<T>, floor: () => Promise<T>): Promise<TrioRound<T>[]> {
  const results: TrioRound<T>[] = [];
  const run = { P: product, B: baseline, F: floor };
  for (let round = 1; round <= rounds; round++) {
    const order = TRIO_ORDERS[(round - 1) % TRIO_ORDERS.length] as string;
    const figures: Partial<Record<'P' | 'B' | 'F', T>> = {};
    for (const side of [...order] as ('P' | 'B' | 'F')[]) figures[side] = await run[side]();
    results.push({
      round,
      order: order.indexOf('P') < order.indexOf('B') ? 'product first' : 'baseline first',
      product: figures.P as T,
      baseline: figures.B as T,
      floor: figures.F as T,
      sequence: order.split('').join(' '),
    });
  }
  return results;
}
