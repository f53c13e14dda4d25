import path from 'node:path';
import { startBenchGcsEmulator } from '../lib/gcs-emulator.ts';
import { alternate, summarizePaired } from '../lib/rounds.ts';
import { createLink, startGcsBaseline, startProduct, type ProductSettings } from '../lib/servers.ts';
import { MIB, mibPerSecond } from '../lib/stats.ts';
import { baselineTarget, productTarget, uploadBatch, uploadVerified, type UploadTarget } from '../lib/uploader.ts';
import { cpuPer100MB, type BatchFigure, type ThroughputCase, type ThroughputResult } from './upload-throughput.ts';

// The GCS driver against a bare @google-cloud/storage write into the same storage emulator (the
// firebase-tools one the tests use). The emulator is slow and holds each upload in memory, so its
// own speed bounds both sides: the ratio says what the product adds on top of the client library.

export const GCS_BUCKET = 'bench-intake';

export const GCS_CASES: ThroughputCase[] = [
  { name: 'GCS 10 MB, 1 client', sizeBytes: 10 * MIB, clients: 1, perClient: 3 },
  { name: 'GCS 100 MB, 1 client', sizeBytes: 100 * MIB, clients: 1, perClient: 1 },
];

export type GcsResult = { ran: true; cases: ThroughputResult[] } | { ran: false; reason: string };

export async function runGcsThroughput(settings: ProductSettings, rounds: number, quick: boolean, log: (line: string) => void): Promise<GcsResult> {
  let emulator;
  try {
    emulator = await startBenchGcsEmulator();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    log(`GCS emulator did not start: ${reason}`);
    return { ran: false, reason };
  }
  const stops: (() => Promise<void>)[] = [() => emulator.stop()];
  try {
    const product = await startProduct({
      ...settings,
      dataDir: path.join(settings.dataDir, '..', 'product-gcs'),
      env: { ...settings.env, STORAGE_DRIVER: 'gcs', GCS_BUCKET, STORAGE_EMULATOR_HOST: emulator.host },
    });
    stops.push(() => product.stop());
    const baseline = await startGcsBaseline(emulator.host, GCS_BUCKET);
    stops.push(() => baseline.stop());
    const link = await createLink(product, settings.adminToken);
    const targets: UploadTarget[] = [
      { ...productTarget(product.url, link.linkToken), cpuMs: () => product.cpuMs() },
      { ...baselineTarget(baseline.url), cpuMs: () => baseline.cpuMs() },
    ];
    for (const target of targets) await uploadVerified(target, 3 * MIB + 7);
    const cases: ThroughputResult[] = [];
    for (const c of quick ? GCS_CASES.slice(0, 1) : GCS_CASES) {
      const batch = async (target: UploadTarget): Promise<BatchFigure> => {
        await emulator.reset();
        const cpuBefore = await target.cpuMs?.();
        const { ms, bytes } = await uploadBatch(target, c.sizeBytes, c.clients, c.perClient);
        const cpuAfter = await target.cpuMs?.();
        return { ms, bytes, mibPerSecond: mibPerSecond(bytes, ms), cpuMs: (cpuAfter ?? NaN) - (cpuBefore ?? NaN) };
      };
      const [p, b] = targets as [UploadTarget, UploadTarget];
      await batch(p); // warm-up, untimed
      await batch(b);
      const paired = await alternate(rounds, () => batch(p), () => batch(b));
      const summary = summarizePaired(paired, (f) => f.mibPerSecond);
      cases.push({ case: c, rounds: paired, summary, cpu: summarizePaired(paired, cpuPer100MB) });
      log(`${c.name}: product ${summary.product.median.toFixed(1)} MiB/s, bare client ${summary.baseline.median.toFixed(1)} MiB/s, ratio ${summary.ratio.median.toFixed(2)}`);
    }
    return { ran: true, cases };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}
