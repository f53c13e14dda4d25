import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../fixtures/sample-files.js';
import { axeViolations, launchBrowser, openPage, SCREENSHOT_DIR } from '../helpers/browser.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';
import { listUploads, sha256 } from '../helpers/upload-expectations.js';

// The page sends files above 8 MB over tus: in 8 MiB PATCHes, resuming after a dropped connection.
let s: ServerWithWorkspace;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  s = await startServerWithWorkspace({ env: { MAX_UPLOAD_BYTES: String(40 * 1024 * 1024) } });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await s?.t.stop();
});

const MIB = 1024 * 1024;
const pageUrl = (link: { upload_url: string }) => `${s.t.url}${link.upload_url}`;
const rowOf = (page: Page, name: string) => page.locator('.file-row', { has: page.locator('.file-name', { hasText: name }) });
/** A PDF of `bytes` with varied content, so a misplaced chunk would change the hash. */
const bigPdf = (bytes: number) => {
  const head = samplePdf();
  const body = Buffer.alloc(bytes - head.length);
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + (i >> 13)) & 0xff;
  return Buffer.concat([head, body]);
};
const tusRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.includes('/tus')) seen.push(req.method());
  });
  return seen;
};

describe('the upload page over tus in Chromium', { timeout: 120_000 }, () => {
  it('sends a 12 MB file over tus in 8 MiB PATCHes and shows it in the receipt with its check code', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    const methods = tusRequests(page);
    let rawPosts = 0;
    page.on('request', (req) => {
      if (req.url().endsWith('/files')) rawPosts += 1;
    });
    await page.goto(pageUrl(link));
    const file = bigPdf(12 * MIB);
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'scan of the lease.pdf', mimeType: 'application/pdf', buffer: file });
    await expect.poll(() => rowOf(page, 'scan of the lease.pdf').locator('.file-status').textContent(), { timeout: 40_000 }).toBe('Received');
    expect(methods).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(rawPosts).toBe(0);
    const cells = await page.locator('#receipt-rows tr td').allTextContents();
    expect(cells[0]).toBe('scan of the lease.pdf');
    expect(cells[1]).toBe('12 MB');
    expect(cells[3]).toBe(sha256(file).slice(0, 8));
    expect(cells[4]).toBe('Received');
    const [upload] = await listUploads(s.api, s.ws, link.id);
    expect(upload).toMatchObject({ filename: 'scan of the lease.pdf', content_type: 'application/pdf', size_bytes: 12 * MIB, sha256: sha256(file) });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'desktop-en-tus-received.png'), fullPage: true });
    await context.close();
  });

  it('resumes after the connection drops mid-upload, sending only what the server lacks', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    const methods = tusRequests(page);
    const offsets: string[] = [];
    let patches = 0;
    await page.route('**/tus/*', async (route) => {
      const req = route.request();
      if (req.method() !== 'PATCH') return route.continue();
      patches += 1;
      offsets.push(req.headers()['upload-offset'] ?? '');
      // The second PATCH dies on the wire: the first 8 MiB are acknowledged, the rest is not.
      if (patches === 2) return route.abort('connectionreset');
      return route.continue();
    });
    await page.goto(pageUrl(link));
    const file = bigPdf(20 * MIB);
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'train.pdf', mimeType: 'application/pdf', buffer: file });
    await expect.poll(() => rowOf(page, 'train.pdf').locator('.file-status').textContent(), { timeout: 60_000 }).toBe('Received');
    // After the drop tus-js-client asks where to go on (HEAD), then sends from there.
    expect(methods).toEqual(['POST', 'PATCH', 'PATCH', 'HEAD', 'PATCH', 'PATCH']);
    expect(offsets).toEqual(['0', String(8 * MIB), String(8 * MIB), String(16 * MIB)]);
    const [upload] = await listUploads(s.api, s.ws, link.id);
    expect(upload).toMatchObject({ filename: 'train.pdf', size_bytes: 20 * MIB, sha256: sha256(file) });
    const download = await fetch(`${s.t.url}/v1/${s.ws.id}/intake/links/${link.id}/uploads/${upload.id}/download`, { headers: { authorization: `Bearer ${s.ws.apiKey}` } });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(file));
    await context.close();
  });

  it('says in words why tus refused a file and does not retry a refusal', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser, { bypassCSP: true });
    const methods = tusRequests(page);
    await page.goto(pageUrl(link));
    // A PNG's bytes declared as PDF: the server's check on the first bytes ends the upload (422).
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), bigPdf(9 * MIB).subarray(8)]);
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: png });
    const row = rowOf(page, 'photo.pdf');
    await expect.poll(() => row.locator('.file-status').textContent(), { timeout: 60_000 }).toBe(
      'Not sent: The file’s contents do not match its type (for example, a renamed file). Send the original file.',
    );
    expect(methods).toEqual(['POST', 'PATCH']);
    expect(await row.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'desktop-en-tus-refused.png'), fullPage: true });
    expect(await listUploads(s.api, s.ws, link.id)).toEqual([]);
    await context.close();
  });
});
