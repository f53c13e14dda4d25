import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChildServer } from '../lib/child-server.ts';
import { alternate, type PairedRound } from '../lib/rounds.ts';
import { MIB, spread, type Spread } from '../lib/stats.ts';
import { createLink, startProduct, startUploadBaseline, type ProductSettings } from '../lib/servers.ts';
import { baselineTarget, productTarget, uploadBatch, type UploadTarget } from '../lib/uploader.ts';

/** Peak RSS (VmHWM) of one fresh server process at each step of the sequence, in bytes. */
export interface MemoryFigure {
  atStart: number;
  /** After SMALL_WARMUP sequential 1 MB uploads. */
  after1MB: number;
  /** After one 100 MB upload on top. */
  after100MB: number;
  /** After 4 concurrent 100 MB uploads on top. */
  after4x100MB: number;
}

export const SMALL_WARMUP = 64;

export interface MemoryResult {
  rounds: PairedRound<MemoryFigure>[];
  product: Record<keyof MemoryFigure | 'growth100MB' | 'growth4x100MB', Spread>;
  baseline: Record<keyof MemoryFigure | 'growth100MB' | 'growth4x100MB', Spread>;
}

/**
 * VmHWM only grows, so every round starts fresh processes: 64 sequential 1 MB uploads (a fresh V8
 * sizes its heap over the first tens of MB whatever the file size, so this is the "small files"
 * level), then one 100 MB upload, then 4 concurrent 100 MB uploads, reading VmHWM after each step.
 * Each round writes into its own folders, removed after the round.
 */
export async function runMemory(settings: ProductSettings, workRoot: string, rounds: number, log: (line: string) => void): Promise<MemoryResult> {
  let round = 0;
  const measure = async (start: (dir: string) => Promise<{ server: ChildServer; target: UploadTarget }>): Promise<MemoryFigure> => {
    const dir = path.join(workRoot, `memory-${++round}`);
    await mkdir(dir, { recursive: true });
    const { server, target } = await start(dir);
    try {
      const atStart = await server.peakRssBytes();
      await uploadBatch(target, MIB, 1, SMALL_WARMUP);
      const after1MB = await server.peakRssBytes();
      await uploadBatch(target, 100 * MIB, 1, 1);
      const after100MB = await server.peakRssBytes();
      await uploadBatch(target, 100 * MIB, 4, 1);
      const after4x100MB = await server.peakRssBytes();
      return { atStart, after1MB, after100MB, after4x100MB };
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  };
  const product = () =>
    measure(async (dir) => {
      const server = await startProduct({ ...settings, dataDir: dir });
      const link = await createLink(server, settings.adminToken);
      return { server, target: productTarget(server.url, link.linkToken) };
    });
  const baseline = () =>
    measure(async (dir) => {
      const server = await startUploadBaseline(dir);
      return { server, target: baselineTarget(server.url) };
    });
  const paired = await alternate(rounds, product, baseline);
  const side = (pick: (r: PairedRound<MemoryFigure>) => MemoryFigure) => ({
    atStart: spread(paired.map((r) => pick(r).atStart)),
    after1MB: spread(paired.map((r) => pick(r).after1MB)),
    after100MB: spread(paired.map((r) => pick(r).after100MB)),
    after4x100MB: spread(paired.map((r) => pick(r).after4x100MB)),
    growth100MB: spread(paired.map((r) => pick(r).after100MB - pick(r).after1MB)),
    growth4x100MB: spread(paired.map((r) => pick(r).after4x100MB - pick(r).after1MB)),
  });
  const result = { rounds: paired, product: side((r) => r.product), baseline: side((r) => r.baseline) };
  const mib = (bytes: number) => (bytes / MIB).toFixed(1);
  log(
    `memory: product ${mib(result.product.after1MB.median)} -> ${mib(result.product.after100MB.median)} -> ${mib(result.product.after4x100MB.median)} MiB, ` +
      `baseline ${mib(result.baseline.after1MB.median)} -> ${mib(result.baseline.after100MB.median)} -> ${mib(result.baseline.after4x100MB.median)} MiB`,
  );
  return result;
}
