import { SMALL_WARMUP } from '../scenarios/memory.ts';
import { f1, f2, mib, table } from './format.ts';
import type { BenchResults } from './results.ts';

// The report's last section: every round's raw figures.

export function renderRaw(r: BenchResults): string[] {
  const uploadRows = r.upload.flatMap((u) =>
    u.rounds.map((round) => [
      u.case.name,
      String(round.round),
      round.sequence ?? round.order,
      f1(round.product.ms),
      f1(round.product.mibPerSecond),
      f1(round.baseline.ms),
      f1(round.baseline.mibPerSecond),
      round.floor ? f1(round.floor.ms) : '—',
      round.floor ? f1(round.floor.mibPerSecond) : '—',
      f2(round.product.mibPerSecond / round.baseline.mibPerSecond),
      round.floor ? f2(round.floor.mibPerSecond / round.baseline.mibPerSecond) : '—',
      round.floor ? f2(round.product.mibPerSecond / round.floor.mibPerSecond) : '—',
    ]),
  );
  const memoryRows = (r.memory?.rounds ?? []).flatMap((round) =>
    (['product', 'baseline'] as const).map((sideName) => {
      const s = round[sideName];
      return [String(round.round), round.order, sideName, mib(s.atStart), mib(s.after1MB), mib(s.after100MB), mib(s.after4x100MB)];
    }),
  );
  const downloadRows = (r.download?.rounds ?? []).map((round) => [
    String(round.round),
    round.order,
    f1(round.product.ttfbMs),
    f1(round.product.totalMs),
    f1(round.baseline.ttfbMs),
    f1(round.baseline.totalMs),
    f2(round.product.totalMs / round.baseline.totalMs),
  ]);
  return [
    '## Raw figures',
    '',
    '### Upload rounds',
    '',
    table(['Case', 'Round', 'Order (P product, B baseline, F floor)', 'Product ms', 'Product MiB/s', 'Baseline ms', 'Baseline MiB/s', 'Floor ms', 'Floor MiB/s', 'Product/baseline', 'Floor/baseline', 'Product/floor'], uploadRows),
    '',
    '### Memory rounds (VmHWM, MiB)',
    '',
    table(['Round', 'Order', 'Server', 'Start', `${SMALL_WARMUP} × 1 MB`, '+ 100 MB', '+ 4 × 100 MB'], memoryRows),
    '',
    '### Download rounds (ms)',
    '',
    table(['Round', 'Order', 'Product TTFB', 'Product total', 'Baseline TTFB', 'Baseline total', 'Ratio (total)'], downloadRows),
  ];
}
