import { describe, expect, it } from 'vitest';
import { displayNameRule } from '../../src/domain/link-rules.js';

// Issue 13, defect 13: display_name accepted CR, LF, BEL and bidi overrides (filenames refuse them).
describe('displayNameRule', () => {
  it.each([['CR', 'a\rb'], ['LF', 'a\nb'], ['BEL', 'a\u0007b'], ['a right-to-left override', 'invoice\u202efdp.exe'], ['an isolate', 'a\u2066b'], ['a C1 control', 'a\u0085b']])(
    'refuses %s',
    (_what, value) => {
      expect(displayNameRule.safeParse(value).success).toBe(false);
    },
  );

  it.each(['  Dr. Müller & Söhne <script>alert(1)</script>  ', 'Zoë – 日本語 😀', 'tab\tinside'.replace('\t', ' ')])('keeps %j', (value) => {
    expect(displayNameRule.parse(value)).toBe(value);
  });
});
