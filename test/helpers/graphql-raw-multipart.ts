import { UPLOAD_TO_INTAKE_LINK } from './graphql-multipart.js';

/**
 * A GraphQL multipart upload built by hand, so the part's filename can be any text: it is sent as an
 * RFC 5987 `filename*=UTF-8''…` parameter (percent-encoded UTF-8), which busboy decodes exactly. A
 * FormData body would rewrite quotes and line breaks in the name before the server saw them.
 */
export async function uploadWithExactFilename(baseUrl: string, linkToken: string, file: { bytes: Buffer; filename: string; contentType: string }) {
  const boundary = '----intake-hostile-boundary-7f3a9c';
  const operations = JSON.stringify({ query: UPLOAD_TO_INTAKE_LINK, variables: { linkToken, file: null } });
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename*=UTF-8''${rfc5987(file.filename)}\r\n` +
    `Content-Type: ${file.contentType}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true' },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as { data?: any; errors?: any[] } };
}

/** Percent-encodes every UTF-8 byte except RFC 5987's attr-chars (encodeURIComponent leaves ' ( ) * unencoded). */
function rfc5987(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9!#$&+\-.^_`|~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
