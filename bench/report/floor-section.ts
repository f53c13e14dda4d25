import { UPLOAD_GOAL } from './goals.ts';
import { f0, f1, f2, range, table } from './format.ts';
import type { BenchResults } from './results.ts';

// Section 1's second table: the product, the durable-record floor and the bare baseline side by side,
// with the two ratios that split the gap (floor/bare: this machine's ceiling; product/floor: the product's own cost).

const NOT_MEASURED = 'not measured';

export function renderFloor(r: BenchResults): string[] {
  const rows = r.upload.map((u) => {
    const floor = u.floor;
    if (!floor) return [u.case.name, range(u.summary.product, f1), NOT_MEASURED, range(u.summary.baseline, f1), NOT_MEASURED, NOT_MEASURED, range(u.summary.ratio, f2), NOT_MEASURED];
    const ceiling = floor.floorOverBaseline.median >= UPLOAD_GOAL ? range(floor.floorOverBaseline, f2) : `${range(floor.floorOverBaseline, f2)} **under the goal**`;
    const cpu = u.cpu && floor.cpu ? `${f0(u.cpu.product.median)} / ${f0(floor.cpu.per100MB.median)} / ${f0(u.cpu.baseline.median)}` : '—';
    return [u.case.name, range(u.summary.product, f1), range(floor.mibPerSecond, f1), range(u.summary.baseline, f1), ceiling, range(floor.productOverFloor, f2), range(u.summary.ratio, f2), cpu];
  });
  const heading = ['### Against the durable-record floor', ''];
  if (r.upload.every((u) => !u.floor)) return [...heading, 'The floor: not measured (this results file was written before the floor existed).', ''];
  return [
    ...heading,
    'The floor is the bare baseline plus the token lookup before the body, the atomic rename with its folder fsync, and one committed ' +
      `row (see Method). Floor/bare is the most any server with the product's guarantees reaches on this machine: under ${UPLOAD_GOAL} ` +
      'the goal is out of reach there. Product/floor is what the product adds beyond its guarantees. All ratios are medians (ranges) of per-round ratios.',
    '',
    table(
      ['Case', 'Product MiB/s', 'Floor MiB/s', 'Bare MiB/s', `Floor/bare (the ceiling; goal ${UPLOAD_GOAL})`, 'Product/floor', 'Product/bare', 'Server CPU ms per 100 MB, product / floor / bare (medians)'],
      rows,
    ),
    '',
  ];
}
