import pg from 'pg';

/** What EXPLAIN (ANALYZE, BUFFERS) says of one statement: the plan text and its headline figures. */
export interface ExplainFigure {
  label: string;
  executionMs: number;
  /** Shared buffers hit + read by the whole plan. */
  buffers: number;
  plan: string;
}

export async function explain(databaseUrl: string, label: string, sql: string, params: unknown[]): Promise<ExplainFigure> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Twice: the first run warms the cache, the second is the one reported.
    await client.query(`explain (analyze, buffers) ${sql}`, params);
    const { rows } = await client.query(`explain (analyze, buffers, costs off) ${sql}`, params);
    const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    const top = /Buffers: shared((?: hit=\d+)?(?: read=\d+)?)/.exec(plan)?.[1] ?? '';
    const buffers = [...top.matchAll(/=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    return { label, executionMs, buffers, plan };
  } finally {
    await client.end();
  }
}
