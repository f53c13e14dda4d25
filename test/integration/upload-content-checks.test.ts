import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryGarbageWithNul, exeLikeBytes, samplePdf, SAMPLE_TYPES, sampleCsv, utf16Csv, zipNotOffice } from '../fixtures/sample-files.js';
import { buildCfb } from '../fixtures/cfb-writer.js';
import { summaryInformation } from '../fixtures/cfb-samples.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { listIncompleteWrites, listStoredKeys, STORAGE_TARGETS } from '../helpers/storage-inspection.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, fetchLink, sha256 } from '../helpers/upload-expectations.js';

const DOC = 'application/msword';
const PPT = 'application/vnd.ms-powerpoint';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

// doc and ppt are both OLE2 compound files: one container, told apart by the stream the directory
// holds (issue 13, defect 12: a .doc declared as .ppt, and the reverse, were accepted).
/** Every sample declared as every other accepted type. */
const MISDECLARED = SAMPLE_TYPES.flatMap((sample) =>
  SAMPLE_TYPES.filter((declared) => declared !== sample).map((declared) => ({ sample, declared: declared.contentType })),
);

/** An Excel 97-2003 .xls container: the OLE2 directory holds a `Workbook` stream. */
function buildXls(): Buffer {
  return buildCfb([
    { name: 'Workbook', data: Buffer.alloc(4096, 0x09) },
    { name: '\u0005SummaryInformation', data: summaryInformation('intake-links sample', 'intake-links test fixtures') },
  ]);
}

describe('content checks', () => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  let link: any;

  beforeAll(async () => {
    t = await startTestServer();
    api = new ApiClient(t.url);
    ws = await api.createWorkspace(t.adminToken);
    link = await api.createLink(ws, { max_uploads: 1000 });
  });
  afterAll(() => t.stop());

  it.each(SAMPLE_TYPES.map((sample) => [sample.ext, sample] as const))('accepts a real %s declared as its own type', async (_ext, sample) => {
    const bytes = sample.make();
    const res = await api.upload(link.link_token, bytes, { filename: `sample.${sample.ext}`, contentType: sample.contentType });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ content_type: sample.contentType, sha256: sha256(bytes), size_bytes: bytes.length });
  });

  it.each(MISDECLARED.map(({ sample, declared }) => [sample.ext, declared, sample] as const))(
    'refuses a %s declared as %s with 422 content_type_mismatch',
    async (_ext, declared, sample) => {
      const before = (await fetchLink(api, ws, link.id)).upload_count;
      const res = await api.upload(link.link_token, sample.make(), { filename: `sample.${sample.ext}`, contentType: declared });
      expectError(res, 422, 'content_type_mismatch');
      expect((await fetchLink(api, ws, link.id)).upload_count).toBe(before);
    },
  );

  it.each([DOC, PPT])('refuses an Excel .xls declared as %s (its directory holds Workbook)', async (declared) => {
    const before = (await fetchLink(api, ws, link.id)).upload_count;
    const res = await api.upload(link.link_token, buildXls(), { filename: 'sheet.xls', contentType: declared });
    expectError(res, 422, 'content_type_mismatch');
    expect(res.body.detail).toContain('its content is an Excel workbook (.xls)');
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(before);
  });

  it.each([
    ['a plain zip declared as docx', zipNotOffice(), DOCX],
    ['a plain zip declared as pptx', zipNotOffice(), PPTX],
    ['a UTF-16 CSV (NUL bytes)', utf16Csv(), 'text/csv'],
    ['binary with NUL bytes declared as CSV', binaryGarbageWithNul(), 'text/csv'],
    ['binary with NUL bytes declared as PDF', binaryGarbageWithNul(), 'application/pdf'],
    ['an executable declared as PDF', exeLikeBytes(), 'application/pdf'],
    ['an executable declared as CSV', exeLikeBytes(), 'text/csv'],
    ['an executable declared as doc', exeLikeBytes(), DOC],
    ['a PDF declared as CSV', samplePdf(), 'text/csv'],
    ['CSV text followed by a NUL far past the first chunk', Buffer.concat([sampleCsv(), Buffer.from('x'.repeat(200_000)), Buffer.from([0])]), 'text/csv'],
    ['an XML document declared as CSV', Buffer.from('<?xml version="1.0"?>\n<a>1,2</a>\n'), 'text/csv'],
  ])('refuses %s with 422 content_type_mismatch', async (_what, bytes, declared) => {
    expectError(await api.upload(link.link_token, bytes, { filename: 'file.bin', contentType: declared }), 422, 'content_type_mismatch');
  });

  it.each([
    ['an executable declared as such', exeLikeBytes(), 'application/x-msdownload'],
    ['a zip declared as such', zipNotOffice(), 'application/zip'],
    ['a spreadsheet type', zipNotOffice(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['plain text', sampleCsv(), 'text/plain'],
    ['a wildcard', samplePdf(), '*/*'],
    ['a type with the right word inside', samplePdf(), 'application/pdfx'],
  ])('refuses %s with 422 unsupported_content_type', async (_what, bytes, declared) => {
    expectError(await api.upload(link.link_token, bytes, { filename: 'file.bin', contentType: declared }), 422, 'unsupported_content_type');
  });

  it.each([
    ['Text/CSV; charset=utf-8', sampleCsv(), 'text/csv'],
    ['TEXT/CSV', sampleCsv(), 'text/csv'],
    ['  application/PDF ; q=1', samplePdf(), 'application/pdf'],
    [`${PPTX.toUpperCase()};x=y`, SAMPLE_TYPES.find((s) => s.contentType === PPTX)!.make(), PPTX],
  ])('accepts the declared type %j and stores it canonical', async (declared, bytes, canonical) => {
    const res = await api.upload(link.link_token, bytes, { filename: 'file', contentType: declared });
    expect(res.status, res.text).toBe(201);
    expect(res.body.content_type).toBe(canonical);
    const listed = await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey });
    expect(listed.body.find((u: any) => u.id === res.body.id).content_type).toBe(canonical);
  });

  it.each([
    ['a first column named BMI ("BM" is also the 2-byte BMP signature)', 'BMI,weight_kg,height_cm\r\n22.5,70,176\r\n'],
    ['a first column starting with MZ ("MZ" is also the 2-byte EXE signature)', 'MZ-code,country\r\nMZ,Mozambique\r\n'],
    ['a first column named FORM ("FORM" is also the AIFF signature)', 'FORM,TAXPAYER,YEAR\r\n1040,Jane Doe,2025\r\n'],
    ['a first column named ID3 ("ID3" is also the MP3 signature)', 'ID3,Name\r\n7,Ana\r\n'],
    ['a first column named FWS ("FWS" is also the SWF signature)', 'FWS,Region\r\n1,North\r\n'],
    ['a first column named GIF89a ("GIF89a" is also the GIF signature)', 'GIF89a,colour\r\n1,red\r\n'],
    ['a UTF-8 byte order mark', '\ufeffid,name\r\n1,Zoë\r\n'],
    ['Windows-1252 text (not UTF-8, still text)', Buffer.from('id,name\r\n1,Zo\xeb\r\n', 'latin1')],
    ['tab-separated values', 'id\tname\r\n1\tZoë\r\n'],
  ])('accepts a CSV with %s', async (_what, text) => {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
    const res = await api.upload(link.link_token, bytes, { filename: 'data.csv', contentType: 'text/csv' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.sha256).toBe(sha256(bytes));
  });
});

