// The fixed cost of durability on this machine, per 1 MiB file, apart from any server: (a) what the
// baseline does (write with flush: true, i.e. fsync the file), (b) what the product's local driver
// adds (mkdir -p, rename into place, fsync of the folder), (c) one PostgreSQL commit of a one-row
// insert (the WAL fsync), alternating a/b, wall ms per file. node bench/micro/durability-floor.ts [n]
// (c) commits into a normal table made and dropped here: a temp (or unlogged) table is not WAL-logged,
// and PostgreSQL does not wait for a WAL flush at the commit of a transaction that wrote only such
// tables (measured on this machine: 54 B of WAL and 0.55 ms per commit into a temp table, 216 B and
// 2.29 ms into a normal one), so an earlier version of this script never measured the flush.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';

const n = Number(process.argv[2] ?? 100);
const dir = await mkdtemp(path.join(tmpdir(), 'floor-'));
const body = Buffer.alloc(1024 * 1024, 'a');
const writeFlushed = async (file: string) => pipeline(Readable.from([body.subarray(0, 65536), body.subarray(65536)]), createWriteStream(file, { flags: 'wx', flush: true }));
async function baseline(): Promise<void> {
  await writeFlushed(path.join(dir, `${randomUUID()}.part`));
}
async function product(): Promise<void> {
  const part = path.join(dir, 'incoming', `${randomUUID()}.part`);
  await writeFlushed(part);
  const final = path.join(dir, 'objects', 'ws', randomUUID());
  await mkdir(path.dirname(final), { recursive: true });
  await rename(part, final);
  const handle = await open(path.dirname(final), 'r');
  await handle.sync();
  await handle.close();
}
await mkdir(path.join(dir, 'incoming'));
const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await client.connect();
const table = `floor_rows_${randomUUID().replaceAll('-', '')}`;
await client.query(`create table ${table} (id uuid primary key, body text)`);
async function commit(): Promise<void> {
  await client.query('begin');
  await client.query(`insert into ${table} values ($1, $2)`, [randomUUID(), 'x']);
  await client.query('commit');
}
const time = async (work: () => Promise<void>) => {
  const start = performance.now();
  for (let i = 0; i < n; i++) await work();
  return +((performance.now() - start) / n).toFixed(2);
};
try {
  for (let round = 0; round < 4; round++) {
    const a = await time(baseline);
    const b = await time(product);
    const c = await time(commit);
    console.log(JSON.stringify({ round, baselineFileMs: a, productFileMs: b, productExtraMs: +(b - a).toFixed(2), pgCommitMs: c }));
    await rm(path.join(dir, 'objects'), { recursive: true, force: true });
  }
} finally {
  await client.query(`drop table if exists ${table}`);
  await client.end();
  await rm(dir, { recursive: true, force: true });
}
