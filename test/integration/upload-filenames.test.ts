import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { rawUtf8Header, sendRaw } from '../helpers/raw-http.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink } from '../helpers/upload-expectations.js';

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
let linkToken: string;
let linkId: string;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
  ws = await api.createWorkspace(t.adminToken);
  const link = await api.createLink(ws, { max_uploads: 10_000 });
  linkToken = link.link_token;
  linkId = link.id;
});
afterAll(() => t.stop());

/** Sends the filename header exactly as given (latin1 bytes on the wire), with a PDF body. */
function uploadNamed(headerValue: string) {
  return sendRaw(t.url, {
    path: `/upload/${linkToken}/files`,
    headers: { 'x-amigo-intake-filename': headerValue, 'x-amigo-intake-content-type': 'application/pdf', 'content-type': 'application/x-www-form-urlencoded' },
    body: samplePdf(),
  });
}

describe('the x-amigo-intake-filename header', () => {
  it.each([
    ['plain ASCII', 'scan.pdf', 'scan.pdf'],
    ['percent-encoded UTF-8', 'Rapport%20d%C3%A9cembre%20%E2%82%AC%20%E6%97%A5%E6%9C%AC.pdf', 'Rapport décembre € 日本.pdf'],
    ['raw UTF-8 bytes (as curl sends them)', rawUtf8Header('Zoë Müller – 日本語 😀.pdf'), 'Zoë Müller – 日本語 😀.pdf'],
    ['a literal percent sign that is no escape', '100% done.pdf', '100% done.pdf'],
    ['a decomposed accent (stored as NFC)', 'Rene%CC%81e.pdf', 'Renée.pdf'],
    ['a slash path', 'scans/2026/january/scan.pdf', 'scan.pdf'],
    ['a Windows path', 'C:\\Users\\jane\\Documents\\scan.pdf', 'scan.pdf'],
    ['a UNC path', '\\\\server\\share\\scan.pdf', 'scan.pdf'],
    ['a mixed path', 'a/b\\c/scan.pdf', 'scan.pdf'],
    ['a traversal', '../../../etc/scan.pdf', 'scan.pdf'],
    ['a percent-encoded traversal', '..%2F..%2F..%2Fetc%2Fscan.pdf', 'scan.pdf'],
    ['a percent-encoded backslash path', '..%5C..%5Cscan.pdf', 'scan.pdf'],
    ['a name of exactly 255 bytes', `${'a'.repeat(251)}.pdf`, `${'a'.repeat(251)}.pdf`],
    ['a multi-byte name of exactly 255 bytes', `${'%C3%A9'.repeat(125)}x.pdf`, `${'é'.repeat(125)}x.pdf`],
    ['a long path whose last part is short', `${'folder/'.repeat(60)}scan.pdf`, 'scan.pdf'],
    ['dots inside a name', '..scan..pdf', '..scan..pdf'],
  ])('accepts %s and stores the name as given', async (_what, header, stored) => {
    const res = await uploadNamed(header);
    expect(res.status, res.body.toString()).toBe(201);
    expect(res.json.filename).toBe(stored);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['"."', '.'],
    ['".."', '..'],
    ['a folder (trailing slash)', 'scans/'],
    ['a folder (trailing backslash)', 'scans\\'],
    ['a path ending in ..', 'scans/..'],
    ['a path ending in .', 'scans\\.'],
    ['a percent-encoded ..', '%2E%2E'],
    ['a NUL', 'a%00b.pdf'],
    ['a line feed', 'a%0Ab.pdf'],
    ['CR LF (header injection)', 'a.pdf%0D%0ASet-Cookie:%20x=1'],
    ['a raw tab', 'a\tb.pdf'],
    ['a unit separator', 'a%1Fb.pdf'],
    ['DEL', 'a%7Fb.pdf'],
    ['a C1 control (NEL)', 'a%C2%85b.pdf'],
    ['a right-to-left override, percent-encoded', 'invoice%E2%80%AEfdp.exe'],
    ['a right-to-left override, raw UTF-8', rawUtf8Header('invoice\u202Efdp.exe')],
    ['a left-to-right embedding', 'a%E2%80%AAb.pdf'],
    ['a first-strong isolate', 'a%E2%81%A8b.pdf'],
    ['a pop directional isolate', 'a%E2%81%A9b.pdf'],
    ['256 bytes', `${'a'.repeat(252)}.pdf`],
    ['256 bytes of multi-byte characters', `${'%C3%A9'.repeat(126)}.pdf`],
    ['invalid percent-encoding (latin1 bytes)', 'caf%E9.pdf'],
  ])('refuses %s with 422 invalid_filename', async (_what, header) => {
    expectError(await uploadNamed(header), 422, 'invalid_filename');
  });

  it('refuses a missing header with 422 invalid_filename', async () => {
    const res = await sendRaw(t.url, {
      path: `/upload/${linkToken}/files`,
      headers: { 'x-amigo-intake-content-type': 'application/pdf' },
      body: samplePdf(),
    });
    expectError(res, 422, 'invalid_filename');
  });

  it('took a slot for each accepted name only', async () => {
    const [{ count }] = (await t.db.query<{ count: string }>('select count(*) from uploads where link_id = $1', [linkId])) as [{ count: string }];
    expect((await fetchLink(api, ws, linkId)).upload_count).toBe(Number(count));
    expect(Number(count)).toBe(16);
  });
});