describe.each(STORAGE_TARGETS)('refused content on $name storage', (target) => {
  let t: TestServer;
  let api: ApiClient;
  let ws: TestWorkspace;
  beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: target.env() })));
  afterAll(() => t.stop());

  it('stores nothing and uses no slot for a refusal, also when the refused part comes after the first 64 KiB', async () => {
    const link = await api.createLink(ws, { max_uploads: 50 });
    const png = SAMPLE_TYPES.find((s) => s.ext === 'png')!.make();
    const lateNul = Buffer.concat([Buffer.from('a,b\r\n'.repeat(30_000)), Buffer.from([0x00]), Buffer.from('c,d\r\n')]);
    const refusals: Array<[Buffer, string, string]> = [
      [png, 'application/pdf', 'content_type_mismatch'],
      [zipNotOffice(), DOCX, 'content_type_mismatch'],
      [utf16Csv(), 'text/csv', 'content_type_mismatch'],
      [lateNul, 'text/csv', 'content_type_mismatch'],
      [exeLikeBytes(), 'application/x-msdownload', 'unsupported_content_type'],
    ];
    for (const [bytes, declared, code] of refusals) {
      expectError(await api.upload(link.link_token, bytes, { filename: 'x', contentType: declared }), 422, code);
    }
    expect(await listStoredKeys(t)).toEqual([]);
    expect(await listIncompleteWrites(t)).toEqual([]);
    expect((await fetchLink(api, ws, link.id)).upload_count).toBe(0);
    const rows = await t.db.query('select id from uploads');
    expect(rows).toEqual([]);
  });
});
