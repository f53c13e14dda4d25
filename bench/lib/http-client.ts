import http from 'node:http';
import type { Readable } from 'node:stream';

// The bench's client: node:http, a fresh connection per request (no keep-alive), as a browser
// uploading one file would open. Bodies are streamed; responses to uploads are small JSON.

export interface JsonResponse {
  status: number;
  json: any;
  text: string;
}

/** Sends `body` (a stream of exactly `size` bytes, announced in Content-Length) and reads the answer. */
export function sendStream(baseUrl: string, path: string, headers: http.OutgoingHttpHeaders, body: Readable, size: number): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(size) },
    });
    req.once('error', reject);
    body.once('error', (error) => req.destroy(error));
    req.once('response', (res) => {
      if (!body.readableEnded) body.unpipe(req).destroy(); // answered early (a refusal): stop sending
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => resolve(parse(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
    });
    body.pipe(req);
  });
}

/** A small JSON request (set-up calls: workspaces, links). */
export function requestJson(baseUrl: string, method: string, path: string, token: string | undefined, json?: unknown): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers: http.OutgoingHttpHeaders = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
    const req = http.request(new URL(path, baseUrl), { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => resolve(parse(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
    });
    req.once('error', reject);
    req.end(payload);
  });
}

export interface DownloadTiming {
  status: number;
  bytes: number;
  /** From sending the request to the first body byte. */
  ttfbMs: number;
  /** From sending the request to the last body byte. */
  totalMs: number;
}

/** GETs `path`, counts the body as it arrives (discarding it) and times the first and last byte. */
export function timedDownload(baseUrl: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<DownloadTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = -1;
    let bytes = 0;
    const req = http.get(new URL(path, baseUrl), { agent: false, headers }, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (ttfbMs < 0) ttfbMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 0, bytes, ttfbMs, totalMs: performance.now() - started }));
    });
    req.once('error', reject);
  });
}

function parse(status: number, text: string): JsonResponse {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status, json, text };
}
