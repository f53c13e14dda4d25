import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES } from '../../src/domain/content-policy.js';
import { parseFilename, storedFilename } from '../../src/domain/filename.js';
import { CONTROL_OR_BIDI } from '../../src/domain/text-rules.js';
import { AppError } from '../../src/errors/app-error.js';
import { fileOfferFromHeaders } from '../../src/http/upload-headers.js';
import { GOLDEN_ERROR_TABLE } from '../fixtures/golden-error-table.js';
import { samplePdf, sampleFor } from '../fixtures/sample-files.js';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { uploadWithExactFilename } from '../helpers/graphql-raw-multipart.js';
import { sendRaw, type RawResponse } from '../helpers/raw-http.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Property-based hostile input (fast-check): filename parsing, the raw route's headers, the content
// checks and the GraphQL upload's part name. Never a 5xx, every refusal a documented code with its
// documented status and exactly {error_code, detail}. The seed is fixed so a run is reproducible; a
// failure prints its seed and counterexample: add the counterexample to test/fixtures/hostile-filenames.ts
// or polyglots.ts as a literal regression case. `npm run test:stress` runs 10x as many cases.

const SCALE = process.env['INTAKE_STRESS'] === '1' ? 10 : 1;
const SEED = 20261202;
const runs = (n: number) => ({ numRuns: n * SCALE, seed: SEED });
// The stress run's 10x cases need more than the default 60 s per test.
const TIMEOUT = { timeout: SCALE * 60_000 };

type Documented = keyof typeof GOLDEN_ERROR_TABLE;
const DOCUMENTED = new Set(Object.keys(GOLDEN_ERROR_TABLE).filter((code) => code !== 'internal_server_error'));

/** A REST answer is a 201 upload, or a documented refusal with its documented status and exact shape. */
function expectWellFormed(res: RawResponse, allowed: readonly Documented[]): void {
  if (res.status === 201) {
    expect(typeof res.json?.id).toBe('string');
    return;
  }
  const code = res.json?.error_code as Documented;
  expect(allowed, `${res.status} ${res.body.toString()}`).toContain(code);
  expect(res.status).toBe(GOLDEN_ERROR_TABLE[code][0]);
  expect(Object.keys(res.json)).toEqual(['error_code', 'detail']);
  expect(res.body.toString()).not.toMatch(/ at \S+:\d+:\d+|\/src\/|node_modules|select |insert into/i);
}

describe('filename parsing (pure)', () => {
  it('either refuses invalid_filename or returns a bare, NFC, printable name of at most 255 bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.stringMatching(/^[./\\a-z\u202e\u0000%]{0,12}$/)), (name) => {
        let parsed: string;
        try {
          parsed = parseFilename(name);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('invalid_filename');
          return;
        }
        expect(parsed).not.toMatch(/[/\\]/);
        expect(['', '.', '..']).not.toContain(parsed);
        expect(CONTROL_OR_BIDI.test(parsed)).toBe(false);
        expect(Buffer.byteLength(parsed)).toBeLessThanOrEqual(255);
        expect(parsed).toBe(parsed.normalize('NFC'));
        for (const type of ACCEPTED_TYPES) {
          const stored = storedFilename(parsed, type);
          // Kept as it is, or a prefix of it (shortened to fit 255 bytes) followed by the type's extension.
          const appended = type.extensions[0] ?? '';
          expect(stored === parsed || (stored.endsWith(appended) && parsed.startsWith(stored.slice(0, stored.length - appended.length)))).toBe(true);
          expect(type.extensions.some((ext) => stored.toLowerCase().endsWith(ext))).toBe(true);
        }
      }),
      runs(3000),
    );
  });

  // The appended extension once pushed a long name past the 255 bytes uploads.filename holds (a 500).
  it('stores every accepted name within 255 bytes once the extension is appended', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', 'h', 't', 'm', 'l'), minLength: 240, maxLength: 255 }), (name) => {
        let parsed: string;
        try {
          parsed = parseFilename(name);
        } catch {
          return;
        }
        for (const type of ACCEPTED_TYPES) expect(Buffer.byteLength(storedFilename(parsed, type))).toBeLessThanOrEqual(255);
      }),
      runs(200),
    );
  });

  it('reads any header value (as Node hands it over, latin1) as a name or refuses invalid_filename', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 120 }), (raw) => {
        try {
          const offer = fileOfferFromHeaders({ 'x-amigo-intake-filename': raw, 'x-amigo-intake-content-type': 'application/pdf' }, {});
          parseFilename(offer.filename);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('invalid_filename');
        }
      }),
      runs(3000),
    );
  });
});

