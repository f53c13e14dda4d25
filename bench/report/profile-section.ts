import type { ProfileSummary } from '../lib/cpu-profile.ts';
import { MIB } from '../lib/stats.ts';
import { PROFILE_WORKLOADS, type ProfiledServer } from '../scenarios/upload-profile.ts';
import { f1, f2, table } from './format.ts';
import type { BenchResults } from './results.ts';

// The report's profile section: where the product's upload time goes, against the baseline.

/** Self time of the product's text check (the SIMD loop, a WebAssembly function, and its JavaScript wrapper). */
export function textCheckMs(w: ProfileSummary): number {
  return w.topSelf.filter((f) => /^wasm-function|^containsOnlyText dist\/services\/upload\/text-bytes\.js/.test(f.frame)).reduce((sum, f) => sum + f.ms, 0);
}

function areaMs(w: ProfileSummary, area: string): number {
  return w.areas.find((a) => a.area === area)?.ms ?? 0;
}

export function renderProfile(r: BenchResults): string[] {
  const p = r.profile;
  if (!p) return [];
  const [product, diagnostic, baseline] = p.servers;
  if (!product || !diagnostic || !baseline) return [];
  const { large, medium, tiny } = PROFILE_WORKLOADS;
  const servers = p.servers;
  const cols = servers.map((s) => s.label);
  const row = (label: string, value: (s: ProfiledServer) => number | undefined, fmt = f1) =>
    [label, ...servers.map((s) => { const v = value(s); return v === undefined || Number.isNaN(v) ? '–' : fmt(v); })];
  // Results written before the 1 MB window and the CPU figures were measured lack them.
  const perUpload = (ms: number | undefined, count: number) => (ms === undefined ? undefined : ms / count);
  const frames = (w: ProfileSummary) =>
    table(['Frame', 'Area', 'Self ms', 'Share of busy'], w.topSelf.map((f) => [`\`${f.frame}\``, f.area, f1(f.ms), `${(f.share * 100).toFixed(1)} %`]));
  const areas = (w: ProfileSummary, n = 10) => table(['Area', 'Self ms', 'Share of busy'], w.areas.slice(0, n).map((a) => [a.area, f1(a.ms), `${(a.share * 100).toFixed(1)} %`]));
  const perMb = (ms: number) => ms / ((large.count * large.sizeBytes) / (100 * MIB));
  const out = [
    '## Where the upload time goes (CPU profiles)',
    '',
    `Each server in a fresh process under \`node --cpu-prof\`: ${p.warmup} of warm-up, then ${large.label}, ${product.medium ? `then ${medium.label}, ` : ''}then ${tiny.label}; ` +
      'each profile is cut to each workload\'s time window. *Busy* is main-thread time that is not idle; file writes and fsync run on ' +
      'libuv\'s thread pool and PostgreSQL in its own processes, so waiting for them shows as idle. The middle column is the product ' +
      'unchanged but started with `node --no-maglev-inlining` (a V8 flag: the mid-tier compiler Maglev stops inlining functions), a diagnostic only. ' +
      '*Server CPU* is utime + stime of every thread of the process over the window (`/proc/<pid>/stat`): the main thread, V8\'s ' +
      'concurrent marking and libuv\'s file writes and fsyncs.',
    '',
    table(['', ...cols], [
      row(`${large.label}: wall time (ms)`, (s) => s.large.wallMs),
      row('… main thread busy (ms)', (s) => s.large.busyMs),
      row('… of which text check: the SIMD loop (`wasm-function`) + `containsOnlyText` self (ms)', (s) => textCheckMs(s.large)),
      row('… of which SHA-256 `Hash.update` self (ms)', (s) => s.large.topSelf.filter((f) => f.frame.startsWith('update node:internal/crypto/hash')).reduce((sum, f) => sum + f.ms, 0)),
      row('… of which garbage collector (ms)', (s) => areaMs(s.large, '(garbage collector)')),
      row('… server CPU, all threads (ms)', (s) => s.large.cpuMs),
      row(`${medium.label}: wall time per upload (ms)`, (s) => perUpload(s.medium?.wallMs, medium.count), f2),
      row('… main thread busy per upload (ms)', (s) => perUpload(s.medium?.busyMs, medium.count), f2),
      row('… of which garbage collector per upload (ms)', (s) => perUpload(s.medium && areaMs(s.medium, '(garbage collector)'), medium.count), f2),
      row('… server CPU per upload, all threads (ms)', (s) => perUpload(s.medium?.cpuMs, medium.count), f2),
      row(`${tiny.label}: wall time per upload (ms)`, (s) => s.tiny.wallMs / tiny.count, f2),
      row('… main thread busy per upload (ms)', (s) => s.tiny.busyMs / tiny.count, f2),
      row('… main thread idle per upload (ms)', (s) => s.tiny.idleMs / tiny.count, f2),
      row('… server CPU per upload, all threads (ms)', (s) => perUpload(s.tiny.cpuMs, tiny.count), f2),
    ]),
    '',
  ];
  const speedup = product.large.wallMs / diagnostic.large.wallMs;
  if (speedup >= 1.2 && textCheckMs(product.large) > 2 * textCheckMs(diagnostic.large)) {
    out.push(
      `**Reading: large files.** Per 100 MB the product's main thread is busy ${f1(perMb(product.large.busyMs))} ms against the ` +
        `baseline's ${f1(perMb(baseline.large.busyMs))} ms, and ${f1(perMb(textCheckMs(product.large)))} ms of it is the CSV text check ` +
        '(most of it attributed to `_transform`, into which the byte loop `isText` is inlined). The loop itself is cheap once ' +
        'TurboFan compiles it; inlined by Maglev into `_transform`, which runs once per ~64 KiB chunk, it stays in slower Maglev code. ' +
        `With \`--no-maglev-inlining\` the same code spends ${f1(perMb(textCheckMs(diagnostic.large)))} ms per 100 MB on the check and ` +
        `the 100 MB uploads take ${f2(1 / speedup)}× the wall time. These processes are fresh (${p.warmup} before the window), ` +
        'and the slow code ran through the whole window; the throughput rounds above ran after a warm-up of about a gigabyte, when ' +
        'V8 may have re-optimized the path, so compare them with the middle column rather than with the first. The garbage collector comes next ' +
        `(${f1(perMb(areaMs(product.large, '(garbage collector)')))} ms per 100 MB against ${f1(perMb(areaMs(baseline.large, '(garbage collector)')))} ms): ` +
        'the stream of socket buffers triggers the same collections in both, but the product\'s heap is larger, so each costs more.',
      '',
    );
  }
  const fixed = tiny.count;
  out.push(
    `**Reading: small files.** A 1 KB upload takes ${f2(product.tiny.wallMs / fixed)} ms against the baseline's ` +
      `${f2(baseline.tiny.wallMs / fixed)} ms: a fixed cost per upload, independent of size, that bounds the 1 MB and 10 MB cases. ` +
      `Of it, ${f2(product.tiny.busyMs / fixed)} ms is the product's own main thread (Express, validation, MikroORM and pg; areas below) ` +
      `and ${f2(product.tiny.idleMs / fixed)} ms is waiting: for PostgreSQL (the link lookup before the body, then the transaction that ` +
      'takes the slot, looks for a duplicate, inserts the upload and its audit event, and commits with a WAL flush) and for the ' +
      'rename and directory fsync after the file\'s own fsync, on a machine whose two cores also run PostgreSQL and the client.',
    '',
  );
  if (product.medium?.cpuMs !== undefined && product.large.cpuMs !== undefined && product.tiny.cpuMs !== undefined) {
    const perMiB = product.large.cpuMs / ((large.count * large.sizeBytes) / MIB);
    const tinyCpu = product.tiny.cpuMs / tiny.count;
    const mediumCpu = product.medium.cpuMs / medium.count;
    out.push(
      `**Reading: 1 MB files.** After the 100 MB uploads, a 1 MB upload costs ${f2(mediumCpu)} ms of server CPU; the 1 KB upload's ` +
        `${f2(tinyCpu)} ms plus one MiB at the 100 MB rate (${f2(perMiB)} ms/MiB) would be ${f2(tinyCpu + perMiB)} ms. ` +
        'A difference well above that is full collections: their marking runs mostly on V8\'s worker threads, so it shows in the ' +
        'server CPU but hardly in the main thread\'s busy time.',
      '',
    );
  }
  out.push(
    `### ${medium.label}: top frames by self time, product`,
    '',
    ...(product.medium ? [frames(product.medium)] : ['Not measured in this run.']),
    '',
    `### ${large.label}: busy time by area`,
    '',
    '**Product**',
    '',
    areas(product.large),
    '',
    '**Baseline**',
    '',
    areas(baseline.large),
    '',
    `### ${large.label}: top frames by self time, product`,
    '',
    frames(product.large),
    '',
    `### ${large.label}: top frames by self time, product with \`--no-maglev-inlining\``,
    '',
    frames(diagnostic.large),
    '',
    `### ${large.label}: top frames by self time, baseline`,
    '',
    frames(baseline.large),
    '',
    `### ${tiny.label}: busy time by area, product`,
    '',
    areas(product.tiny, 12),
    '',
  );
  return out;
}

