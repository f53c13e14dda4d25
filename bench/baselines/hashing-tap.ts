// What every bare baseline does to an upload's bytes on the way to storage: SHA-256 and a byte count,
// chunks passed on untouched. One Transform, as a server with no checks would write it.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

export interface HashingTap {
  stream: Transform;
  /** Hex SHA-256 and size of what passed; call once the pipeline has finished. */
  result(): { sha256: string; size_bytes: number };
}

export function hashingTap(): HashingTap {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size_bytes: size }) };
}
