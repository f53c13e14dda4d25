import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ChildServer } from '../lib/child-server.ts';
import { timedDownload, type DownloadTiming } from '../lib/http-client.ts';
import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { mibPerSecond } from '../lib/stats.ts';
import type { ProductLink } from '../lib/servers.ts';

export interface DownloadFigure extends DownloadTiming {
  mibPerSecond: number;
}

export interface DownloadResult {
  sizeBytes: number;
  rounds: PairedRound<DownloadFigure>[];
  /** Total time of each side and the ratio product / baseline (lower is better for the product). */
  total: PairedSummary;
  /** Time to first byte, same shape. */
  ttfb: PairedSummary;
  throughput: PairedSummary;
}

/**
 * The same stored object (one of the product's 100 MB uploads, already in the page cache from its
 * upload) fetched through the product's audited download route and through the bare read-stream
 * server, one untimed warm-up each, then alternating rounds.
 */
export async function runDownload(
  product: ChildServer,
  baseline: ChildServer,
  link: ProductLink,
  uploadId: string,
  objectsRoot: string,
  sizeBytes: number,
  rounds: number,
): Promise<DownloadResult> {
  const objectPath = await findObject(objectsRoot, uploadId);
  const productPath = `/v1/${link.workspaceId}/intake/links/${link.linkId}/uploads/${uploadId}/download`;
  const baselinePath = `/${path.relative(objectsRoot, objectPath).split(path.sep).map(encodeURIComponent).join('/')}`;
  const fetchOne = async (server: ChildServer, urlPath: string, headers: Record<string, string>): Promise<DownloadFigure> => {
    const timing = await timedDownload(server.url, urlPath, headers);
    if (timing.status !== 200 || timing.bytes !== sizeBytes) throw new Error(`${server.name} download: ${timing.status}, ${timing.bytes} bytes`);
    return { ...timing, mibPerSecond: mibPerSecond(timing.bytes, timing.totalMs) };
  };
  const fromProduct = () => fetchOne(product, productPath, { authorization: `Bearer ${link.apiKey}` });
  const fromBaseline = () => fetchOne(baseline, baselinePath, {});
  await fromProduct();
  await fromBaseline();
  const paired = await alternate(rounds, fromProduct, fromBaseline);
  return {
    sizeBytes,
    rounds: paired,
    total: summarizePaired(paired, (f) => f.totalMs),
    ttfb: summarizePaired(paired, (f) => f.ttfbMs),
    throughput: summarizePaired(paired, (f) => f.mibPerSecond),
  };
}

async function findObject(root: string, uploadId: string): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const match = entries.find((entry) => entry.isFile() && entry.name === uploadId);
  if (!match) throw new Error(`no stored object named ${uploadId} under ${root}`);
  return path.join(match.parentPath, match.name);
}
