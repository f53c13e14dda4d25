import type { Lock, Locker, RequestRelease } from '@tus/server';

/** What @tus/server answers when a hook or lock throws this: our 423 body is set by tus-errors.ts. */
const LOCKED = { status_code: 423, body: 'This upload is receiving bytes from another request.' };

/**
 * One request at a time may change an upload (PATCH, DELETE). @tus/server's own MemoryLocker lets a
 * second request take over by cutting the first off; the issue asks for the second to be refused
 * instead (423), so two clients that both believe they own an upload never interleave. A dead first
 * request frees the upload when its socket closes or the idle-body cut-off (UPLOAD_IDLE_TIMEOUT_SECONDS)
 * ends it; tus clients retry a 423. Reads (HEAD, GET) and creation take no lock: they never write
 * bytes, and a HEAD must be able to answer the offset while a PATCH is running. Per process, like
 * MemoryLocker: several processes need sticky routing per link (README).
 */
export class ExclusiveLocker {
  private readonly held = new Set<string>();

  /** The locker @tus/server uses for one request. */
  forRequest(method: string): Locker {
    const writes = method === 'PATCH' || method === 'DELETE';
    return { newLock: (id) => (writes ? this.exclusiveLock(id) : NO_LOCK) };
  }

  private exclusiveLock(id: string): Lock {
    let mine = false;
    return {
      lock: async (_signal: AbortSignal, _release: RequestRelease) => {
        if (this.held.has(id)) throw LOCKED;
        this.held.add(id);
        mine = true;
      },
      unlock: async () => {
        if (mine) this.held.delete(id);
        mine = false;
      },
    };
  }
}

const NO_LOCK: Lock = { lock: async () => undefined, unlock: async () => undefined };
