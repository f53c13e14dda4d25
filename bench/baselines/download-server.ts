// The bare baseline for downloads: GET /<path under BENCH_DIR> pipes fs.createReadStream into the
// response, with Content-Length. No auth, no audit, no framework. GET /healthz answers 200.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const root = process.env['BENCH_DIR'] ?? '.';
http
  .createServer(async (req, res) => {
    const relative = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (relative === '/healthz') return void res.end('ok');
    try {
      const file = path.join(root, path.normalize(relative));
      const { size } = await stat(file);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
      await pipeline(createReadStream(file), res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(404).end(String(error));
      else res.destroy();
    }
  })
  .listen(Number(process.env['PORT']), '127.0.0.1');