describe('over HTTP', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let token: string;
  beforeAll(async () => {
    ({ t, api, ws } = await startServerWithWorkspace());
    token = (await api.createLink(ws, { max_uploads: 10_000 })).link_token;
  });
  afterAll(() => t.stop());

  // Header values Node's client will put on the wire: visible latin1 and tab (no CR, LF or NUL).
  const headerValue = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(0x09)).map((c) => String.fromCharCode(c)), maxLength: 80 });
  const typeHeader = fc.oneof(fc.constantFrom(...ACCEPTED_TYPES.map((type) => type.mime), 'TEXT/CSV; charset=utf-8', 'text/html', 'application/octet-stream', ''), headerValue);

  it('answers any filename, type and Idempotency-Key header with a 201 or a documented refusal', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, typeHeader, fc.option(headerValue, { nil: undefined }), async (filename, contentType, idempotencyKey) => {
        const headers: Record<string, string> = { 'x-amigo-intake-filename': filename, 'x-amigo-intake-content-type': contentType };
        if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
        const res = await sendRaw(t.url, { path: `/upload/${token}/files`, headers, body: samplePdf() });
        expectWellFormed(res, ['invalid_filename', 'unsupported_content_type', 'content_type_mismatch', 'validation_error']);
      }),
      runs(150),
    );
  });

  // Bytes that start like each known format (or like nothing), then anything.
  const MAGIC = ['%PDF-1.7\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0', 'PK\x03\x04', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'MZ', 'GIF89a', '<?xml ', '{\\rtf1', ''].map((m) => Buffer.from(m, 'latin1'));
  const body = fc.oneof(
    fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 3000 })).map(([magic, rest]) => Buffer.concat([magic, rest])),
    fc.tuple(fc.constantFrom(...ACCEPTED_TYPES.map((type) => type.mime)), fc.nat({ max: 4000 })).map(([mime, cut]) => sampleFor(mime).subarray(0, cut)),
    fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s, 'utf8')),
  );

  it('answers any body under any accepted type with a 201 or content_type_mismatch / empty_file', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...ACCEPTED_TYPES.map((type) => type.mime)), async (bytes, declared) => {
        const res = await sendRaw(t.url, {
          path: `/upload/${token}/files`,
          headers: { 'x-amigo-intake-filename': 'property.bin', 'x-amigo-intake-content-type': declared },
          body: bytes,
        });
        expectWellFormed(res, ['content_type_mismatch', 'empty_file']);
        if (res.status === 201) expect(res.json.size_bytes).toBe(bytes.length);
      }),
      runs(150),
    );
  });

  it('answers any GraphQL part filename with an upload or a documented errorCode, never INTERNAL_SERVER_ERROR', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 240 }), fc.string({ unit: 'binary', maxLength: 60 })), async (filename) => {
        const res = await uploadWithExactFilename(t.url, token, { bytes: samplePdf(), filename, contentType: 'application/pdf' });
        if (res.json.errors === undefined) {
          expect(res.json.data.uploadToIntakeLink.filename.endsWith('.pdf')).toBe(true);
          return;
        }
        const [error] = res.json.errors;
        expect(DOCUMENTED.has(error.extensions.errorCode), JSON.stringify(error)).toBe(true);
        expect(error.extensions.code).toBe(GOLDEN_ERROR_TABLE[error.extensions.errorCode as Documented][1]);
      }),
      runs(150),
    );
  });
});
