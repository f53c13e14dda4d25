import { describe, expect, it } from 'vitest';
import { findAcceptedType } from '../../src/domain/content-policy.js';
import { storedFilename } from '../../src/domain/filename.js';

// Issue 13, defect 4: an HTML or script payload declared text/csv and named report.html, invoice.hta
// or run.bat was stored and downloaded under that name. The stored name ends in an extension of the
// verified type.
describe('storedFilename', () => {
  it.each([
    ['report.html', 'text/csv', 'report.html.csv'],
    ['invoice.hta', 'text/csv', 'invoice.hta.csv'],
    ['run.bat', 'text/csv', 'run.bat.csv'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['data.csv', 'text/csv', 'data.csv'],
    ['SCAN.PDF', 'application/pdf', 'SCAN.PDF'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['letter.doc', 'application/msword', 'letter.doc'],
  ])('%s verified as %s is stored as %s', (name, mime, stored) => {
    expect(storedFilename(name, findAcceptedType(mime)!)).toBe(stored);
  });
});
