import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as readAll } from 'node:stream/consumers';
import { crc32, inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { CFB_NO_STREAM, CFB_SECT, CFB_SIGNATURE } from '../fixtures/cfb-writer.js';
import { decodeFlatJpegLevels, readCfb, readJpegSegments, readPngChunks, readZip } from '../fixtures/format-readers.js';
import {
  binaryGarbageWithNul, csvStream, exeLikeBytes, largeCsv, pdfStream, SAMPLE_JPEG_LEVELS, SAMPLE_TYPES, sampleCsv,
  sampleDoc, sampleDocx, sampleFor, sampleJpeg, samplePdf, samplePng, samplePpt, samplePptx, utf16Csv, zipNotOffice,
} from '../fixtures/sample-files.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const HEAD = 64 * 1024;
// What file-type 22 must report for each accepted type; CSV has no magic, so nothing.
const EXPECTED: Record<string, string | undefined> = {
  'application/pdf': 'application/pdf',
  'text/csv': undefined,
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'application/msword': 'application/x-cfb',
  [DOCX]: DOCX,
  'application/vnd.ms-powerpoint': 'application/x-cfb',
  [PPTX]: PPTX,
};
// Text as the server sees it: no NUL and no C0 control other than tab, LF, FF and CR.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;

async function mime(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime;
}

function strictUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

describe('sample registry', () => {
  it('has one sample per accepted type and nothing else', () => {
    expect(SAMPLE_TYPES.map((t) => t.contentType).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const t of SAMPLE_TYPES) expect(t.detectedMime).toBe(EXPECTED[t.contentType]);
  });

  it('sampleFor builds the same bytes every time and rejects unknown types', () => {
    for (const t of SAMPLE_TYPES) expect(sampleFor(t.contentType).equals(t.make())).toBe(true);
    expect(() => sampleFor('application/zip')).toThrow(/no sample/);
  });
});

describe('file-type 22 detection', () => {
  it.each(SAMPLE_TYPES.map((t) => [t.ext, t] as const))('%s is detected as expected, also from a 64 KiB head', async (_ext, t) => {
    const bytes = t.make();
    expect(await mime(bytes)).toBe(EXPECTED[t.contentType]);
    expect(await mime(bytes.subarray(0, HEAD))).toBe(EXPECTED[t.contentType]);
  });

  it.each([[DOCX, sampleDocx], [PPTX, samplePptx]] as const)(
    '%s needs the head to reach the end of [Content_Types].xml',
    async (expected, make) => {
      const zip = make();
      const [first] = readZip(zip);
      expect(first?.name).toBe('[Content_Types].xml');
      const end = 30 + Buffer.byteLength('[Content_Types].xml') + (first?.compressedSize ?? 0);
      expect(await mime(zip.subarray(0, end))).toBe(expected);
      expect(await mime(zip.subarray(0, end - 1))).toBe('application/zip');
    },
  );

  it('refusal samples are what they claim', async () => {
    const garbage = binaryGarbageWithNul();
    expect(garbage.includes(0)).toBe(true);
    expect(await mime(garbage)).toBeUndefined();
    expect(await mime(exeLikeBytes())).toBe('application/x-msdownload');
    const utf16 = utf16Csv();
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(utf16.includes(0)).toBe(true);
    expect(await mime(utf16)).toBeUndefined();
    expect(await mime(zipNotOffice())).toBe('application/zip');
    expect(readZip(zipNotOffice()).map((e) => e.name)).toEqual(['a.txt']);
  });

  it('detects the heads of the big streams', async () => {
    expect(await mime((await readAll(pdfStream(1 << 20))).subarray(0, HEAD))).toBe('application/pdf');
    expect(await mime((await readAll(csvStream(1 << 20))).subarray(0, HEAD))).toBeUndefined();
  });
});

describe('PDF', () => {
  it('has a header, objects at the xref offsets, a trailer and %%EOF', () => {
    const pdf = samplePdf().toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref)) ?? [];
    expect([Number(first), Number(count)]).toEqual([0, 7]);
    const table = pdf.slice(startxref + 'xref\n0 7\n'.length).split('\n').slice(0, 7);
    expect(table[0]).toBe('0000000000 65535 f ');
    table.slice(1).forEach((row, i) => {
      expect(row).toMatch(/^\d{10} 00000 n $/);
      expect(pdf.slice(Number(row.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    });
    expect(pdf).toMatch(/trailer\n<< \/Size 7 \/Root 1 0 R /);
    const [, length, stream] = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)endstream/.exec(pdf) ?? [];
    expect(stream?.length).toBe(Number(length));
  });
});

describe('PNG', () => {
  it('has correct chunk CRCs and IDAT that inflates to the 4x4 RGB image', () => {
    const png = samplePng();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of chunks) expect(crc32(c.data, crc32(Buffer.from(c.type, 'latin1')))).toBe(c.crc);
    const ihdr = chunks[0]?.data ?? Buffer.alloc(0);
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([4, 4, 8, 2, 0, 0, 0]);
    const raw = inflateSync(chunks[1]?.data ?? Buffer.alloc(0));
    expect(raw.length).toBe(4 * (1 + 4 * 3));
    expect([raw[0], raw[13], raw[26], raw[39]]).toEqual([0, 0, 0, 0]);
    expect([...raw.subarray(1, 4)]).toEqual([255, 0, 0]);
    expect([...raw.subarray(40, 43)]).toEqual([0, 0, 255]);
  });
});

