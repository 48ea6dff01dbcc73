// The race diagram at scale (issue 12), as wasm in Debian's headless Chromium, through the page's
// automation API: for the scale tutorials (10^4, 10^5, 10^6 sleeping tasks) it runs each at speed
// instant and then measures how long building one frame takes (ImGui calls, no GL: the state's
// build_ms, and diagram_ms for the race diagram's part) at several zooms and scroll positions.
// Not a test: nothing is checked against a time; the target is 4 ms for the diagram at 10^6 tasks,
// against the 16.7 ms of a 60 Hz frame.
//
//   node bench/diagram.mjs [--sizes 10k,100k,1m] [--samples K] [--json]
//
// Each position is drawn K times (default 9; a 1-pixel mouse move wakes the page, which then
// draws its settling frames); the median and the largest of the last frames' times are reported.
// Also: the run's wall time and frames at speed instant (the run plays within a frame budget, so
// the page stays responsive while it runs), the slowest frame while it ran, and the wasm memory.
import { cpus, loadavg } from 'node:os';
import { openPlayground, run, select, setOptions, settled, state } from '../tests/web/playground.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const sizes = opt('--sizes', '10k,100k,1m').split(',');
const samples = Number(opt('--samples', 9));
const asJson = args.includes('--json');
const say = (...a) => (asJson ? console.error : console.log)(...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const showRow = (page, row) => page.evaluate((r) => Module.ccall('asyncrace_show_row', 'number', ['number'], [r]), row);
const heapMB = (page) => page.evaluate(() => Module.HEAP8.length / 1048576);

// Zooms by 1.25^notches around the plot's centre: wheel events on the canvas, one notch each.
async function zoom(page, notches) {
  const p = (await state(page)).diagram_plot;
  await page.evaluate(([x, y, n]) => {
    const canvas = document.getElementById('canvas');
    for (let i = 0; i < Math.abs(n); ++i)
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: n > 0 ? -100 : 100, deltaMode: WheelEvent.DOM_DELTA_PIXEL,
                                                     clientX: x, clientY: y, bubbles: true, cancelable: true }));
  }, [p.x + p.w / 2, p.y + 30, notches]);
  await settled(page);
}

// K frames at the current position: each a 1-px mouse move in the plot, then the settled state.
async function frameTimes(page) {
  const p = (await state(page)).diagram_plot;
  const build = [], diagram = [];
  for (let k = 0; k < samples; ++k) {
    await page.mouse.move(p.x + p.w / 2 + (k % 2), p.y + 40);
    const s = await settled(page);
    build.push(s.build_ms);
    diagram.push(s.diagram_ms);
  }
  return { build_median: median(build), build_max: Math.max(...build), diagram_median: median(diagram),
           diagram_max: Math.max(...diagram) };
}

async function measure(page, size) {
  const slug = `scale_${size}`;
  if (!(await select(page, slug))) throw new Error(`no tutorial ${slug}`);
  if (!(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }))) throw new Error('options rejected');
  const f0 = (await state(page)).frames;
  const t0 = performance.now();
  if (!(await run(page))) throw new Error('run refused: ' + (await state(page)).message);
  let slowest = 0;
  let s;
  for (;;) {
    await page.waitForTimeout(200);
    s = await state(page);
    slowest = Math.max(slowest, s.build_ms);
    if (s.finished) break;
    if (performance.now() - t0 > 900000) throw new Error(`${slug} did not finish in 15 minutes`);
  }
  const runWall = (performance.now() - t0) / 1000;
  const runFrames = s.frames - f0;
  if (s.error) throw new Error(`${slug} failed: ${s.error}`);
  await settled(page);
  say(`${slug}: ${s.lanes} lanes, ran in ${runWall.toFixed(1)} s over ${runFrames} frames (slowest ${slowest.toFixed(1)} ms)`);
  const positions = [];
  const at = async (name) => {
    const t = await frameTimes(page);
    positions.push({ name, ...t });
    say(`  ${name}: diagram ${t.diagram_median.toFixed(2)} ms (max ${t.diagram_max.toFixed(2)}), ` +
        `whole frame ${t.build_median.toFixed(2)} ms (max ${t.build_max.toFixed(2)})`);
  };
  await at('whole run (fit), top rows');
  await zoom(page, 10);
  await at('zoomed ×9.3, top rows');
  await zoom(page, 21);
  await at('zoomed ×10^3, top rows');
  await showRow(page, Math.floor(s.lanes / 2));
  await settled(page);
  await at('middle row (its task\'s life in view)');
  await showRow(page, s.lanes - 1);
  await settled(page);
  await at('last rows');
  await zoom(page, -80);
  await at('zoomed out to the limit, last rows');
  return { slug, lanes: s.lanes, run_wall_s: runWall, run_frames: runFrames, run_slowest_frame_ms: slowest,
           heap_mb: await heapMB(page), positions };
}

say(`${cpus().length} × ${cpus()[0]?.model ?? '?'}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const pg = await openPlayground();
const results = [];
try {
  for (const size of sizes) results.push(await measure(pg.page, size));
} finally {
  await pg.close();
}
if (asJson) {
  console.log(JSON.stringify({ samples, results, problems: pg.problems }));
} else {
  console.log(`\n| tasks | position | diagram, median (max) | whole frame, median (max) |\n|---:|---|---:|---:|`);
  for (const r of results)
    for (const p of r.positions)
      console.log(`| ${r.lanes - 1} | ${p.name} | ${p.diagram_median.toFixed(2)} ms (${p.diagram_max.toFixed(2)}) | ` +
                  `${p.build_median.toFixed(2)} ms (${p.build_max.toFixed(2)}) |`);
  console.log('');
  for (const r of results)
    console.log(`${r.slug}: run at speed instant ${r.run_wall_s.toFixed(1)} s over ${r.run_frames} frames, slowest frame ` +
                `${r.run_slowest_frame_ms.toFixed(0)} ms; wasm memory ${r.heap_mb.toFixed(0)} MB`);
  if (pg.problems.length) console.log('\npage problems: ' + pg.problems.join('; '));
}
