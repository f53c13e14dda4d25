// The bare baseline for uploads: stream the body through SHA-256 into a file, fsync it (flush: true),
// answer 201 with the hash. No framework, no checks, no database. GET answers 200 (readiness probe).
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { hashingTap } from './hashing-tap.ts';

const dir = process.env['BENCH_DIR'] ?? '.';
http
  .createServer(async (req, res) => {
    if (req.method === 'GET') return void res.end('ok');
    const tap = hashingTap();
    try {
      await pipeline(req, tap.stream, createWriteStream(path.join(dir, `${randomUUID()}.part`), { flags: 'wx', flush: true }));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(tap.result()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
