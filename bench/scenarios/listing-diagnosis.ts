import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { ChildServer } from '../lib/child-server.ts';
import { load, type LoadFigure, type LoadRequest } from '../lib/load.ts';

// Where REST's p99 goes, at the latency load (4 connections, the active-only default page): one more
// run per side, product then baseline, with what each request costs around it: the server process's
// CPU (utime + stime from /proc/<pid>/stat) and the database's work (pg_stat_database commits and
// row writes, pg_stat_user_tables updates of api_keys, i.e. last_used_at). PostgreSQL publishes its
// statistics at most once a second, so each reading waits 1.5 s after the load (untimed).

export interface DiagnosisSide {
  side: string;
  load: LoadFigure;
  cpuMsPerRequest: number;
  commitsPerRequest: number;
  rowsWrittenPerRequest: number;
  apiKeyUpdatesPerRequest: number;
  blocksReadPerRequest: number;
}

export interface ListingDiagnosis {
  connections: number;
  seconds: number;
  sides: DiagnosisSide[];
}

const STATS = `select d.xact_commit::float8 as commits, (d.tup_inserted + d.tup_updated + d.tup_deleted)::float8 as written,
    d.blks_read::float8 as blocks_read,
    coalesce((select n_tup_upd from pg_stat_user_tables where relname = 'api_keys'), 0)::float8 as key_updates
  from pg_stat_database d where d.datname = current_database()`;

export async function diagnoseListing(
  sides: { side: string; server: ChildServer; request: LoadRequest }[],
  databaseUrl: string,
  connections: number,
  seconds: number,
): Promise<ListingDiagnosis> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const read = async (server: ChildServer) => {
      await sleep(1500);
      const { rows } = await client.query(STATS);
      return { cpu: await server.cpuMs(), ...(rows[0] as { commits: number; written: number; blocks_read: number; key_updates: number }) };
    };
    const out: DiagnosisSide[] = [];
    for (const { side, server, request } of sides) {
      const before = await read(server);
      const figure = await load(request, connections, seconds);
      const after = await read(server);
      const per = (x: number) => x / figure.requests;
      out.push({
        side,
        load: figure,
        cpuMsPerRequest: per(after.cpu - before.cpu),
        commitsPerRequest: per(after.commits - before.commits),
        rowsWrittenPerRequest: per(after.written - before.written),
        apiKeyUpdatesPerRequest: per(after.key_updates - before.key_updates),
        blocksReadPerRequest: per(after.blocks_read - before.blocks_read),
      });
    }
    return { connections, seconds, sides: out };
  } finally {
    await client.end();
  }
}
