import { f0, f1, f2, range, table } from './format.ts';
import type { BenchResults } from './results.ts';

// The report's section on the GCS driver against a bare @google-cloud/storage write.

export function renderGcs(r: BenchResults): string[] {
  const gcs = r.gcs;
  if (!gcs) return [];
  if (!gcs.ran) return ['### GCS driver (storage emulator)', '', `Not measured: the emulator could not run in this bench: ${gcs.reason}`, ''];
  return [
    '### GCS driver against a bare @google-cloud/storage write (the same storage emulator)',
    '',
    table(
      ['Case', 'Product MiB/s', 'Bare client MiB/s', 'Ratio', 'Server CPU ms per 100 MB, product / bare client'],
      gcs.cases.map((c) => [
        c.case.name,
        range(c.summary.product, f1),
        range(c.summary.baseline, f1),
        range(c.summary.ratio, f2),
        c.cpu ? `${range(c.cpu.product, f0)} / ${range(c.cpu.baseline, f0)}` : '—',
      ]),
    ),
    '',
    `A round: ${gcs.cases.map((c) => `${c.case.name}: ${c.case.clients} × ${c.case.perClient} file(s)`).join('; ')}; ${gcs.cases[0]?.rounds.length ?? 0} alternating round(s) after one untimed warm-up per side.`,
    '',
  ];
}
