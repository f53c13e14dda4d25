// The bare baseline for the GCS driver: stream the body through SHA-256 into
// `bucket.file(name).createWriteStream()` (a resumable upload, as the product's driver does) of the
// storage emulator at STORAGE_EMULATOR_HOST, answer 201 with the hash. No framework, no checks, no
// database. GET answers 200 (readiness probe). Run as .ts from the repo (it needs @google-cloud/storage).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { hashingTap } from './hashing-tap.ts';
import { Storage } from '@google-cloud/storage';

const bucket = new Storage({ apiEndpoint: process.env['STORAGE_EMULATOR_HOST'], projectId: 'demo-intake-links' }).bucket(process.env['GCS_BUCKET'] ?? 'bench');
http
  .createServer(async (req, res) => {
    if (req.method === 'GET') return void res.end('ok');
    const tap = hashingTap();
    try {
      await pipeline(req, tap.stream, bucket.file(`baseline/${randomUUID()}`).createWriteStream({ resumable: true, contentType: 'text/csv' }));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(tap.result()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
