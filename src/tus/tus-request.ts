import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream';
import { NodeRequest } from 'srvx/node';

/**
 * The request @tus/server handles, with a body that hands on the socket's chunks as they are.
 * srvx's own body is `Readable.toWeb(req)`, which copies every chunk into a fresh Uint8Array (to
 * detach it from a buffer pool, in case a consumer transfers it): for a 100 MB PATCH that is 100 MB
 * of memcpy and twice the off-heap buffers, and off-heap growth is what starts this process's full
 * garbage collections. Here nothing transfers a chunk: tus turns the stream straight back into a
 * Node stream (Readable.fromWeb) and pipes it into the part file (PartFileWriter).
 * Flow control is the adapter's: pause the request once the queue is full, resume when tus pulls.
 */
export function tusRequest(req: IncomingMessage, res: ServerResponse): InstanceType<typeof NodeRequest> {
  const request = new NodeRequest({ req, res });
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return request;
  // Built when tus first asks, as srvx does: a request whose body tus never reads is never paused
  // here, and tus's own 'error' listener on the request (its abort) comes before the stream's.
  let body: ReadableStream<Uint8Array> | undefined;
  Object.defineProperty(request, 'body', { get: () => (body ??= bodyStream(req)) });
  return request;
}

function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let settled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () => {
        req.resume();
      },
      cancel: (reason) => {
        settled = true;
        req.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: req.readableHighWaterMark }),
  );
  req.pause();
  req.on('data', (chunk: Buffer) => {
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  });
  // As Readable.toWeb: the end closes the stream, an error errors it, a dropped connection is an
  // AbortError; a later 'error' event of the request must not go unhandled.
  finished(req, { writable: false }, (error) => {
    req.on('error', () => undefined);
    if (settled) return;
    settled = true;
    if (!error) controller.close();
    else controller.error((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ? abortError(error) : error);
  });
  return stream;
}

function abortError(cause: Error): Error {
  return Object.assign(new Error('The operation was aborted', { cause }), { name: 'AbortError', code: 'ABORT_ERR' });
}
