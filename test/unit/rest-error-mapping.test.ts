import express from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { ERROR_CODES, type ErrorCode } from '../../src/errors/error-codes.js';
import { restErrorHandler } from '../../src/http/error-handler.js';

// Every code of the table, rendered by the REST face's one error handler, over a real HTTP socket.
async function render(error: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const app = express();
  app.get('/', () => {
    throw error;
  });
  app.use(restErrorHandler(pino({ level: 'silent' })));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`);
    return { status: res.status, body: await res.json(), headers: res.headers };
  } finally {
    server.close();
  }
}

describe('REST error mapping', () => {
  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('%s renders its status and {error_code, detail}', async (code) => {
    const { status, body } = await render(new AppError(code));
    expect(status).toBe(ERROR_CODES[code].status);
    expect(body).toEqual({ error_code: code, detail: ERROR_CODES[code].detail });
  });

  it('sends Retry-After with rate limits', async () => {
    const { headers } = await render(new AppError('rate_limited', undefined, { retryAfterSeconds: 7 }));
    expect(headers.get('retry-after')).toBe('7');
  });

  it('masks an unknown error: no message, no stack', async () => {
    const { status, body } = await render(new Error('relation "secret_table" does not exist at /srv/app/x.js:1'));
    expect(status).toBe(500);
    expect(body).toEqual({ error_code: 'internal_server_error', detail: ERROR_CODES.internal_server_error.detail });
  });

  it('turns a lost database connection into 503 service_unavailable', async () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { status, body } = await render(lost);
    expect(status).toBe(503);
    expect(body.error_code).toBe('service_unavailable');
  });
});
