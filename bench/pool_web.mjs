// The real executor pool's benchmark in the browser (issue 5): the playground in Debian's headless
// Chromium (launched as the browser tests launch it: tests/web/playground.mjs), its real executor
// on 1 and on 2 Web Workers, 30 × cpu_bound (processpool_cpu_bound at speed instant), and the round
// trip of an empty message to a fresh asyncrace_worker.js. Not a test: nothing is checked against
// a time. bench/pool.sh runs it after the native benchmark and prints both in one table.
//
//   node bench/pool_web.mjs [--repeat R] [--trips N] [--trip-seconds T] [--starts S]
//                           [--viewports WxH,…] [--json]
//     R runs per worker count after one warm-up run (best reported; default 3), N sequential
//     round trips (default 1000, or as many as fit in T seconds, default 10), S fresh workers started for the first-start time (default 5),
//     the page's sizes (default 1280x800, the tests' viewport, then 320x200: the page draws every
//     frame, and without a GPU Chromium draws its WebGL with SwiftShader on the CPU, at a cost that
//     grows with the page's size); --json prints one JSON object instead of the report.
//
// Round trips are measured from the playground page (each reply waits for the page's main thread,
// which is drawing frames) and from an empty page of the same origin (messaging alone).
//
// Per worker count it also reads, from the race diagram's pool lanes (asyncrace_state_json), each
// job's [queued, start, end] measured on its worker: the sum of job durations (the jobs' CPU time,
// as far as the workers got the CPU) and the time workers sat idle between two of their jobs; and,
// from /proc (Linux), the CPU time Chromium's threads used during the timed runs, grouped (the two
// workers, the page's main thread, the GPU process, which draws the page's WebGL with SwiftShader
// on a machine without a GPU, and the rest), and what the whole machine used, others included.
import { loadavg, cpus } from 'node:os';
import { openPlayground, run, select, setOptions, settled, state } from '../tests/web/playground.mjs';
import { cpuDelta, cpuSnapshot } from './proc_cpu.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
};
const repeat = opt('--repeat', 3);
const trips = opt('--trips', 1000);
const starts = opt('--starts', 5);
const tripSeconds = opt('--trip-seconds', 10);
const asJson = args.includes('--json');
const vi = args.indexOf('--viewports');
const viewports = (vi >= 0 ? args[vi + 1] : '1280x800,320x200').split(',');
const say = (...a) => (asJson ? console.error : console.log)(...a);

const setExecutor = (page, mode, workers) =>
  page.evaluate(([m, n]) => Module.ccall('asyncrace_set_executor', 'number', ['string', 'number'], [m, n]),
                [mode, workers]);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// ---- the page ----
async function untilDone(page, timeoutMs = 300000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.waitForTimeout(100);
    const s = await state(page);
    if (!s.running) return s;
    if (Date.now() > deadline) throw new Error('run did not finish: ' + JSON.stringify(s).slice(0, 400));
  }
}

async function oneRun(page) {
  if (!(await run(page))) throw new Error('run refused: ' + (await state(page)).message);
  await untilDone(page);
  await settled(page);  // the pool lanes are the ones drawn last frame
  const s = await state(page);
  if (s.error) throw new Error('run failed: ' + s.error);
  const line = s.lines.find((l) => l.text.startsWith('processpool elapsed'));
  if (!line) throw new Error('no "processpool elapsed" line: ' + JSON.stringify(s.lines));
  const elapsed = Number(line.text.split(' ')[2]);
  let jobs = 0, busy = 0, idle = 0, first = Infinity, last = 0;
  for (const lane of s.pool_lanes) {
    const iv = lane.intervals;
    jobs += iv.length;
    for (let i = 0; i < iv.length; ++i) {
      busy += iv[i][2] - iv[i][1];
      if (i > 0) idle += Math.max(0, iv[i][1] - iv[i - 1][2]);
      first = Math.min(first, iv[i][1]);
      last = Math.max(last, iv[i][2]);
    }
  }
  return { elapsed, jobs, lanes: s.pool_lanes.length, jobs_cpu: busy, idle_between_jobs: idle,
           first_start: first, last_end: last, workers: s.workers };
}

