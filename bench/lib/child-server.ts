import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { freePort } from '../../test/helpers/ports.ts';

// A server under test in its own process (the same Node as the bench), started, probed until ready,
// measured through /proc and stopped. Used for the product and for the baselines alike.

export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRssBytes(): Promise<number>;
  /** CPU time (user + system, all threads) the process used so far, in ms, from /proc/<pid>/stat. */
  cpuMs(): Promise<number>;
  /** The end of its stdout and stderr, for error messages. */
  output(): string;
  /**
   * Garbage-collection pauses so far, when started with --trace-gc (parsed from its stdout), in all and by kind;
   * `promotedMb` sums how much each scavenge left the heap larger than the collection before it did (what
   * young collections moved into the old generation).
   */
  gc(): { count: number; ms: number; promotedMb: number; kinds: Record<string, { count: number; ms: number }> } | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildServerOptions {
  name: string;
  /** Arguments after the node executable (node flags, then the script). */
  args: string[];
  env: Record<string, string>;
  /** A GET path that answers 200 once the server is ready. */
  readyPath: string;
  cwd: string;
  timeoutMs?: number;
  /** How often readiness is probed (default 100 ms). */
  pollMs?: number;
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '/tmp', HOST: '127.0.0.1', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gc = options.args.includes('--trace-gc') ? gcCounter() : undefined;
  if (gc) child.stdout?.on('data', gc.feed);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await answers200(`${url}${options.readyPath}`))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${options.name} exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }

  return {
    name: options.name,
    url,
    pid: child.pid as number,
    peakRssBytes: () => peakRss(child),
    cpuMs: () => processCpuMs(child.pid as number),
    output: () => output,
    gc: () => (gc ? { count: gc.count, ms: gc.ms, promotedMb: gc.promotedMb, kinds: structuredClone(gc.kinds) } : undefined),
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function peakRss(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${child.pid}/status`);
  return Number(kb) * 1024;
}

/**
 * Sums V8's --trace-gc lines ("...: Scavenge 4.8 (5.8) -> 4.3 (6.8) MB, pooled: 0 MB, 1.29 / 0.00 ms ..."):
 * the first figure before " / " is the pause on the main thread; the one after "->" the heap left in use.
 */
function gcCounter() {
  let partial = '';
  let heapAfterMb: number | undefined;
  const counter = {
    count: 0,
    ms: 0,
    promotedMb: 0,
    kinds: {} as Record<string, { count: number; ms: number }>,
    feed(chunk: Buffer) {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const pause = /: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Mark-sweep)\b.*?-> ([\d.]+) \([\d.]+\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/.exec(line);
        if (!pause) continue;
        const [, kindName, heapAfter, pauseMs] = pause as unknown as [string, string, string, string];
        const after = Number(heapAfter);
        if (kindName === 'Scavenge' && heapAfterMb !== undefined && after > heapAfterMb) counter.promotedMb += after - heapAfterMb;
        heapAfterMb = after;
        counter.count++;
        counter.ms += Number(pauseMs);
        const kind = (counter.kinds[kindName] ??= { count: 0, ms: 0 });
        kind.count++;
        kind.ms += Number(pauseMs);
      }
    },
  };
  return counter;
}

type GcFigures = NonNullable<ReturnType<ChildServer['gc']>>;

/** The collections between two `gc()` readings, by kind, as "count / ms ms" (what the A/B tools print). */
export function gcDelta(before: GcFigures, after: GcFigures): Record<string, string> {
  return Object.fromEntries(
    Object.entries(after.kinds).map(([kind, k]) => [kind, `${k.count - (before.kinds[kind]?.count ?? 0)} / ${(k.ms - (before.kinds[kind]?.ms ?? 0)).toFixed(1)} ms`]),
  );
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc/${pid}/stat`);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}
