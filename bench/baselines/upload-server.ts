// The bare baseline for uploads: stream the body through SHA-256 into a file, fsync it (flush: true),
// answer 201 with the hash. No framework, no checks, no database. GET answers 200 (readiness probe).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const dir = process.env['BENCH_DIR'] ?? '.';
http
  .createServer(async (req, res) => {
    if (req.method === 'GET') return void res.end('ok');
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(req, tap, createWriteStream(path.join(dir, `${randomUUID()}.part`), { flags: 'wx', flush: true }));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256: hash.digest('hex'), size_bytes: size }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
