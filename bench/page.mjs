// The page's own costs in Debian's headless Chromium (issue 12), on the built site: what it weighs
// (every file gzip -9, as a static host would send it), how soon the first frame is drawn after
// navigation, and what the page costs while nothing changes (CPU of all Chromium's processes from
// /proc, frames drawn), at 1280×800 by default. Not a test: nothing is checked against a time.
//
//   node bench/page.mjs [--seconds S] [--loads L] [--viewport WxH] [--json]
//     S seconds of each idle measurement (default 10), L fresh page loads for the first frame
//     (default 5, median and range reported).
//
// Idle is measured three ways: right after the page has loaded; after a run of nine_tasks_race
// has finished (it used to redraw every frame from then on); with the mouse resting over the race
// diagram. Each starts once the page reports `idle` (its frame loop stopped) and lasts S seconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { cpuDelta, cpuSnapshot } from './proc_cpu.mjs';
import { launchBrowser, openPlayground, runNineTasks, settled, siteDir, state } from '../tests/web/playground.mjs';
import { serveStatic } from '../tests/web/server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const seconds = Number(opt('--seconds', 10));
const loads = Number(opt('--loads', 5));
const [width, height] = opt('--viewport', '1280x800').split('x').map(Number);
const asJson = args.includes('--json');
const say = (...a) => (asJson ? console.error : console.log)(...a);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// Every file of the site, raw and gzip -9; `first_load` the files the page fetches before its
// first frame (asyncrace_worker.js comes only when Web Workers are chosen; the workers load the
// page's own asyncrace.js from the cache and are handed its compiled asyncrace.wasm).
function weight() {
  // asyncrace.html is emcc's own name for index.html, which the build copies it to: served once.
  const files = readdirSync(siteDir).filter((f) => f !== 'asyncrace.html' && statSync(join(siteDir, f)).isFile()).map((name) => {
    const body = readFileSync(join(siteDir, name));
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  const sum = (xs, k) => xs.reduce((a, f) => a + f[k], 0);
  const first = files.filter((f) => ['index.html', 'asyncrace.js', 'asyncrace.wasm'].includes(f.name));
  return { files, total_raw: sum(files, 'raw'), total_gzip: sum(files, 'gzip'), first_load_gzip: sum(first, 'gzip') };
}

// Fresh browser profile and page per load: navigation start → "asyncrace ready" (printed when the
// first frame has been built), read from the page's own clock.
async function firstFrames() {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  const times = [];
  try {
    for (let i = 0; i < loads; ++i) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.addInitScript(() => {
        const log = console.log.bind(console);
        console.log = (...a) => {
          if (a[0] === 'asyncrace ready') window.asyncraceReadyAt = performance.now();
          log(...a);
        };
      });
      const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready', timeout: 60000 });
      await page.goto(server.url);
      await ready;
      times.push(await page.evaluate(() => window.asyncraceReadyAt));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

// CPU of all Chromium's processes over `seconds` of an idle page, and the frames it drew meanwhile.
async function idleCost(page, what) {
  const s = await settled(page);
  if (!s.idle) throw new Error(`the page does not go idle (${what}): it animates`);
  await page.waitForTimeout(2000);  // the last frame's compositing; after loading, the wasm's tier-up
  const f0 = (await state(page)).frames;
  const a = cpuSnapshot();
  const t0 = performance.now();
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  const wall = (performance.now() - t0) / 1000;
  const b = cpuSnapshot();
  const frames = (await state(page)).frames - f0;
  const cpu = cpuDelta(a, b, wall);
  const chromium = cpu ? cpu.ours - (cpu.groups['bench (node)'] ?? 0) : NaN;
  say(`  ${what}: ${(chromium / wall).toFixed(3)} cores, ${frames} frames in ${wall.toFixed(1)} s`);
  return { what, wall, frames, cores: chromium / wall, groups: cpu?.groups ?? {}, others: cpu ? cpu.others / wall : NaN };
}

say(`${cpus().length} × ${cpus()[0]?.model ?? '?'}; load ${load()}`);
const w = weight();
say(`site: ${(w.total_gzip / 1e6).toFixed(3)} MB gzip (${(w.first_load_gzip / 1e6).toFixed(3)} MB before the first frame)`);
say(`first frame, ${loads} fresh loads at ${width}x${height} …`);
const first = await firstFrames();
say(`  ${first.map((t) => t.toFixed(0)).join(', ')} ms`);

say(`idle at ${width}x${height}, ${seconds} s each …`);
const pg = await openPlayground();
const idle = [];
try {
  await pg.page.setViewportSize({ width, height });
  idle.push(await idleCost(pg.page, 'after loading'));
  await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
  idle.push(await idleCost(pg.page, 'after a run finished'));
  const plot = (await state(pg.page)).diagram_plot;
  await pg.page.mouse.move(plot.x + plot.w / 2, plot.y + 40);
  await settled(pg.page);
  idle.push(await idleCost(pg.page, 'mouse resting on the diagram'));
} finally {
  await pg.close();
}

const sorted = [...first].sort((a, b) => a - b);
const result = {
  viewport: `${width}x${height}`, weight: w, first_frame_ms: first, first_frame_median_ms: sorted[Math.floor((sorted.length - 1) / 2)],
  idle, seconds, problems: pg.problems, load: load(),
};
if (asJson) {
  console.log(JSON.stringify(result));
} else {
  console.log('\n| file | raw | gzip -9 |\n|---|---:|---:|');
  for (const f of w.files) console.log(`| ${f.name} | ${(f.raw / 1e3).toFixed(0)} kB | ${(f.gzip / 1e3).toFixed(0)} kB |`);
  console.log(`| **site** | ${(w.total_raw / 1e6).toFixed(2)} MB | **${(w.total_gzip / 1e6).toFixed(3)} MB** |`);
  console.log(`\nfirst frame after navigation (median of ${loads}): ${result.first_frame_median_ms.toFixed(0)} ms ` +
              `(${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)} ms)`);
  console.log(`\n| idle page, ${width}×${height}, ${seconds} s | Chromium, cores | frames drawn |\n|---|---:|---:|`);
  for (const r of idle) console.log(`| ${r.what} | ${r.cores.toFixed(3)} | ${r.frames} |`);
  if (pg.problems.length) console.log('\npage problems: ' + pg.problems.join('; '));
}