describe('JPEG', () => {
  it('is a baseline JFIF with consistent segments ending in EOI', () => {
    const jpeg = sampleJpeg();
    const { segments, scan } = readJpegSegments(jpeg);
    expect(segments.map((s) => s.marker)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xc4, 0xda]);
    expect(segments[0]?.payload.subarray(0, 5).toString('latin1')).toBe('JFIF\0');
    const sof = segments[2]?.payload ?? Buffer.alloc(0);
    expect([sof[0], sof.readUInt16BE(1), sof.readUInt16BE(3), sof[5]]).toEqual([8, 16, 16, 1]);
    expect(scan.subarray(-2).readUInt16BE(0)).toBe(0xffd9);
    const data = scan.subarray(0, -2);
    // Inside entropy-coded data every 0xFF must be a stuffed 0xFF00.
    data.forEach((b, i) => { if (b === 0xff) expect(data[i + 1]).toBe(0); });
  });

  it('decodes to the four grey levels it was encoded with', () => {
    expect(decodeFlatJpegLevels(sampleJpeg())).toEqual([...SAMPLE_JPEG_LEVELS]);
  });
});

describe('CSV', () => {
  it('is strict UTF-8 text with a header, accents and quoted fields', () => {
    const text = strictUtf8(sampleCsv());
    expect(text).not.toMatch(FORBIDDEN_CONTROL);
    expect(text).toContain('é');
    expect(text).toContain('ü');
    const rows = text.trimEnd().split('\r\n').map(parseCsvLine);
    expect(rows[0]).toEqual(['id', 'name', 'city', 'amount', 'note']);
    for (const row of rows) expect(row).toHaveLength(5);
    expect(rows[3]?.[4]).toBe('says "grüß dich"');
  });

  it.each([0, 1, 26, 27, 40, 100, 1000, (1 << 20) + 3])('csvStream(%i) yields exactly that many bytes of clean text', async (n) => {
    const bytes = await readAll(csvStream(n));
    expect(bytes.length).toBe(n);
    expect(strictUtf8(bytes)).not.toMatch(FORBIDDEN_CONTROL);
    expect(largeCsv(n).equals(bytes)).toBe(true);
  });
});

