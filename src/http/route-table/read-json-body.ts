import type { Request } from 'express';
import { AppError } from '../../errors/app-error.js';

/** Operator JSON bodies are small; anything bigger is refused before it is buffered. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a JSON request body, whatever Content-Type the client sent (curl's default form type
 * included). An empty body is `{}`; a body that is not JSON is `invalid_json` (400).
 */
export async function readJsonBody(req: Request, limit = JSON_BODY_LIMIT_BYTES): Promise<unknown> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${limit} bytes.`);
}
