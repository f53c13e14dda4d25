import { readFile } from 'node:fs/promises';

// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and says where the time went inside a time
// window: self time per frame, per code area (a package, a node: module, a product file), and the
// inclusive time of frames. Timestamps are microseconds of the monotonic clock that
// process.hrtime() also reads, so a window taken in the bench process selects the samples.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  frame: string;
  area: string;
  ms: number;
  /** Share of the busy (non-idle) time in the window. */
  share: number;
}

export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  topSelf: FrameTime[];
  areas: { area: string; ms: number; share: number }[];
  topInclusive: FrameTime[];
}

const NOT_WORK = new Set(['(idle)', '(root)']);

export async function summarizeProfile(file: string, windowStartUs: number, windowEndUs: number, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, { area: string; us: number }>();
  const inclusive = new Map<string, { area: string; us: number }>();
  const areas = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const weight = profile.timeDeltas[i + 1] ?? 0;
    if (t < windowStartUs || t > windowEndUs) continue;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    if (NOT_WORK.has(node.callFrame.functionName)) {
      idleUs += weight;
      continue;
    }
    busyUs += weight;
    const key = frameName(node);
    const area = areaOf(node);
    add(self, key, area, weight);
    areas.set(area, (areas.get(area) ?? 0) + weight);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id);
      if (!frame || NOT_WORK.has(frame.callFrame.functionName)) continue;
      const name = frameName(frame);
      if (seen.has(name)) continue; // recursion counts once
      seen.add(name);
      add(inclusive, name, areaOf(frame), weight);
    }
  }
  const toRows = (map: Map<string, { area: string; us: number }>) =>
    [...map.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([frame, { area, us }]) => ({ frame, area, ms: us / 1000, share: busyUs ? us / busyUs : 0 }));
  return {
    windowMs: (Math.min(windowEndUs, profile.endTime) - Math.max(windowStartUs, profile.startTime)) / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    topSelf: toRows(self),
    areas: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: us / 1000, share: busyUs ? us / busyUs : 0 })),
    topInclusive: toRows(inclusive),
  };
}

function add(map: Map<string, { area: string; us: number }>, key: string, area: string, us: number): void {
  const entry = map.get(key);
  if (entry) entry.us += us;
  else map.set(key, { area, us });
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) return url.slice(nodeModules + '/node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  const bench = url.lastIndexOf('/bench/');
  if (bench >= 0) return url.slice(bench + 1);
  return url;
}

/** A package, a node: module family, a product folder, or a V8 pseudo-frame. */
function areaOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName === '(garbage collector)' || functionName === '(program)' ? functionName : 'native (V8 builtins, bindings)';
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) {
    const rest = url.slice(nodeModules + '/node_modules/'.length).split('/');
    return (rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]) ?? url;
  }
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? `internal/${parts[1] ?? ''}` : parts[0]}`.replace(/\.js$/, '');
  }
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) {
    const parts = url.slice(dist + 1).split('/');
    return parts.slice(0, Math.min(parts.length, 3)).join('/');
  }
  return shortUrl(url);
}