async function poolRuns(page, workers) {
  if (!(await setExecutor(page, 'real', workers))) throw new Error('set_executor: ' + (await state(page)).message);
  await untilDone(page);  // a shown run runs again at once with the new executor
  say(`${workers} worker(s): warm-up run (starts the workers, lets the wasm tier up)`);
  const warm = await oneRun(page);
  const runs = [];
  const loadBefore = load();
  const a = cpuSnapshot();
  const f0 = (await state(page)).frames;
  const t0 = performance.now();
  for (let r = 0; r < repeat; ++r) {
    const x = await oneRun(page);
    if (x.jobs !== 30 || x.lanes !== workers) throw new Error(`expected 30 jobs on ${workers} lanes: ${JSON.stringify(x)}`);
    say(`  run ${r + 1}: elapsed ${x.elapsed.toFixed(3)} s, jobs' time ${x.jobs_cpu.toFixed(3)} s, ` +
        `idle between jobs ${x.idle_between_jobs.toFixed(3)} s`);
    runs.push(x);
  }
  const wall = (performance.now() - t0) / 1000;
  const fps = ((await state(page)).frames - f0) / wall;
  const cpu = cpuDelta(a, cpuSnapshot(), wall);
  const best = runs.reduce((b, x) => (x.elapsed < b.elapsed ? x : b));
  return { workers, warmup_elapsed: warm.elapsed, best, runs, fps, cpu, load_before: loadBefore, load_after: load(),
           started: best.workers.started, replaced: best.workers.replaced };
}

// Round trips of an empty message (asyncrace_worker_ping) to a fresh worker, from `page`: first the
// time from new Worker to the first reply (the worker loads asyncrace.js and instantiates the
// compiled asyncrace.wasm it is handed first, as web_pool.js hands it the page's; the worker holds
// messages that arrive before it is ready), S times; then sequential round trips on the last
// worker started.
async function roundTrips(page) {
  return page.evaluate(async ([n, k, budgetMs]) => {
    const ping = { funcName: 'asyncrace_worker_ping', callbackId: 0, data: 0 };
    const compiled = await WebAssembly.compileStreaming(fetch('asyncrace.wasm'));
    const reply = (w) => new Promise((ok, fail) => {
      w.onmessage = (e) => (e.data && e.data.callbackId === 0 ? ok() : fail(new Error('odd reply')));
      w.onerror = (e) => fail(new Error('worker error: ' + e.message));
    });
    const firstStarts = [];
    let w = null;
    for (let i = 0; i < k; ++i) {
      if (w) w.terminate();
      w = new Worker('asyncrace_worker.js');
      const t0 = performance.now();
      const p = reply(w);
      w.postMessage({ asyncraceWasm: compiled });
      w.postMessage(ping);
      await p;
      firstStarts.push(performance.now() - t0);
    }
    const trips = [];
    const t0 = performance.now();
    for (let i = 0; i < n && performance.now() - t0 < budgetMs; ++i) {
      const t = performance.now();
      const p = reply(w);
      w.postMessage(ping);
      await p;
      trips.push(performance.now() - t);
    }
    const total = performance.now() - t0;
    n = trips.length;
    w.terminate();
    trips.sort((a, b) => a - b);
    const q = (f) => trips[Math.floor(f * (trips.length - 1))];
    return { first_start_ms: firstStarts, trips: n, mean_ms: total / n, median_ms: q(0.5), p90_ms: q(0.9),
             p99_ms: q(0.99), min_ms: trips[0], max_ms: trips[trips.length - 1],
             cross_origin_isolated: !!self.crossOriginIsolated };
  }, [trips, starts, tripSeconds * 1000]);
}

