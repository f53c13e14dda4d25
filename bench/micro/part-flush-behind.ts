// The tus part writer's flush-behind in isolation: 100 MiB in 64 KiB chunks through PartFileWriter
// (src/tus/part-file-writer.ts) into a fresh file, with background datasyncs every 16 MiB and with
// none (one datasync at the end), alternating. Per run: total ms to `finish` (every byte durable) and
// ms of the last datasync (from the end of the input to `finish`). Needs `npm run build`.
// node bench/micro/part-flush-behind.ts [runs] [MiB] [flushBehindMiB=PART_FLUSH_BEHIND_BYTES] [arrivalMiBps=unlimited]
// (arrivalMiBps paces the input as a body arriving over the network would: 64 KiB at a time.)
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
const { PART_FLUSH_BEHIND_BYTES, PartFileWriter } = (await import(new URL('../../dist/tus/part-file-writer.js', import.meta.url).href)) as typeof import('../../src/tus/part-file-writer.js');

const runs = Number(process.argv[2] ?? 8);
const mib = Number(process.argv[3] ?? 100);
const flushBehindBytes = process.argv[4] ? Number(process.argv[4]) * 1024 * 1024 : PART_FLUSH_BEHIND_BYTES;
const arrivalMiBps = process.argv[5] ? Number(process.argv[5]) : Infinity;
const dir = await mkdtemp(path.join(tmpdir(), 'flush-behind-'));
const chunk = Buffer.alloc(64 * 1024, 'a');
try {
  for (let run = 0; run < runs * 2; run++) {
    const flushBehind = run % 4 === 0 || run % 4 === 3; // A B B A ...
    const file = path.join(dir, `part-${run}`);
    await (await open(file, 'w')).close();
    let inputEnd = 0;
    const started = performance.now();
    const source = Readable.from((async function* () {
      for (let i = 0; i < mib * 16; i++) {
        // Paced: chunk i is not there before started + i × (64 KiB at arrivalMiBps).
        const due = started + (i * 1000) / (16 * arrivalMiBps);
        const wait = due - performance.now();
        if (wait > 0.05) await new Promise((resolve) => setTimeout(resolve, wait));
        yield Buffer.from(chunk);
      }
      inputEnd = performance.now();
    })());
    await pipeline(source, new PartFileWriter(file, 0, () => undefined, flushBehind ? flushBehindBytes : Infinity));
    const finished = performance.now();
    console.log(JSON.stringify({ run, flushBehind: flushBehind ? flushBehindBytes / 1024 / 1024 : 'none', totalMs: Math.round(finished - started), lastSyncMs: Math.round(finished - inputEnd) }));
    await rm(file);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
