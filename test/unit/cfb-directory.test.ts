import { describe, expect, it } from 'vitest';
import { cfbStreamNames } from '../../src/domain/cfb-directory.js';
import { buildDoc, buildPpt } from '../fixtures/cfb-samples.js';

describe('cfbStreamNames', () => {
  it('lists the streams of a .doc and a .ppt', () => {
    expect([...(cfbStreamNames(buildDoc()) ?? [])].sort()).toEqual(['\u0001CompObj', '\u0005SummaryInformation', '1Table', 'WordDocument']);
    expect([...(cfbStreamNames(buildPpt()) ?? [])].sort()).toEqual(['\u0001CompObj', '\u0005SummaryInformation', 'Current User', 'PowerPoint Document']);
  });

  it('is undefined for bytes that are not a compound file, or that stop before the directory', () => {
    expect(cfbStreamNames(Buffer.from('not a compound file'.repeat(40)))).toBeUndefined();
    expect(cfbStreamNames(buildDoc().subarray(0, 600))).toBeUndefined();
  });
});
