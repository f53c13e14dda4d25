import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Every socket read of a request body is a fresh ArrayBuffer, outside the JavaScript heap. V8 frees
// those only when a GC collects their small wrappers, and they die young, so a scavenge (a minor GC)
// would free them at once; but the product's young generation is sized at start-up, when loading
// the app makes it grow to its maximum, so scavenges come rarely while bytes stream in. What comes
// instead is V8's external-memory limit: a full mark-compact of the whole heap (~43 MB, ~40 ms of
// CPU) every ~17 MB of upload, 2 ms of GC per MiB where the bare baseline, with its small heap and
// small young generation, spends a fraction of that (BENCHMARKS.md, "Uploads: GC"). A scavenge every
// PACE_BYTES of body frees those buffers before the limit is reached, for about 1 ms each. At 16 MiB
// the full collections still came back in some 300 MB batches (15 of them where 19 scavenges ran,
// perhaps when the marking had started before a scavenge); at 4 MiB they stayed away (0-1 a batch).
const PACE_BYTES = 4 * 1024 * 1024;

type GcFunction = (options: { type: 'minor' | 'major'; execution: 'sync' | 'async' }) => void;

// `gc` is only installed when --expose-gc is set; set here, it reaches a fresh context's global.
// Should this ever fail (a runtime that freezes its flags), pacing is off and V8 decides alone.
function exposeGc(): GcFunction | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as GcFunction) : undefined;
  } catch {
    return undefined;
  }
}

const gc = exposeGc();
let sinceLastScavenge = 0;

/** Counts body bytes that arrived in memory; runs a scavenge once PACE_BYTES have since the last. */
export function noteBodyBytes(count: number): void {
  if (!gc) return;
  sinceLastScavenge += count;
  if (sinceLastScavenge < PACE_BYTES) return;
  sinceLastScavenge = 0;
  gc({ type: 'minor', execution: 'sync' });
}
