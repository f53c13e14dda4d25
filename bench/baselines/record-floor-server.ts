// The durable-record floor for uploads: the bare baseline (bench/baselines/upload-server.ts) plus only
// what the product's guarantees force on any server, so nothing with those guarantees can be faster
// on this machine. Per request, in this order: (a) the link token's digest looked up by primary key
// in PostgreSQL before the body is read (a refusal comes before the body); (b) body → SHA-256 → a
// temporary file with flush: true, renamed into place, the folder fsynced (nothing half-written
// ever appears under its final name); (c) one transaction inserting one row into a logged table,
// committed (PostgreSQL flushes its WAL), only after (b) (a row never names an object that is not
// durable); then 201. No framework, no validation, no audit table, no ORM. GET answers 200.
// BENCH_DIR holds incoming/ and objects/ (made here; the bench recreates them between batches),
// DATABASE_URL names the bench's database, FLOOR_TOKEN is the one token it accepts.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { hashingTap } from './hashing-tap.ts';

const dir = process.env['BENCH_DIR'] ?? '.';
const incoming = path.join(dir, 'incoming');
const objects = path.join(dir, 'objects');
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
// The product's pool size.
const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

// A tiny token table and a normal (logged) table of records: a temp or unlogged table would skip
// the WAL flush at commit, which is the cost this floor is about.
await pool.query('create table if not exists floor_links (token_sha256 text primary key, link_id uuid not null)');
await pool.query(`create table if not exists floor_uploads (id uuid primary key, link_id uuid not null, sha256 text not null, size_bytes bigint not null, object_key text not null)`);
const tokens = [process.env['FLOOR_TOKEN'] ?? 'floor', ...Array.from({ length: 99 }, () => randomUUID())];
for (const token of tokens) {
  await pool.query('insert into floor_links values ($1, $2) on conflict do nothing', [digest(token), randomUUID()]);
}
await mkdir(incoming, { recursive: true });
await mkdir(objects, { recursive: true });

async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

http
  .createServer(async (req, res) => {
    if (req.method === 'GET') return void res.end('ok');
    try {
      const token = decodeURIComponent(req.url?.split('/')[2] ?? '');
      const link = await pool.query<{ link_id: string }>('select link_id from floor_links where token_sha256 = $1', [digest(token)]);
      const linkId = link.rows[0]?.link_id;
      if (!linkId) return void res.writeHead(404, { connection: 'close' }).end();
      const tap = hashingTap();
      const id = randomUUID();
      const part = path.join(incoming, `${id}.part`);
      await pipeline(req, tap.stream, createWriteStream(part, { flags: 'wx', flush: true }));
      await rename(part, path.join(objects, id));
      await fsyncFolder(objects);
      const { sha256, size_bytes: size } = tap.result();
      // One statement outside begin/commit is one transaction, committed on its own: the fewest
      // round trips for the one commit (and its WAL flush) a record needs.
      await pool.query('insert into floor_uploads values ($1, $2, $3, $4, $5)', [id, linkId, sha256, size, id]);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id, sha256, size_bytes: size }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
