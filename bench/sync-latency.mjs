// Cross-tab sync latency in Chromium: two pages of one browser, each with a store wired by
// connectSync (the built core in dist/), take turns deciding; the time from one page's decision to
// the other page's store holding it is measured with the pages' shared performance clock. The e2e
// suite proves the pages stay in step; this prints how fast. Run by bench/run.mjs, or alone after
// `npm run build`: `node bench/sync-latency.mjs` (BENCH_SYNC_ROUNDS to change the count).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 60);
const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const page = `
import { connectSync, createConsentStore, definePolicy } from './dist/core/index.js';
const policy = definePolicy({
  revision: 1,
  categories: [
    { id: 'essential', title: 'Essential', description: 'Needed.', required: true },
    { id: 'performance', title: 'Performance', description: 'Counts visits.' },
    { id: 'targeting', title: 'Targeting', description: 'Advertising.', saleOrShare: true },
  ],
});
const store = createConsentStore({ policy });
connectSync(store);
store.start();
const changes = [];
// performance.timeOrigin + now(): one clock for both pages of the browser.
store.subscribe(() => changes.push({ at: performance.timeOrigin + performance.now(), id: store.getState().record?.id }));
window.bench = { store, changes, now: () => performance.timeOrigin + performance.now() };
`;

export async function runSyncLatencyBench() {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const bundle = await build({ stdin: { contents: page, resolveDir: root }, bundle: true, format: 'iife', write: false, logLevel: 'silent' });
  const script = bundle.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sync</title><script src="/app.js"></script>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const pages = [await context.newPage(), await context.newPage()];
    for (const p of pages) {
      await p.goto(url);
      await p.waitForFunction(() => !!window.bench);
    }
    const latencies = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [from, to] = round % 2 ? [pages[1], pages[0]] : pages;
      const seen = await to.evaluate(() => window.bench.changes.length);
      const { at, id } = await from.evaluate((accept) => {
        const at = window.bench.now();
        window.bench.store[accept ? 'acceptAll' : 'rejectAll']();
        return { at, id: window.bench.store.getState().record.id };
      }, round % 4 < 2);
      await to.waitForFunction((n) => window.bench.changes.length > n, seen);
      const arrived = await to.evaluate(() => window.bench.changes.at(-1));
      if (arrived.id !== id) throw new Error(`round ${round}: the other page holds ${arrived.id}, not ${id}`);
      latencies.push(arrived.at - at);
    }
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(`\nCross-tab sync in Chromium (connectSync, two pages, ${ROUNDS} decisions): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSyncLatencyBench();
