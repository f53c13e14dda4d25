import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng, sampleCsv } from '../fixtures/sample-files.js';
import { axeViolations, launchBrowser, openPage, SCREENSHOT_DIR, scrollsSideways } from '../helpers/browser.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';

// The customer's page in real Chromium: choosing, dropping, refusing, receipts, Spanish, no JS.
let s: ServerWithWorkspace;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  s = await startServerWithWorkspace({ env: { MAX_UPLOAD_BYTES: String(3 * 1024 * 1024) } });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await s?.t.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const pageUrl = (link: { upload_url: string }) => `${s.t.url}${link.upload_url}`;
const rowOf = (page: Page, name: string) => page.locator('.file-row', { has: page.locator('.file-name', { hasText: name }) });

describe('the upload page in Chromium', () => {
  it('serves a page with a strict policy, then sends a chosen file at once and shows its receipt after a reload', async () => {
    const link = await s.api.createLink(s.ws, { display_name: '<b>Jane</b> Doe', max_uploads: 5 });
    const { context, page } = await openPage(browser);
    const sent: string[] = [];
    page.on('request', (req) => sent.push(new URL(req.url()).host));
    const response = await page.goto(pageUrl(link));
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The display name is text, never markup.
    await expect.poll(() => page.locator('.for-name').textContent()).toContain('<b>Jane</b> Doe');
    await expect.poll(() => page.locator('.plain-form').isHidden()).toBe(true);

    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'insurance card.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await expect.poll(() => rowOf(page, 'insurance card.pdf').locator('.file-status').textContent()).toBe('Received');
    await expect.poll(() => page.locator('#receipt-rows tr').count()).toBe(1);
    const cells = await page.locator('#receipt-rows tr td').allTextContents();
    expect(cells[0]).toBe('insurance card.pdf');
    expect(cells[3]).toMatch(/^[0-9a-f]{8}$/);
    expect(await page.locator('#uploads-left').textContent()).toBe('You can send 4 more files with this link.');
    await shot(page, 'desktop-en-received');

    await page.reload();
    await expect.poll(() => page.locator('#receipt-rows tr').count()).toBe(1);
    expect(await page.locator('#receipt-rows tr td').first().textContent()).toBe('insurance card.pdf');
    expect(new Set(sent)).toEqual(new Set([new URL(s.t.url).host]));
    const rows = await s.t.db.query<{ filename: string }>('select filename from uploads');
    expect(rows).toEqual([{ filename: 'insurance card.pdf' }]);
    await context.close();
  });

  it('takes a dropped file (DataTransfer) and a CSV that Windows reports as application/vnd.ms-excel', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    await page.goto(pageUrl(link));
    const csv = sampleCsv().toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      // Runs in the page: the browser's DataTransfer (not in Node's types).
      const dt = new (globalThis as any).DataTransfer();
      dt.items.add(new File([bytes], 'totals.csv', { type: 'application/vnd.ms-excel' }));
      return dt;
    }, csv);
    const target = page.locator('.uppy-Dashboard-AddFiles').first();
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => rowOf(page, 'totals.csv').locator('.file-status').textContent()).toBe('Received');
    const rows = await s.t.db.query<{ content_type: string }>('select content_type from uploads where link_id = $1', [link.id]);
    expect(rows).toEqual([{ content_type: 'text/csv' }]);
    await context.close();
  });

  it('refuses a type it does not accept and a file over the limit in words, and never sends them', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST') posts.push(req.url());
    });
    await page.goto(pageUrl(link));
    await page.locator('.uppy-Dashboard-input').first().setInputFiles([
      { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
      { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([samplePng(), Buffer.alloc(3 * 1024 * 1024)]) },
    ]);
    await expect.poll(() => rowOf(page, 'setup.exe').locator('.file-status').textContent()).toBe(
      'Not sent: This type of file cannot be sent. Send one of: PDF, CSV, JPG, JPEG, PNG, DOC, DOCX, PPT, PPTX.',
    );
    await expect.poll(() => rowOf(page, 'huge.png').locator('.file-status').textContent()).toBe('Not sent: This file is too big. Each file can be up to 3 MB.');
    await shot(page, 'desktop-en-refused');
    expect(posts).toEqual([]);
    await context.close();
  });

  it('says in words why the server refused a file, with a way to try again', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    await page.goto(pageUrl(link));
    // A PNG's bytes declared as PDF: the browser cannot tell, the server's magic-byte check can.
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: samplePng() });
    const row = rowOf(page, 'scan.pdf');
    await expect.poll(() => row.locator('.file-status').textContent()).toBe(
      'Not sent: The file’s contents do not match its type (for example, a renamed file). Send the original file.',
    );
    expect(await row.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await context.close();
  });

  it('shows progress on a large file on a slow line, and Cancel stops it without storing anything', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    await page.goto(pageUrl(link));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const big = Buffer.concat([samplePdf(), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
    const row = rowOf(page, 'big.pdf');
    await expect.poll(() => row.locator('progress').evaluate((el: any) => el.value as number), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await row.locator('progress').evaluate((el: any) => el.value as number)).toBeLessThan(100);
    expect(await row.locator('.file-status').textContent()).toMatch(/^Sending… \d+%$/);
    await shot(page, 'desktop-en-progress');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => row.locator('.file-status').textContent()).toBe('Cancelled');
    expect(await s.t.db.query('select id from uploads where link_id = $1', [link.id])).toEqual([]);
    await context.close();
  });

  it('shows a dropped connection with Try again, and the retry delivers the file once', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    let attempts = 0;
    await page.route('**/files', async (route) => {
      attempts += 1;
      if (attempts === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(pageUrl(link));
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'retry.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    const row = rowOf(page, 'retry.pdf');
    await expect.poll(() => row.locator('.file-status').textContent()).toBe('Not sent: The connection was lost. Check that you are online, then try again.');
    const tusMethods: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.includes('/tus')) tusMethods.push(req.method());
    });
    await row.getByRole('button', { name: 'Try again' }).click();
    // After a lost connection the retry goes over tus, which resumes after any further drop.
    await expect.poll(() => row.locator('.file-status').textContent(), { timeout: 30_000 }).toBe('Received');
    expect(tusMethods).toEqual(['POST', 'PATCH']);
    expect(await s.t.db.query<{ filename: string }>('select filename from uploads where link_id = $1', [link.id])).toEqual([{ filename: 'retry.pdf' }]);
    await context.close();
  });

  it('turns a 429 with Retry-After into when to try again, in Spanish', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser, { extraHTTPHeaders: { 'Accept-Language': 'es' } });
    // The server's answer to a rate-limited upload, as the contract writes it.
    await page.route('**/files', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '30', 'Content-Type': 'application/json' }, body: JSON.stringify({ error_code: 'rate_limited', detail: 'Too many requests; try again shortly.' }) }),
    );
    await page.goto(pageUrl(link));
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'lento.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await expect.poll(() => rowOf(page, 'lento.pdf').locator('.file-status').textContent()).toBe(
      'No enviado: Se enviaron demasiados archivos en poco tiempo. Inténtelo de nuevo dentro de 30 segundos.',
    );
    await context.close();
  });

  it('speaks Spanish from Accept-Language, with Uppy in Spanish too, and switches language by a link', async () => {
    const link = await s.api.createLink(s.ws, { display_name: 'Juana' });
    const { context, page } = await openPage(browser, { locale: 'es-ES', extraHTTPHeaders: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    await page.goto(pageUrl(link));
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('h1').textContent()).toBe('Envíe sus archivos');
    await expect.poll(() => page.locator('.uppy-Dashboard-AddFiles-title').textContent()).toContain('Arrastre archivos aquí');
    await page.locator('.uppy-Dashboard-input').first().setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: samplePng() });
    await expect.poll(() => rowOf(page, 'foto.png').locator('.file-status').textContent()).toBe('Recibido');
    await shot(page, 'desktop-es-received');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('has no serious or critical axe violations and no sideways scroll at 1280 and 320 px, in both languages', async () => {
    const link = await s.api.createLink(s.ws);
    for (const lang of ['en', 'es']) {
      for (const width of [1280, 320]) {
        const { context, page } = await openPage(browser, { viewport: { width, height: 800 }, bypassCSP: true });
        await page.goto(`${pageUrl(link)}?lang=${lang}`);
        await page.locator('.uppy-Dashboard-input').first().setInputFiles([
          { name: 'a-very-long-file-name-that-might-overflow-a-phone-screen.pdf', mimeType: 'application/pdf', buffer: samplePdf() },
          { name: 'notes.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
        ]);
        await expect.poll(() => page.locator('#receipt-rows tr').count()).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollsSideways(page)).toBe(false);
        await shot(page, `${width === 320 ? 'phone' : 'desktop'}-${lang}-axe`);
        await context.close();
      }
    }
  });

  it('can be used by keyboard alone: Tab to the chooser, Enter opens it', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser);
    await page.goto(pageUrl(link));
    let chooser = false;
    page.on('filechooser', async (fc) => {
      chooser = true;
      await fc.setFiles({ name: 'keyboard.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    });
    for (let i = 0; i < 10 && !(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('uppy-Dashboard-browse'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => chooser).toBe(true);
    await expect.poll(() => rowOf(page, 'keyboard.pdf').locator('.file-status').textContent()).toBe('Received');
    await context.close();
  });

  it('works without JavaScript: the plain form posts the file and lands (303) on a page showing it', async () => {
    const link = await s.api.createLink(s.ws);
    const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    await page.goto(pageUrl(link));
    expect(await page.locator('.plain-form').isVisible()).toBe(true);
    await shot(page, 'phone-en-nojs-form');
    await page.locator('#plain-file').setInputFiles({ name: 'form.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await page.getByRole('button', { name: 'Send the file' }).click();
    await page.waitForURL(/\/received\//);
    expect(await page.locator('h1').textContent()).toBe('File received');
    expect(await page.locator('.receipt-name').textContent()).toBe('form.pdf');
    await shot(page, 'phone-en-nojs-received');
    const rows = await s.t.db.query<{ filename: string }>('select filename from uploads where link_id = $1', [link.id]);
    expect(rows).toEqual([{ filename: 'form.pdf' }]);
    await context.close();
  });

  it('shows its own plain pages for unknown, revoked (404), expired and exhausted (410) links', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 320, height: 700 } });
    const unknown = await page.goto(`${s.t.url}/upload/${'x'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('This link does not work');

    const revoked = await s.api.createLink(s.ws);
    await s.api.request('DELETE', `/v1/${s.ws.id}/intake/links/${revoked.id}`, { token: s.ws.apiKey });
    expect((await page.goto(pageUrl(revoked)))?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('This link does not work');

    const expired = await s.api.createLink(s.ws);
    await s.t.db.query(`update intake_links set expires_at = now() - interval '1 minute' where id = $1`, [expired.id]);
    expect((await page.goto(pageUrl(expired)))?.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('This link has expired');
    await shot(page, 'phone-en-expired');

    const full = await s.api.createLink(s.ws, { max_uploads: 1 });
    await s.api.upload(full.link_token, samplePdf(), { filename: 'one.pdf', contentType: 'application/pdf' });
    expect((await page.goto(`${pageUrl(full)}?lang=es`))?.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('Este enlace ya recibió todos sus archivos');
    await shot(page, 'phone-es-exhausted');
    await context.close();
  });
});
