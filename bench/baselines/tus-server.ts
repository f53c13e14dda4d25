// The tus baseline: @tus/server with @tus/file-store, as its README sets it up. No hash, no fsync,
// no checks, no database: what a plain tus server costs. GET / answers 200 (readiness probe).
// Run as .ts from the repo (it needs @tus/server from node_modules), like list-server.ts.
import http from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';

const tus = new Server({ path: '/files', datastore: new FileStore({ directory: process.env['BENCH_DIR'] ?? '.' }) });
http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/') return void res.end('ok');
    void tus.handle(req, res);
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
