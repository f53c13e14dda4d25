/**
 * A small reader for the directory of an OLE2 compound file (MS-CFB), enough to list the names of its
 * streams from the first bytes of a file. Legacy Office formats share the container; the stream that
 * names the format tells them apart: `WordDocument` (.doc), `PowerPoint Document` (.ppt), `Workbook`
 * (.xls).
 */

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEADER_BYTES = 512;
const HEADER_DIFAT_SLOTS = 109;
const ENTRY_BYTES = 128;
const STREAM_TYPE = 2;
const LAST_REGULAR_SECTOR = 0xfffffffa;
// A directory is tiny (a .doc has a dozen entries); the bound stops a looping FAT chain.
const MAX_DIRECTORY_SECTORS = 4096;

/**
 * The names of the streams in the directory, or undefined when the bytes given do not reach the whole
 * directory (it may sit past the sniffed head of a large file) or it is not a compound file. Throws
 * nothing: a malformed container reads as undefined or as the names it does hold.
 */
export function cfbStreamNames(bytes: Buffer): Set<string> | undefined {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(SIGNATURE)) return undefined;
  const sectorShift = bytes.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const inBytes = (sector: number): boolean => sector <= LAST_REGULAR_SECTOR && sectorOffset(sector) + sectorSize <= bytes.length;

  // The FAT sector holding `sector`'s next link, from the header's DIFAT (109 FAT sectors: files up to
  // 7 MB with 512-byte sectors; a directory beyond that counts as out of reach).
  const nextSector = (sector: number): number | undefined => {
    const perSector = sectorSize / 4;
    const slot = Math.floor(sector / perSector);
    if (slot >= HEADER_DIFAT_SLOTS) return undefined;
    const fatSector = bytes.readUInt32LE(76 + slot * 4);
    if (!inBytes(fatSector)) return undefined;
    return bytes.readUInt32LE(sectorOffset(fatSector) + (sector % perSector) * 4);
  };

  const names = new Set<string>();
  let sector = bytes.readUInt32LE(48);
  for (let count = 0; sector <= LAST_REGULAR_SECTOR; count++) {
    if (count >= MAX_DIRECTORY_SECTORS || !inBytes(sector)) return undefined;
    const start = sectorOffset(sector);
    for (let entry = start; entry < start + sectorSize; entry += ENTRY_BYTES) {
      if (bytes.readUInt8(entry + 66) !== STREAM_TYPE) continue;
      const nameBytes = Math.min(bytes.readUInt16LE(entry + 64), 64);
      if (nameBytes < 2) continue;
      names.add(bytes.toString('utf16le', entry, entry + nameBytes - 2));
    }
    const next = nextSector(sector);
    if (next === undefined) return undefined;
    sector = next;
  }
  return names;
}
