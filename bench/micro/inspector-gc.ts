// Micro-measurement of the upload inspector's per-byte cost, in one process, no disk, no network:
// 300 MiB of CSV in 64 KiB chunks (what a socket delivers) through (a) the baseline's bare tap
// (hash + count) and (b) the product's UploadInspector (hash, count, hold-back, text check, magic
// bytes), each into a sink that drops the bytes. Reports CPU ms, GC ms (PerformanceObserver) and
// GC count per side, alternating sides. Run after `npm run build`: node bench/micro/inspector-gc.ts
import { createHash } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// The built code (Node cannot run src/ directly: its imports name .js files); typed by hand here.
const dist = (file: string) => new URL(`../../dist/${file}`, import.meta.url).href;
const { UploadInspector } = (await import(dist('services/upload/upload-inspector.js'))) as {
  UploadInspector: new (declared: unknown, maxBytes: number) => Transform;
};
const { findAcceptedType } = (await import(dist('domain/content-policy.js'))) as { findAcceptedType: (mime: string) => unknown };

const CHUNK = 64 * 1024;
const TOTAL = 300 * 1024 * 1024;
const row = 'id,name,amount\n' + '1234,Some Customer Name,12.34\n'.repeat(40000);
const block = Buffer.from(row.slice(0, 1024 * 1024));

function source(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= TOTAL) return void this.push(null);
      // A fresh buffer per chunk, as a socket delivers: the allocation pattern both sides share.
      const off = sent % block.length;
      const chunk = Buffer.allocUnsafe(CHUNK);
      block.copy(chunk, 0, off, Math.min(off + CHUNK, block.length));
      sent += CHUNK;
      this.push(chunk);
    },
  });
}
const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
function tap(): Transform {
  const hash = createHash('sha256');
  return new Transform({ transform(chunk, _e, done) { hash.update(chunk); done(null, chunk); } });
}

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcMs += e.duration; gcCount++; } }).observe({ entryTypes: ['gc'] });

async function measure(label: string, make: () => Transform) {
  gcMs = 0; gcCount = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  await pipeline(source(), make(), sink());
  await new Promise((r) => setImmediate(r));
  const c = process.cpuUsage(cpu);
  return { label, wallMs: performance.now() - t, cpuMs: (c.user + c.system) / 1000, gcMs, gcCount };
}

const ballast = process.env.BALLAST ? Array.from({ length: Number(process.env.BALLAST) }, (_, i) => ({ i, s: "x" + i, o: { a: [i] } })) : [];
const csv = findAcceptedType('text/csv')!;
const rows = [];
for (let i = 0; i < 4; i++) {
  for (const side of i % 2 ? ['inspector', 'tap'] : ['tap', 'inspector']) {
    rows.push(await measure(side, side === 'tap' ? tap : () => new UploadInspector(csv, 200 * 1024 * 1024 * 1024)));
  }
}
console.log("ballast objects", ballast.length, "heapUsed MiB", (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));
for (const r of rows.slice(2)) console.log(JSON.stringify({ ...r, wallMs: +r.wallMs.toFixed(0), cpuMs: +r.cpuMs.toFixed(0), gcMs: +r.gcMs.toFixed(1) }));
