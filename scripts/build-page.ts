// Bundles the upload page (client/upload-page) into dist/page-assets: one script, one stylesheet
// (Uppy's two plus ours), each named by a hash of its content so the server can let browsers keep
// them for a year. Run by `npm run build` (so by `npm start` and `npm test`).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'page-assets');

const result = await build({
  entryPoints: [path.join(root, 'client', 'upload-page', 'main.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
});
const script = Buffer.from(result.outputFiles[0]!.contents);
const style = Buffer.concat(
  await Promise.all(
    ['node_modules/@uppy/core/dist/style.min.css', 'node_modules/@uppy/dashboard/dist/style.min.css', 'client/upload-page/page.css'].map(
      async (file) => Buffer.concat([await readFile(path.join(root, file)), Buffer.from('\n')]),
    ),
  ),
);
const named = (base: string, ext: string, body: Buffer) => `${base}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
const manifest = { script: named('upload-page', 'js', script), style: named('upload-page', 'css', style) };
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await writeFile(path.join(out, manifest.script), script);
await writeFile(path.join(out, manifest.style), style);
await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
