/**
 * The public addresses a customer's link token opens, written once. The route table mounts these
 * templates, the link service fills them in for `upload_url`, and the logs know a token by them.
 * Templates use the OpenAPI `{name}` form; `fillPath` substitutes URL-encoded values.
 */
export const PUBLIC_PATHS = {
  /** The customer's upload page (the link's `upload_url`). */
  uploadPage: '/upload/{link_token}',
  /** The raw upload route. */
  uploadFiles: '/upload/{link_token}/files',
  /** The tus creation URL (resumable uploads; the page uses it for large files). */
  uploadTus: '/upload/{link_token}/tus',
  /** The page a plain form lands on (303) after a file was received. */
  uploadReceived: '/upload/{link_token}/received/{upload_id}',
  /** The upload page's own scripts and styles (no token in these URLs). */
  pageAssets: '/assets/page/{file}',
} as const;

/** `fillPath('/upload/{link_token}', { link_token: 't' })` → `/upload/t` */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`fillPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

// The upload page's path is built for every link of every list page (100 per page): a prefix and the
// encoded token, not a regular-expression pass over the template each time.
const UPLOAD_PAGE_PREFIX = PUBLIC_PATHS.uploadPage.slice(0, -'{link_token}'.length);
if (`${UPLOAD_PAGE_PREFIX}{link_token}` !== PUBLIC_PATHS.uploadPage) throw new Error('uploadPage must end with {link_token}');

// Characters encodeURIComponent leaves as they are, among them every link token's (base64url).
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

/** The path of a link's upload page. */
export function uploadPagePath(linkToken: string): string {
  // A token is base64url, which encodes to itself: testing that costs half of encoding it.
  return UPLOAD_PAGE_PREFIX + (URL_SAFE.test(linkToken) ? linkToken : encodeURIComponent(linkToken));
}

/** The path of the page that shows one received file of a link. */
export function uploadReceivedPath(linkToken: string, uploadId: string): string {
  return fillPath(PUBLIC_PATHS.uploadReceived, { link_token: linkToken, upload_id: uploadId });
}
