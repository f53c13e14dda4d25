import net from 'node:net';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.js';
import { collectYoungAfter } from '../transport/young-collection.js';
import type { Scanner, ScanVerdict } from './scanner.js';

export type ClamdAddress = { host: string; port: number } | { socket: string };

// clamd reads INSTREAM in chunks, each prefixed by its length (4 bytes, big-endian); 64 KiB keeps
// few chunks in flight and stays far below clamd's StreamMaxLength granularity.
const MAX_CHUNK = 64 * 1024;
const PROBE_ANSWER_WAIT_MS = 2_000;

/**
 * clamd over its socket protocol (the `z` form: NUL-terminated commands and answers), speaking
 * INSTREAM: the file is streamed to clamd in length-prefixed chunks as it is read from storage.
 * One connection per command; clamd closes it after answering.
 */
export class ClamdScanner implements Scanner {
  constructor(
    private readonly address: ClamdAddress,
    private readonly timeoutMs: number,
  ) {}

  async version(): Promise<string> {
    return (await this.command('zVERSION\0')).trim();
  }

  async scan(content: Readable, signal?: AbortSignal): Promise<ScanVerdict> {
    const engine = await this.version();
    const answer = await this.exchange(signal, async (socket) => {
      socket.write('zINSTREAM\0');
      let sent = 0;
      for await (const piece of content as AsyncIterable<Buffer | string>) {
        const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
        for (let offset = 0; offset < buffer.length; offset += MAX_CHUNK) {
          const chunk = buffer.subarray(offset, offset + MAX_CHUNK);
          if (!socket.writable) return; // clamd answered early (a size limit): read its answer
          const header = Buffer.alloc(4);
          header.writeUInt32BE(chunk.length);
          socket.write(header);
          void collectYoungAfter(sent, (sent += chunk.length));
          if (!socket.write(chunk)) await drained(socket);
        }
      }
      if (socket.writable) socket.write(Buffer.alloc(4)); // a zero-length chunk ends the stream
    });
    return parseScanAnswer(answer, engine);
  }

  async acceptsStreamOf(bytes: number): Promise<boolean | null> {
    // clamd checks a chunk's announced length against StreamMaxLength before reading it, so one
    // header announcing `bytes` is refused at once when the limit is lower, and otherwise waits.
    const answer = await this.exchange(AbortSignal.timeout(PROBE_ANSWER_WAIT_MS), async (socket) => {
      const header = Buffer.alloc(4);
      header.writeUInt32BE(Math.min(bytes, 0xffff_ffff));
      socket.write(Buffer.concat([Buffer.from('zINSTREAM\0'), header]));
    }).catch(() => null);
    if (answer === null) return null;
    return !/size limit exceeded/i.test(answer);
  }

  private command(text: string): Promise<string> {
    return this.exchange(undefined, async (socket) => {
      socket.write(text);
    });
  }

  /**
   * Opens a connection, lets `send` write, and resolves with everything clamd answers up to its
   * NUL or the end of the connection. Unreachable, reset, timeout or abort: `scanner_unavailable`.
   */
  private exchange(signal: AbortSignal | undefined, send: (socket: net.Socket) => Promise<void>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = 'socket' in this.address ? net.connect(this.address.socket) : net.connect(this.address.port, this.address.host);
      const received: Buffer[] = [];
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        if (error) reject(error instanceof AppError ? error : unavailable(error));
        else resolve(Buffer.concat(received).toString('utf8').replace(/\0.*$/s, ''));
      };
      const timer = setTimeout(() => finish(new Error(`clamd did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      const onAbort = () => finish(new Error('the scan was aborted'));
      if (signal?.aborted) return finish(new Error('the scan was aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.on('error', (error) => finish(error));
      socket.on('data', (data: Buffer) => {
        received.push(data);
        if (data.includes(0)) finish(null);
      });
      socket.on('end', () => (received.length > 0 ? finish(null) : finish(new Error('clamd closed the connection without an answer'))));
      socket.once('connect', () => {
        send(socket).catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
      });
    });
  }
}

/** clamd's INSTREAM answers: `stream: OK`, `stream: <name> FOUND`, or `... ERROR`. */
export function parseScanAnswer(answer: string, engine: string): ScanVerdict {
  const text = answer.trim();
  if (/^stream: OK$/.test(text)) return { status: 'clean', signature: null, engine };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { status: 'infected', signature: found[1], engine };
  // "INSTREAM size limit exceeded. ERROR" and any other error: no complete scan, so no verdict.
  throw new AppError('scanner_unavailable', `The scanner could not complete the scan: ${text.slice(0, 200) || 'no answer'}.`);
}

function unavailable(error: Error): AppError {
  return new AppError('scanner_unavailable', `The virus scanner is unavailable: ${error.message}.`, { cause: error });
}

function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}
