import { createHash } from 'node:crypto';
import http from 'node:http';
import { Transform, type Readable } from 'node:stream';

/** A response read to its end. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Raw header lines as received (name, value, name, value...), for header-injection checks. */
  rawHeaders: string[];
  body: Buffer;
  /** The body parsed as JSON, or undefined. */
  json: any;
}

/** A request whose body the test writes by hand; `response` settles once a whole response arrived. */
export interface OpenRequest {
  req: http.ClientRequest;
  response: Promise<RawResponse>;
  /** Set once the response headers arrived. */
  responded(): boolean;
}

export interface RawRequestOptions {
  method?: string;
  path: string;
  /** Header values are written as latin1 bytes, so raw UTF-8 can be sent as its latin1 reading. */
  headers?: http.OutgoingHttpHeaders;
}

/**
 * Opens a request over node:http on a fresh connection (no keep-alive) and leaves the body to the
 * caller: for requests that announce one length and send another, or that hang up midway.
 */
export function openRequest(baseUrl: string, options: RawRequestOptions): OpenRequest {
  const url = new URL(options.path, baseUrl);
  let responded = false;
  const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers, agent: false });
  const response = new Promise<RawResponse>((resolve, reject) => {
    req.once('response', (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve(toRawResponse(res, Buffer.concat(chunks))));
      res.once('error', reject);
    });
    // Once a response has started, a write error (the server closed after answering early) is expected.
    req.on('error', (error) => {
      if (!responded) reject(error);
    });
  });
  // A test that hangs up on purpose never awaits the response: its rejection is expected, not unhandled.
  response.catch(() => undefined);
  return { req, response, responded: () => responded };
}

/**
 * Sends a whole request and reads the whole response. A stream body is piped (chunked unless the
 * headers announce a Content-Length); when the server answers before the body is sent, the rest of
 * the body is not generated.
 */
export async function sendRaw(baseUrl: string, options: RawRequestOptions & { body?: Buffer | Readable }): Promise<RawResponse> {
  const open = openRequest(baseUrl, options);
  const { req } = open;
  const body = options.body;
  if (body === undefined) {
    req.end();
  } else if (Buffer.isBuffer(body)) {
    req.end(body);
  } else {
    body.on('error', (error) => req.destroy(error));
    body.pipe(req);
    req.once('response', () => {
      // The server has answered: stop generating the rest (it would only be discarded).
      if (!body.readableEnded) {
        body.unpipe(req);
        body.destroy();
      }
    });
  }
  const response = await open.response;
  req.destroy();
  return response;
}

function toRawResponse(res: http.IncomingMessage, body: Buffer): RawResponse {
  let json: unknown;
  try {
    json = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body, json };
}

/** A pass-through that hashes and counts what flows through it. */
export class HashingTap extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  /** The SHA-256 of everything that passed, in hex; call once the stream has ended. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

/** The header value as latin1 text whose bytes are `text` in UTF-8 (how curl sends a raw UTF-8 name). */
export function rawUtf8Header(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** A response whose body was hashed as it streamed, never held whole. */
export interface HashedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  sha256: string;
}

/** GETs `path` and hashes the body as it arrives (for downloads too large to keep in a test). */
export function getHashed(baseUrl: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<HashedResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, baseUrl), { headers, agent: false }, (res) => {
      const tap = new HashingTap();
      res.once('error', reject);
      tap.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: tap.bytes, sha256: tap.digest() }));
      res.pipe(tap).resume();
    });
    req.once('error', reject);
  });
}

/** GETs `path` and resolves with the response as soon as its headers arrive, its body left unread (paused). */
export function getUnread(baseUrl: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, baseUrl), { headers, agent: false }, resolve);
    req.once('error', reject);
  });
}

/** Reads the rest of a response body. */
export async function readBody(res: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
