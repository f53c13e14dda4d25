/**
 * `Content-Disposition: attachment` for a stored filename (RFC 6266 with the RFC 5987 `filename*`
 * parameter). The quoted fallback is ASCII with quotes, backslashes and anything outside printable
 * ASCII replaced; `filename*` carries the exact UTF-8 name percent-encoded. Neither can carry a CR,
 * LF or quote into the header.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