describe('pdfStream', () => {
  it.each([0, 3, 20, 21, 1000, (1 << 20) + 7])('pdfStream(%i) yields exactly that many bytes', async (n) => {
    const bytes = await readAll(pdfStream(n));
    expect(bytes.length).toBe(n);
    const head = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1');
    expect(bytes.subarray(0, head.length).equals(head.subarray(0, n))).toBe(true);
    if (n >= 21) expect(bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  });
});

describe('OOXML zips', () => {
  it.each([['docx', sampleDocx, 'word/document.xml'], ['pptx', samplePptx, 'ppt/slides/slide1.xml']] as const)(
    '%s entries have correct CRCs and every declared part exists',
    (_ext, make, mainPart) => {
      const entries = readZip(make());
      expect(entries[0]?.name).toBe('[Content_Types].xml');
      for (const e of entries) {
        expect(crc32(e.data)).toBe(e.crc);
        expect(e.data.subarray(0, 5).toString('latin1')).toBe('<?xml');
      }
      const names = new Set(entries.map((e) => e.name));
      expect(names).toContain('_rels/.rels');
      expect(names).toContain(mainPart);
      const types = entries[0]?.data.toString('utf8') ?? '';
      for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(part);
      expect(strictUtf8(entries.find((e) => e.name === mainPart)?.data ?? Buffer.alloc(0))).toContain('café');
    },
  );
});

describe('CFB containers', () => {
  it.each([
    ['doc', sampleDoc, 'WordDocument', [0xec, 0xa5]],
    ['ppt', samplePpt, 'PowerPoint Document', [0x0f, 0x00, 0xe8, 0x03]],
  ] as const)('%s has a consistent header, FAT, directory and streams', (_ext, make, mainStream, magic) => {
    const file = make();
    const cfb = readCfb(file);
    const h = cfb.header;
    expect(file.subarray(0, 8).equals(CFB_SIGNATURE)).toBe(true);
    expect([h.minorVersion, h.majorVersion, h.byteOrder, h.sectorShift, h.miniSectorShift]).toEqual([0x3e, 3, 0xfffe, 9, 6]);
    expect([h.directorySectors, h.miniStreamCutoff, h.firstDifatSector, h.difatSectors]).toEqual([0, 4096, CFB_SECT.END_OF_CHAIN, 0]);
    expect(file.length % 512).toBe(0);
    expect(cfb.fat.length).toBe(h.fatSectors * 128);
    const fatIds = h.difat.slice(0, h.fatSectors);
    for (const id of fatIds) expect(cfb.fat[id]).toBe(CFB_SECT.FAT);
    expect(h.difat.slice(h.fatSectors).every((id) => id === CFB_SECT.FREE)).toBe(true);

    const root = cfb.entries[0];
    expect(root?.name).toBe('Root Entry');
    expect(root?.type).toBe(5);
    const streams = cfb.entries.filter((e) => e.type === 2);
    expect(streams.map((e) => e.name)).toContain(mainStream);
    // The sibling tree below the root reaches every stream exactly once.
    const reached: number[] = [];
    const walk = (id: number): void => {
      if (id === CFB_NO_STREAM) return;
      const e = cfb.entries[id];
      if (e === undefined) throw new Error(`bad id ${id}`);
      reached.push(id);
      walk(e.left);
      walk(e.right);
    };
    walk(root?.child ?? CFB_NO_STREAM);
    expect(reached.sort()).toEqual(streams.map((e) => e.id).sort());

    // Every sector is used by exactly one chain (or is a FAT sector), and chains fit their sizes.
    const owners = [...fatIds, ...cfb.chain(h.firstDirectorySector)];
    if (h.miniFatSectors > 0) owners.push(...cfb.chain(h.firstMiniFatSector));
    if ((root?.size ?? 0) > 0) owners.push(...cfb.chain(root?.start ?? 0));
    for (const e of streams) {
      const big = e.size >= 4096;
      const sectors = cfb.chain(e.start, big ? cfb.fat : cfb.miniFat);
      expect(sectors.length).toBe(Math.ceil(e.size / (big ? 512 : 64)));
      if (big) owners.push(...sectors);
    }
    expect(new Set(owners).size).toBe(owners.length);
    expect(owners.length).toBe((file.length - 512) / 512);

    const main = streams.find((e) => e.name === mainStream);
    if (main === undefined) throw new Error('main stream missing');
    expect([...cfb.read(main).subarray(0, magic.length)]).toEqual(magic);
  });
});

const hasFileCommand = spawnSync('file', ['--version']).status === 0;

describe.skipIf(!hasFileCommand)('cross-check with file(1)', () => {
  it('names every sample with the accepted content type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-files-'));
    try {
      for (const t of SAMPLE_TYPES) {
        const path = join(dir, `sample.${t.ext}`);
        writeFileSync(path, t.make());
        const out = spawnSync('file', ['--brief', '--mime-type', path], { encoding: 'utf8' }).stdout.trim();
        // Older libmagic calls CSV text/plain.
        const accepted = t.contentType === 'text/csv' ? ['text/csv', 'text/plain'] : [t.contentType];
        expect(accepted, t.ext).toContain(out);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}
