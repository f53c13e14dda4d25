import express from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { ERROR_CODES, type ErrorCode } from '../../src/errors/error-codes.js';
import { GOLDEN_ERROR_TABLE } from '../fixtures/golden-error-table.js';
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
  it('knows exactly the codes of the golden table', () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual(Object.keys(GOLDEN_ERROR_TABLE).sort());
  });

  it.each(Object.entries(GOLDEN_ERROR_TABLE))('%s renders status %s and {error_code, detail}', async (code, [expectedStatus]) => {
    const { status, body } = await render(new AppError(code as ErrorCode));
    expect(status).toBe(expectedStatus);
    expect(Object.keys(body)).toEqual(['error_code', 'detail']);
    expect(body.error_code).toBe(code);
    expect(body.detail).toMatch(/^[A-Z].{9,}\.$/);
  });

  it('renders a detail given by the thrower, not the default', async () => {
    const { body } = await render(new AppError('validation_error', 'Invalid input: max_uploads: too big.'));
    expect(body).toEqual({ error_code: 'validation_error', detail: 'Invalid input: max_uploads: too big.' });
  });

  it('sends Retry-After with rate limits', async () => {
    const { headers } = await render(new AppError('rate_limited', undefined, { retryAfterSeconds: 7 }));
    expect(headers.get('retry-after')).toBe('7');
  });

  it('masks an unknown error: no message, no stack', async () => {
    const { status, body } = await render(new Error('relation "secret_table" does not exist at /srv/app/x.js:1'));
    expect(status).toBe(500);
    expect(body).toEqual({ error_code: 'internal_server_error', detail: 'Something went wrong on our side.' });
  });

  it('turns a lost database connection into 503 service_unavailable', async () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { status, body } = await render(lost);
    expect(status).toBe(503);
    expect(body).toEqual({ error_code: 'service_unavailable', detail: 'The service is temporarily unavailable; try again later.' });
  });
});
