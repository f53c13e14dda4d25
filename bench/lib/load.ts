import { createRequire } from 'node:module';

// autocannon (9.0.0) against one URL for a fixed time: throughput at many connections, tail latency
// at few. Keep-alive connections, as an operator's dashboard or script would hold.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<any>;

export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadFigure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export async function load(request: LoadRequest, connections: number, seconds: number): Promise<LoadFigure> {
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    connections,
    duration: seconds,
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${request.url}: ${failed} of ${result.requests.total} requests failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result.requests.total };
}

/** One request, checked to answer 200 with a JSON body (before the timed runs). */
export async function probe(request: LoadRequest): Promise<unknown> {
  const res = await fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${request.url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
