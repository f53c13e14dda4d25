// Re-renders BENCHMARKS.md from a results JSON (after a change to the report's text, or when the
// run's own rendering failed): node bench/render.ts bench/results/<timestamp>.json
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './lib/servers.ts';
import { renderMarkdown } from './report/markdown.ts';
import type { BenchResults } from './report/results.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/render.ts bench/results/<timestamp>.json');
const results = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
await writeFile(path.join(REPO_ROOT, 'BENCHMARKS.md'), renderMarkdown(results, path.relative(REPO_ROOT, path.resolve(file))));
