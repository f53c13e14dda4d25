import { describe, expect, it } from 'vitest';
import { jsonErrorBody } from '../../src/tus/tus-errors.js';

describe('tus error bodies', () => {
  it('give @tus/server plain-text refusals our code for their status, keeping its sentence', () => {
    expect(JSON.parse(jsonErrorBody(409, "Upload-Offset header doesn't match file offset\n"))).toEqual({
      error_code: 'upload_offset_conflict',
      detail: "Upload-Offset header doesn't match file offset",
    });
    expect(JSON.parse(jsonErrorBody(412, 'Tus-Resumable Required\n'))).toEqual({ error_code: 'tus_resumable_required', detail: 'Tus-Resumable Required' });
  });

  it('pass our own bodies through and mask anything on our side', () => {
    const ours = '{"error_code":"upload_limit_reached","detail":"Full."}';
    expect(jsonErrorBody(429, ours)).toBe(ours);
    expect(JSON.parse(jsonErrorBody(500, 'Something went wrong with that request\nENOSPC /data/tus'))).toEqual({
      error_code: 'internal_server_error',
      detail: 'Something went wrong on our side.',
    });
  });
});
