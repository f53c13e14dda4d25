import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (a test tool's own browser download is blocked on this network). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Screenshots of the page's states, for a person to look at. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // playwright gives each launch a fresh profile of its own (under TMPDIR) and removes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A page in a fresh context; `bypassCSP` lets axe-core be injected despite the page's strict CSP. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  return { context, page };
}

/** Serious and critical axe-core violations on the page (ids and the first node of each). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** True when the page scrolls sideways (content wider than the window). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    // Runs in the page (the browser's document, not in Node's types).
    const root = (globalThis as any).document.documentElement as { scrollWidth: number; clientWidth: number };
    return root.scrollWidth > root.clientWidth;
  });
}
