// The CSV text check's cost per MiB, in one process: src/services/upload/text-bytes.ts's SIMD check
// against one native search per forbidden byte, over 64 KiB chunks of CSV (what a socket delivers),
// alternating, CPU time from process.cpuUsage(). Run after `npm run build`: node bench/micro/text-check.ts
const dist = (file: string) => new URL(`../../dist/${file}`, import.meta.url).href;
const { containsOnlyText, containsOnlyTextBySearch, TEXT_CHECK_ENGINE } = (await import(dist('services/upload/text-bytes.js'))) as {
  containsOnlyText: (chunk: Uint8Array) => boolean;
  containsOnlyTextBySearch: (chunk: Uint8Array) => boolean;
  TEXT_CHECK_ENGINE: string;
};
const text = Buffer.from('id,name,city,amount,note\r\n' + '1,Zoë Müller 1,Zürich,1.01,lorem ipsum dolor sit am\r\n'.repeat(30_000));
const chunks = Array.from({ length: 64 }, (_, i) => Buffer.from(text.subarray(i * 1000, i * 1000 + 65_536)));
const sides = { simd: containsOnlyText, search: containsOnlyTextBySearch };
console.log('engine', TEXT_CHECK_ENGINE);
for (let round = 0; round < 6; round++) {
  for (const [name, check] of round % 2 ? Object.entries(sides).reverse() : Object.entries(sides)) {
    const start = process.cpuUsage();
    let bytes = 0;
    for (let pass = 0; pass < 200; pass++) for (const chunk of chunks) if (check(chunk)) bytes += chunk.length;
    const used = process.cpuUsage(start);
    console.log(JSON.stringify({ round, side: name, cpuMsPerMiB: +((used.user + used.system) / 1000 / (bytes / 2 ** 20)).toFixed(3) }));
  }
}
