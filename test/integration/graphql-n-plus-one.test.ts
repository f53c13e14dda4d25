import { randomBytes } from 'node:crypto';
import type { Logger, LogContext } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Nested lists never cost one query per row: IntakeLink.uploads is batched through a per-request
// DataLoader. The SQL is counted for real, at MikroORM's query logger, which every statement the
// server sends (queries, transaction begin and commit) passes through whether or not debug output is on.

const LINKS_WITH_UPLOADS = `query($ws: ID!) {
  intakeLinks(workspaceId: $ws, limit: 50) { id customerSlug uploads { id linkId filename duplicateOf { id receivedAt } } }
}`;

let t: TestServer;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
});
afterAll(() => t.stop());

interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** Records the SQL statements (with their parameters) the server's ORM sends while `work` runs. */
async function sqlDuring(work: () => Promise<unknown>): Promise<Statement[]> {
  const logger: Logger = t.server.container.infra.database.orm.config.getLogger();
  const original = logger.logQuery;
  const statements: Statement[] = [];
  logger.logQuery = function (this: Logger, context: LogContext) {
    if (context.query) statements.push({ sql: context.query, params: context.params ?? [] });
    return original.call(this, context);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

function readsUploads(sql: string): boolean {
  return /\bfrom\s+"?uploads"?\b/i.test(sql);
}

/** A workspace with `links` links, each holding `perLink` uploads (one of them a duplicate). */
async function workspaceWith(links: number, perLink: number): Promise<{ ws: TestWorkspace; linkIds: string[] }> {
  const ws = await api.createWorkspace(t.adminToken, `${links} links`);
  const shared = Buffer.from(`id,shared\r\n1,${randomBytes(8).toString('hex')}\r\n`);
  const linkIds: string[] = [];
  for (let i = 0; i < links; i++) {
    const link = await api.createLink(ws, { customer_slug: `customer-${i}` });
    linkIds.push(link.id);
    for (let j = 0; j < perLink; j++) {
      const bytes = j === 0 ? shared : Buffer.from(`id,own\r\n${i},${j},${randomBytes(8).toString('hex')}\r\n`);
      const res = await api.upload(link.link_token, bytes, { filename: `file-${i}-${j}.csv`, contentType: 'text/csv' });
      expect(res.status, res.text).toBe(201);
    }
  }
  return { ws, linkIds };
}

describe('IntakeLink.uploads batching', () => {
  let small: { ws: TestWorkspace; linkIds: string[] };
  let large: { ws: TestWorkspace; linkIds: string[] };

  beforeAll(async () => {
    small = await workspaceWith(2, 2);
    large = await workspaceWith(20, 2);
  });

  async function list(ws: TestWorkspace): Promise<any[]> {
    const res = await api.graphql(LINKS_WITH_UPLOADS, { ws: ws.id }, ws.apiKey);
    expect(res.body.errors, res.text).toBeUndefined();
    return res.body.data.intakeLinks;
  }

  it('returns every link with its own uploads, newest first', async () => {
    const links = await list(large.ws);
    expect(links.map((l) => l.id)).toEqual([...large.linkIds].reverse());
    for (const link of links) {
      const i = link.customerSlug.replace('customer-', '');
      expect(link.uploads.map((u: any) => u.filename)).toEqual([`file-${i}-1.csv`, `file-${i}-0.csv`]);
      for (const upload of link.uploads) expect(upload.linkId).toBe(link.id);
    }
    // The first file of every link has the same content: all but the earliest are duplicates of it.
    const originals = new Set(links.flatMap((l) => l.uploads.map((u: any) => u.duplicateOf?.id)).filter(Boolean));
    expect(originals.size).toBe(1);
  });

  it('sends the same number of SQL statements for 20 links as for 2', async () => {
    await list(small.ws); // warm-up: the first request of a connection may differ
    const forTwo = await sqlDuring(() => list(small.ws));
    const forTwenty = await sqlDuring(() => list(large.ws));
    expect(forTwo.length).toBeGreaterThan(0);
    expect(forTwenty.map((s) => s.sql).join('\n')).toBe(forTwo.map((s) => s.sql).join('\n'));
    expect(forTwenty.length).toBe(forTwo.length);
  });

  it('reads all the uploads of a response in one query', async () => {
    const statements = await sqlDuring(() => list(large.ws));
    const uploadQueries = statements.filter((s) => readsUploads(s.sql));
    expect(uploadQueries, statements.map((s) => s.sql).join('\n')).toHaveLength(1);
    expect(uploadQueries[0]?.params.flat()).toEqual(expect.arrayContaining(large.linkIds));
  });

  it('keeps the batch per request: a new upload shows in the next response', async () => {
    const [newest] = await list(small.ws);
    const link = await api.request('GET', `/v1/${small.ws.id}/intake/links?limit=1`, { token: small.ws.apiKey });
    const res = await api.upload(link.body[0].link_token, Buffer.from(`id\r\n${randomBytes(8).toString('hex')}\r\n`), {
      filename: 'late.csv',
      contentType: 'text/csv',
    });
    expect(res.status).toBe(201);
    const [after] = await list(small.ws);
    expect(after.id).toBe(newest.id);
    expect(after.uploads.map((u: any) => u.filename)).toEqual(['late.csv', ...newest.uploads.map((u: any) => u.filename)]);
  });

  it('batches the uploads query behind intakeLinks even when asked twice under aliases', async () => {
    const query = `query($ws: ID!) {
      a: intakeLinks(workspaceId: $ws, limit: 50) { uploads { id } }
      b: intakeLinks(workspaceId: $ws, limit: 50) { uploads { id } }
    }`;
    const statements = await sqlDuring(async () => {
      const res = await api.graphql(query, { ws: large.ws.id }, large.ws.apiKey);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.a).toEqual(res.body.data.b);
    });
    expect(statements.filter((s) => readsUploads(s.sql))).toHaveLength(1);
  });
});
