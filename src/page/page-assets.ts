import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillPath, PUBLIC_PATHS } from '../domain/public-paths.js';
import type { PageAssetUrls } from './render/layout.js';

/** Where `npm run build` writes the page's bundle (same place relative to src/page and dist/page). */
export const PAGE_ASSETS_DIR = path.resolve(import.meta.dirname, '..', '..', 'dist', 'page-assets');

/** The built assets, held in memory (a few hundred KB), by their content-hashed file names. */
export interface PageAssets {
  urls: PageAssetUrls;
  files: Map<string, { body: Buffer; type: string }>;
}

/**
 * Loads the bundle the build wrote (manifest.json names the hashed files). Without a build the page
 * still works as a plain form: no script, no stylesheet.
 */
export function loadPageAssets(dir = PAGE_ASSETS_DIR): PageAssets {
  const files = new Map<string, { body: Buffer; type: string }>();
  let manifest: { script?: string; style?: string } = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return { urls: { script: null, style: null }, files };
  }
  const url = (name: string | undefined, type: string): string | null => {
    if (!name || !/^[\w.-]+$/.test(name)) return null;
    files.set(name, { body: readFileSync(path.join(dir, name)), type });
    return fillPath(PUBLIC_PATHS.pageAssets, { file: name });
  };
  return { urls: { script: url(manifest.script, 'text/javascript; charset=utf-8'), style: url(manifest.style, 'text/css; charset=utf-8') }, files };
}
