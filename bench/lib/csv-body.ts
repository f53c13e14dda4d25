import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

// A request body of exactly `totalBytes` bytes of UTF-8 CSV, generated as it is read: a header and a
// row with a fresh random id (so every upload has its own content and SHA-256: no duplicates), then
// a ~1 MiB block of ordinary rows repeated, cut at a row end and padded to the exact size. Only the
// block is kept in memory; the body goes out in 64 KiB views of it (no copying per upload).

const PIECE = 64 * 1024;
const HEADER = 'id,name,city,amount,note\r\n';

const { block, rowEnds } = buildBlock(1024 * 1024);

function buildBlock(approxBytes: number): { block: Buffer; rowEnds: number[] } {
  const rows: string[] = [];
  const ends: number[] = [];
  let length = 0;
  for (let id = 1; length < approxBytes; id++) {
    const row = `${id},Zoë Müller ${id},Zürich,${id % 1000}.${String(id % 100).padStart(2, '0')},lorem ipsum dolor sit am\r\n`;
    rows.push(row);
    length += Buffer.byteLength(row);
    ends.push(length);
  }
  return { block: Buffer.from(rows.join(''), 'utf8'), rowEnds: ends };
}

function* pieces(totalBytes: number): Generator<Buffer> {
  const head = Buffer.from(`${HEADER}0,bench ${randomUUID()},Zürich,0.00,unique per upload\r\n`, 'utf8');
  if (totalBytes < head.length + 2) throw new RangeError(`a CSV body needs at least ${head.length + 2} bytes`);
  yield head;
  let remaining = totalBytes - head.length;
  while (remaining > 0) {
    // Whole blocks while they fit; then the longest run of whole rows that leaves room for a pad row.
    const end = remaining >= block.length ? block.length : lastRowEndAtMost(remaining - 2);
    for (let offset = 0; offset < end; offset += PIECE) yield block.subarray(offset, Math.min(offset + PIECE, end));
    remaining -= end;
    if (end < block.length && remaining > 0) {
      yield Buffer.from(remaining === 1 ? '\n' : `${'x'.repeat(remaining - 2)}\r\n`, 'latin1');
      remaining = 0;
    }
  }
}

function lastRowEndAtMost(limit: number): number {
  let best = 0;
  for (const end of rowEnds) {
    if (end > limit) break;
    best = end;
  }
  return best;
}

/** A fresh CSV body stream of exactly `totalBytes` bytes, unique per call. */
export function csvBody(totalBytes: number): Readable {
  return Readable.from(pieces(totalBytes), { objectMode: false });
}
