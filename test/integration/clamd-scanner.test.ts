import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClamdScanner } from '../../src/scanner/clamd.scanner.js';
import { freePort } from '../helpers/ports.js';
import { EICAR, EICAR_SIGNATURE, startTestClamd, type TestClamd } from '../services/clamd.js';

describe('ClamdScanner against a real clamd with StreamMaxLength 1M', () => {
  let clamd: TestClamd;
  let scanner: ClamdScanner;

  beforeAll(async () => {
    clamd = await startTestClamd({ streamMaxLength: '1M' });
    scanner = new ClamdScanner({ host: clamd.host, port: clamd.port }, 20_000);
  });
  afterAll(() => clamd?.dispose());

  it('gives clean and infected verdicts, the signature split across chunks', async () => {
    expect(await scanner.scan(Readable.from([Buffer.from('hello')]))).toEqual({ status: 'clean', signature: null, engine: expect.stringMatching(/^ClamAV 1\.4\./) });
    const pieces = [...EICAR].map((char) => Buffer.from(char));
    expect(await scanner.scan(Readable.from(pieces))).toMatchObject({ status: 'infected', signature: EICAR_SIGNATURE });
  });

  it('a stream over StreamMaxLength is no verdict: scanner_unavailable, never clean', async () => {
    const big = Readable.from((function* () {
      for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 0x61);
    })());
    await expect(scanner.scan(big)).rejects.toMatchObject({ code: 'scanner_unavailable' });
  });

  it('tells at start that clamd would refuse the largest upload', async () => {
    expect(await scanner.acceptsStreamOf(104_857_600)).toBe(false);
  });

  it('an unreachable clamd is scanner_unavailable', async () => {
    const dead = new ClamdScanner({ host: '127.0.0.1', port: await freePort() }, 5_000);
    await expect(dead.version()).rejects.toMatchObject({ code: 'scanner_unavailable' });
    await expect(dead.scan(Readable.from([Buffer.from('x')]))).rejects.toMatchObject({ code: 'scanner_unavailable' });
  });
});
