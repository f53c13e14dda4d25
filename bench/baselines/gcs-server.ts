// The bare baseline for the GCS driver: stream the body through SHA-256 into
// `bucket.file(name).createWriteStream()` (a resumable upload, as the product's driver does) of the
// storage emulator at STORAGE_EMULATOR_HOST, answer 201 with the hash. No framework, no checks, no
// database. GET answers 200 (readiness probe). Run as .ts from the repo (it needs @google-cloud/storage).
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Storage } from '@google-cloud/storage';

const bucket = new Storage({ apiEndpoint: process.env['STORAGE_EMULATOR_HOST'], projectId: 'demo-intake-links' }).bucket(process.env['GCS_BUCKET'] ?? 'bench');
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
      await pipeline(req, tap, bucket.file(`baseline/${randomUUID()}`).createWriteStream({ resumable: true, contentType: 'text/csv' }));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256: hash.digest('hex'), size_bytes: size }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
