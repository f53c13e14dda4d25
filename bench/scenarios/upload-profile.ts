import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { summarizeProfile, type ProfileSummary } from '../lib/cpu-profile.ts';
import { MIB } from '../lib/stats.ts';
import { compiled, createLink, startProduct, startUploadBaseline, type ProductSettings } from '../lib/servers.ts';
import { baselineTarget, productTarget, uploadBatch, type UploadTarget } from '../lib/uploader.ts';

/**
 * The profiled workloads, in this order: large files (per-byte cost), 1 MB files right after them
 * (large uploads grow V8's young generation, which changes how often full collections run for the
 * small files that follow: see BENCHMARKS.md), and tiny files (per-upload cost).
 */
export const PROFILE_WORKLOADS = {
  large: { sizeBytes: 100 * MIB, count: 3, label: '3 sequential 100 MB uploads' },
  medium: { sizeBytes: MIB, count: 48, label: '48 sequential 1 MB uploads' },
  tiny: { sizeBytes: 1024, count: 200, label: '200 sequential 1 KB uploads' },
} as const;

export interface ProfiledWindow extends ProfileSummary {
  wallMs: number;
  /**
   * Server CPU in the window (utime + stime of every thread, /proc/<pid>/stat): besides the main
   * thread the profile sees, V8's concurrent marking and libuv's file writes. Absent in results
   * written before it was measured.
   */
  cpuMs?: number;
}

export interface ProfiledServer {
  label: string;
  nodeFlags: string[];
  large: ProfiledWindow;
  /** Absent in results written before the 1 MB window was profiled. */
  medium?: ProfiledWindow;
  tiny: ProfiledWindow;
}

export interface ProfileResult {
  warmup: string;
  servers: ProfiledServer[];
}

/**
 * Each server in a fresh process under `node --cpu-prof`: 16 x 1 MB of warm-up, then each workload
 * in its own time window; the profile is cut to each window and summarized. Besides the product as
 * shipped and the baseline, the product also runs with `--no-maglev-inlining`, a diagnostic for the
 * text check's tiering (see BENCHMARKS.md); it changes no code, only how V8 compiles it.
 */
export async function runUploadProfile(settings: ProductSettings, workRoot: string): Promise<ProfileResult> {
  const profileOne = async (side: 'product' | 'baseline', label: string, extraFlags: string[]): Promise<ProfiledServer> => {
    const dir = path.join(workRoot, `profile-${label.replace(/[^a-z0-9]+/gi, '-')}`);
    const profileDir = path.join(dir, 'cpu-profiles');
    await mkdir(profileDir, { recursive: true });
    const flags = [...extraFlags, '--cpu-prof', `--cpu-prof-dir=${profileDir}`];
    const server =
      side === 'product'
        ? await startProduct({ ...settings, dataDir: dir, nodeFlags: flags })
        : await startUploadBaseline(dir, [...flags, '--import', compiled('exit-on-sigterm')]);
    try {
      const target: UploadTarget =
        side === 'product' ? productTarget(server.url, (await createLink(server, settings.adminToken)).linkToken) : baselineTarget(server.url);
      await uploadBatch(target, MIB, 1, 16);
      const windows: { startUs: number; endUs: number; wallMs: number; cpuMs: number }[] = [];
      for (const workload of [PROFILE_WORKLOADS.large, PROFILE_WORKLOADS.medium, PROFILE_WORKLOADS.tiny]) {
        const startUs = Number(process.hrtime.bigint() / 1000n);
        const cpuBefore = await server.cpuMs();
        const { ms } = await uploadBatch(target, workload.sizeBytes, 1, workload.count);
        const cpuMs = (await server.cpuMs()) - cpuBefore;
        windows.push({ startUs, endUs: Number(process.hrtime.bigint() / 1000n), wallMs: ms, cpuMs });
      }
      await server.stop();
      const files = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
      if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${profileDir}, found ${files.length}`);
      const file = path.join(profileDir, files[0] as string);
      const [large, medium, tiny] = await Promise.all(windows.map(async (w) => ({ ...(await summarizeProfile(file, w.startUs, w.endUs)), wallMs: w.wallMs, cpuMs: w.cpuMs })));
      return { label, nodeFlags: extraFlags, large: large as ProfiledWindow, medium: medium as ProfiledWindow, tiny: tiny as ProfiledWindow };
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  };
  return {
    warmup: '16 sequential 1 MB uploads',
    servers: [
      await profileOne('product', 'product', []),
      await profileOne('product', 'product, --no-maglev-inlining', ['--no-maglev-inlining']),
      await profileOne('baseline', 'baseline', []),
    ],
  };
}
