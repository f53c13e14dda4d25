import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { ChildServer } from '../lib/child-server.ts';
import { load, type LoadFigure, type LoadRequest } from '../lib/load.ts';

// Where REST's p99 goes, at the latency load (4 connections, the active-only default page): a fresh
// product and a fresh list baseline, both started with --trace-gc (V8 prints every GC pause), one
// warm-up each, then one run per side with what each request costs around it: the server process's
// CPU (utime + stime from /proc/<pid>/stat), its GC pauses, and the database's work (pg_stat_database
// commits and row writes, pg_stat_user_tables updates of api_keys, i.e. last_used_at). A backend
// publishes its statistics at most once a second and the rest 10 s after it goes idle, so each
// reading waits 10.5 s after the load (untimed).

export const STATS_SETTLE_MS = 10_500;

export interface DiagnosisSide {
  side: string;
  load: LoadFigure;
  cpuMsPerRequest: number;
  gcPauses: number;
  gcMsPerRequest: number;
  /** GC pause ms per second of load (the share of the main thread's time GC took). */
  gcMsPerSecond: number;
  commitsPerRequest: number;
  rowsWrittenPerRequest: number;
  apiKeyUpdatesPerRequest: number;
  blocksReadPerRequest: number;
  /** Statements the server sent per request, by statement (literals as ?), when it was counted (product only). */
  statementsPerRequest?: { statement: string; perRequest: number }[];
}

export interface ListingDiagnosis {
  /** How long each reading waited after the load (--quick waits less: its database counters undercount). */
  settleMs?: number;
  connections: number;
  seconds: number;
  sides: DiagnosisSide[];
}

const STATS = `select d.xact_commit::float8 as commits, (d.tup_inserted + d.tup_updated + d.tup_deleted)::float8 as written,
    d.blks_read::float8 as blocks_read,
    coalesce((select n_tup_upd from pg_stat_user_tables where relname = 'api_keys'), 0)::float8 as key_updates
  from pg_stat_database d where d.datname = current_database()`;

interface Reading {
  commits: number;
  written: number;
  blocks_read: number;
  key_updates: number;
  cpu: Map<number, number>;
  gc: Map<number, { count: number; ms: number }>;
}

export async function diagnoseListing(
  sides: { side: string; server: ChildServer; request: LoadRequest; statements?: () => Promise<string[]> }[],
  databaseUrl: string,
  connections: number,
  seconds: number,
  settleMs = STATS_SETTLE_MS,
): Promise<ListingDiagnosis> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const servers = [...new Set(sides.map((s) => s.server))];
    const read = async (): Promise<Reading> => {
      await sleep(settleMs);
      const { rows } = await client.query(STATS);
      const cpu = new Map<number, number>();
      const gc = new Map<number, { count: number; ms: number }>();
      for (const server of servers) {
        cpu.set(server.pid, await server.cpuMs());
        gc.set(server.pid, server.gc() ?? { count: NaN, ms: NaN });
      }
      return { ...(rows[0] as Omit<Reading, 'cpu' | 'gc'>), cpu, gc };
    };
    for (const { request } of sides) await load(request, connections, 1); // warm-up, untimed
    const out: DiagnosisSide[] = [];
    let before = await read();
    for (const { side, server, request, statements } of sides) {
      await statements?.(); // drops what was counted before this run
      const figure = await load(request, connections, seconds);
      const sent = await statements?.();
      const after = await read();
      const per = (x: number) => x / figure.requests;
      const gcBefore = before.gc.get(server.pid) as { count: number; ms: number };
      const gcAfter = after.gc.get(server.pid) as { count: number; ms: number };
      out.push({
        side,
        load: figure,
        cpuMsPerRequest: per((after.cpu.get(server.pid) as number) - (before.cpu.get(server.pid) as number)),
        gcPauses: gcAfter.count - gcBefore.count,
        gcMsPerRequest: per(gcAfter.ms - gcBefore.ms),
        gcMsPerSecond: (gcAfter.ms - gcBefore.ms) / seconds,
        commitsPerRequest: per(after.commits - before.commits),
        rowsWrittenPerRequest: per(after.written - before.written),
        apiKeyUpdatesPerRequest: per(after.key_updates - before.key_updates),
        blocksReadPerRequest: per(after.blocks_read - before.blocks_read),
        ...(sent ? { statementsPerRequest: byStatement(sent, figure.requests) } : {}),
      });
      before = after;
    }
    return { settleMs, connections, seconds, sides: out };
  } finally {
    await client.end();
  }
}

/** Counts per request of each statement, literals replaced by ?, most frequent first. */
function byStatement(sent: string[], requests: number): { statement: string; perRequest: number }[] {
  const counts = new Map<string, number>();
  for (const text of sent) {
    const key = text.replace(/'[^']*'?/g, '?').replace(/\b\d+\b/g, '?').slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([statement, n]) => ({ statement, perRequest: n / requests }));
}