const pg = await openPlayground();
let result;
try {
  const { page } = pg;
  const s0 = await state(page);
  if (!s0.workers.available) throw new Error('the page has no Web Workers');
  const version = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1] ?? '';
  say(`Chromium ${version}; hardwareConcurrency ${s0.workers.hardware}; ${cpus().length} CPUs; load ${load()}; ` +
      `WebGL drawn ${s0.drawing_on_cpu ? 'on the CPU (no GPU: the page draws fewer frames while jobs are out)' : 'by a GPU'}`);
  if (!(await select(page, 'processpool_cpu_bound'))) throw new Error('no processpool_cpu_bound tutorial');
  if (!(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' })))
    throw new Error('options rejected: ' + (await state(page)).problem);
  const configs = [];
  for (const vp of viewports) {
    const [width, height] = vp.split('x').map(Number);
    await page.setViewportSize({ width, height });
    await settled(page);
    say(`page ${vp}`);
    const one = await poolRuns(page, 1);
    const two = await poolRuns(page, 2);
    say(`  round trips from the page (it draws its frames meanwhile)`);
    const rt = await roundTrips(page);
    configs.push({ viewport: vp, one, two, speedup: one.best.elapsed / two.best.elapsed, round_trip: rt });
  }
  // The same round trips from an empty page of the same origin: no frames drawn, an idle main thread.
  say('round trips from an empty page');
  await page.route('**/bench-empty.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>empty</title>' }));
  await page.goto(new URL('bench-empty.html', pg.url).href);
  const rtEmpty = await roundTrips(page);
  result = { chromium: version, hardware_concurrency: s0.workers.hardware, cpus: cpus().length,
             drawing_on_cpu: s0.drawing_on_cpu,
             cpu_model: cpus()[0]?.model ?? '', repeat, configs, round_trip_empty_page: rtEmpty,
             problems: pg.problems, load: load() };
} finally {
  await pg.close();
}

if (asJson) {
  console.log(JSON.stringify(result));
} else {
  const f3 = (x) => x.toFixed(3);
  const fms = (x) => x.toFixed(2);
  const line = (name, rt) =>
    console.log(`worker round trip from ${name}, ${rt.trips} trips: median ${fms(rt.median_ms)} ms, ` +
                `p99 ${fms(rt.p99_ms)} ms, mean ${fms(rt.mean_ms)} ms; first start (new Worker → first reply) ` +
                rt.first_start_ms.map((x) => x.toFixed(0)).join(', ') + ' ms');
  for (const c of result.configs) {
    const { one, two } = c;
    console.log(`\n| Chromium Web Workers, page ${c.viewport}, 30 × cpu_bound | best of ${repeat} | jobs' time (sum) | idle between jobs | frames/s | speedup |`);
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of [one, two])
      console.log(`| ${r.workers} worker${r.workers > 1 ? 's' : ''} | ${f3(r.best.elapsed)} s | ${f3(r.best.jobs_cpu)} s | ` +
                  `${f3(r.best.idle_between_jobs)} s | ${r.fps.toFixed(1)} | ${(one.best.elapsed / r.best.elapsed).toFixed(2)}× |`);
    for (const r of [one, two]) {
      if (!r.cpu) continue;
      const g = Object.entries(r.cpu.groups).filter(([, v]) => v >= 0.01).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
      console.log(`${r.workers} worker(s), CPU seconds over ${r.cpu.wall.toFixed(2)} s of timed runs ` +
                  `(${r.cpu.cores.toFixed(1)} cores): ${g}; whole machine ${r.cpu.machine.toFixed(2)}, ` +
                  `others ${r.cpu.others.toFixed(2)}; load ${r.load_before} → ${r.load_after}`);
    }
    line(`the playground page (${c.viewport})`, c.round_trip);
  }
  console.log('');
  line('an empty page', result.round_trip_empty_page);
  if (result.problems.length) console.log('\npage problems: ' + result.problems.join('; '));
}
