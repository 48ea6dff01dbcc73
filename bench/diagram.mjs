// The race diagram at scale (issue 12), as wasm in Debian's headless Chromium, through the page's
// automation API: for the scale tutorials (10^4, 10^5, 10^6 sleeping tasks, C++ twins) and the same
// program typed into the editor (py1k … py100k: 10^3 to 10^5 tasks on the interpreter) it runs each
// at speed instant and then measures how long building one frame takes (ImGui calls, no GL: the
// state's build_ms, and diagram_ms for the race diagram's part) at several zooms and scroll
// positions. Not a test: nothing is checked against a time; the target is 4 ms for the diagram at
// 10^6 tasks, against the 16.7 ms of a 60 Hz frame.
//
//   node bench/diagram.mjs [--sizes py1k,py10k,py100k,10k,100k,1m] [--samples K] [--json]
//   (the wasm memory never shrinks: a size's figure is the largest so far in the run)
//
// Each position is drawn K times (default 9; a 1-pixel mouse move wakes the page, which then
// draws its settling frames); the median and the largest of the last frames' times are reported.
// Also: the run's wall time and frames at speed instant (the run plays within a frame budget, so
// the page stays responsive while it runs), the slowest frame while it ran, and the wasm memory.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { openPlayground, run, select, setOptions, settled, state } from '../tests/web/playground.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const sizes = opt('--sizes', 'py1k,py10k,py100k,10k,100k,1m').split(',');
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

// A size named py<size> is a typed program: scale_10k.py's source with N tasks, put into the
// editor as "Your program", so the interpreter runs it (and 10^3, which has no tutorial of its own).
const counts = { '1k': 1000, '10k': 10000, '100k': 100000, '1m': 1000000 };
const scaleSource = readFileSync(resolve(import.meta.dirname, '../src/tutorials/scale/scale_10k.py'), 'utf8');
async function typeProgram(page, size) {
  const n = counts[size];
  if (!n) throw new Error(`no size ${size} (sizes: ${Object.keys(counts).join(', ')})`);
  if (!scaleSource.includes('N = 10_000')) throw new Error('scale_10k.py no longer sets N = 10_000');
  if (!(await select(page, 'your_program'))) throw new Error('no "Your program"');
  const text = scaleSource.replace('N = 10_000', `N = ${n}`);
  await settled(page);  // the selection's text has reached the editor
  const took = await page.evaluate((t) => {
    const v = window.asyncraceEditor.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
    return window.asyncraceEditor.text();
  }, text);
  if (took !== text) throw new Error('the editor did not take the program');
  await settled(page);
}

async function measure(page, size) {
  const typed = size.startsWith('py');
  const slug = typed ? `typed_${size.slice(2)}` : `scale_${size}`;
  if (typed) await typeProgram(page, size.slice(2));
  else if (!(await select(page, slug))) throw new Error(`no tutorial ${slug}`);
  if (!(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }))) throw new Error('options rejected');
  const f0 = (await state(page)).frames;
  const t0 = performance.now();
  if (!(await run(page))) throw new Error('run refused: ' + (await state(page)).message);
  let s;
  for (;;) {
    await page.waitForTimeout(200);
    s = await state(page);
    if (s.finished) break;
    if (performance.now() - t0 > 900000) throw new Error(`${slug} did not finish in 15 minutes`);
  }
  const runWall = (performance.now() - t0) / 1000;
  const runFrames = s.frames - f0;
  const slowest = s.slowest_run_frame_ms;  // every frame of the run, not only those sampled
  if (s.error) throw new Error(`${slug} failed: ${s.error}`);
  if (typed && !s.lines.some((l) => l.text === `all ${counts[size.slice(2)]} woke`))
    throw new Error(`${slug} did not print "all ${counts[size.slice(2)]} woke": ${JSON.stringify(s.lines).slice(0, 300)}`);
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
  console.log(`\n| run | tasks | position | diagram, median (max) | whole frame, median (max) |\n|---|---:|---|---:|---:|`);
  for (const r of results)
    for (const p of r.positions)
      console.log(`| ${r.slug} | ${r.lanes - 1} | ${p.name} | ${p.diagram_median.toFixed(2)} ms (${p.diagram_max.toFixed(2)}) | ` +
                  `${p.build_median.toFixed(2)} ms (${p.build_max.toFixed(2)}) |`);
  console.log('');
  for (const r of results)
    console.log(`${r.slug}: run at speed instant ${r.run_wall_s.toFixed(1)} s over ${r.run_frames} frames, slowest frame ` +
                `${r.run_slowest_frame_ms.toFixed(0)} ms; wasm memory ${r.heap_mb.toFixed(0)} MB`);
  if (pg.problems.length) console.log('\npage problems: ' + pg.problems.join('; '));
}
