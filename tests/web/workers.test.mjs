// Real executors in the page: Web Workers as the thread and process pool, served by a plain
// static server (no SharedArrayBuffer, no special headers). processpool_cpu_bound runs its 30
// cpu_bound calls on 2 workers: the results are CPython's, and the two workers' job intervals
// overlap (real parallelism; no timing threshold). The fault drills: a job that raises, a worker
// that dies, a job that hangs until wait_for gives up; and no worker outlives its page. The
// workers run the page's own module (no second wasm is fetched).
// node --test tests/web/workers.test.mjs (needs the built site).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { settled, artifactPath, openPlayground, run, select, setOptions, state, untilFinished } from './playground.mjs';

const repo = resolve(import.meta.dirname, '..', '..');

const setExecutor = (page, mode, workers) =>
  page.evaluate(([m, n]) => Module.ccall('asyncrace_set_executor', 'number', ['string', 'number'], [m, n]),
                [mode, workers]);

// The seed's 30 results, from CPython's golden transcript.
async function goldenResults() {
  const lines = (await readFile(resolve(repo, 'tests/golden/processpool_cpu_bound.jsonl'), 'utf8'))
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const printed = lines.find((r) => r.text?.startsWith('processpool elapsed'));
  return printed.text.slice(printed.text.indexOf('results:') + 'results:'.length).trim();
}

async function drill(page, kind, timeoutMs = 60000) {
  assert.equal(await page.evaluate((k) => Module.ccall('asyncrace_pool_drill', 'number', ['string'], [k]), kind), 1);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate(() => JSON.parse(Module.ccall('asyncrace_pool_drill_step', 'string', [], [])));
    if (s.finished) return s;
    if (Date.now() > deadline) throw new Error(`drill ${kind} did not finish`);
    await page.waitForTimeout(20);
  }
}

describe('Web Worker pool', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('processpool_cpu_bound on 2 Web Workers: CPython\'s 30 results, the workers\' jobs overlap', async () => {
    const s0 = await state(pg.page);
    assert.equal(s0.workers.available, true);
    assert.equal(s0.workers.cross_origin_isolated, false);  // a plain static server: no special headers
    // The workers run the page's own module: they load asyncrace.js and are handed the page's
    // compiled asyncrace.wasm, which nobody fetches again.
    const fetched = [];
    const onRequest = (r) => fetched.push(new URL(r.url()).pathname);
    pg.page.on('request', onRequest);
    assert.equal(await select(pg.page, 'processpool_cpu_bound'), 1);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: '1x' }), 1);
    assert.equal(await setExecutor(pg.page, 'real', 2), 1);
    assert.equal(await run(pg.page), 1);
    const s = await untilFinished(pg.page, 120000);
    await settled(pg.page, 3);
    const f = await state(pg.page);
    assert.equal(f.error, '');
    assert.equal(f.options.executor, 'real');
    assert.equal(f.options.workers, 2);
    const printed = s.lines.find((l) => l.text.startsWith('processpool elapsed'));
    assert.ok(printed, JSON.stringify(s.lines));
    assert.equal(printed.text.slice(printed.text.indexOf('results:') + 8).trim(), await goldenResults());

    // Two lanes, 30 jobs between them, and an interval of one worker overlapping one of the other.
    assert.deepEqual(f.pool_lanes.map((l) => l.worker), [0, 1], JSON.stringify(f.pool_lanes));
    assert.equal(f.pool_lanes.reduce((n, l) => n + l.jobs, 0), 30);
    const [a, b] = f.pool_lanes.map((l) => l.intervals);
    const overlap = a.some(([, s1, e1]) => b.some(([, s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
    assert.ok(overlap, JSON.stringify(f.pool_lanes));
    for (const l of f.pool_lanes)
      for (const [queued, start, end] of l.intervals) assert.ok(queued <= start && start <= end, JSON.stringify(l));
    assert.ok(pg.page.workers().length >= 2, `${pg.page.workers().length} workers`);
    assert.equal(f.workers.started, 2);
    pg.page.off('request', onRequest);
    assert.equal(fetched.filter((p) => p === '/asyncrace_worker.js').length, 2, fetched.join(' '));
    assert.deepEqual(fetched.filter((p) => p.endsWith('.wasm')), [], fetched.join(' '));

    const d = f.diagram_panel;
    await pg.page.screenshot({ path: await artifactPath('web-workers.png'),
                               clip: { x: d.x, y: d.y, width: d.w, height: d.h } });
    await pg.page.screenshot({ path: await artifactPath('web-workers-page.png') });
  });

  test('virtual workers again: the golden transcript, times included', async () => {
    assert.equal(await setExecutor(pg.page, 'virtual', 2), 1);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }), 1);
    assert.equal(await run(pg.page), 1);
    const s = await untilFinished(pg.page);
    const printed = s.lines.find((l) => l.text.startsWith('processpool elapsed'));
    assert.ok(printed.text.startsWith('processpool elapsed 0.58'), printed.text);
  });

  test('a job that raises: its exception reaches the awaiter, the pool goes on', async () => {
    const s = await drill(pg.page, 'raises');
    assert.equal(s.result, 'ValueError: bad input 7 | then 42');
  });

  test('a worker that dies: BrokenProcessPool, a fresh worker takes its place, the pool goes on', async () => {
    const before = (await state(pg.page)).workers.replaced;
    const s = await drill(pg.page, 'dies');
    assert.match(s.result, /^BrokenProcessPool: A process in the process pool was terminated abruptly.* \| then 42$/);
    assert.equal(s.replaced, before + 1);
  });

  test('a job that hangs: wait_for gives up, the worker is terminated and replaced', async () => {
    const before = (await state(pg.page)).workers.replaced;
    const s = await drill(pg.page, 'hangs');
    assert.equal(s.result, 'TimeoutError | then 42');
    assert.equal(s.replaced, before + 1);
    assert.deepEqual(pg.problems, []);
  });

  test('bad pool sizes are refused with a message, nothing lost', async () => {
    assert.equal(await setExecutor(pg.page, 'real', 0), 0);
    let s = await state(pg.page);
    assert.match(s.message, /at least 1/);
    assert.equal(s.options.workers, 2);
    assert.equal(await setExecutor(pg.page, 'real', 100000), 0);
    s = await state(pg.page);
    assert.match(s.message, /between 1 and 256/);
    assert.equal(s.options.executor, 'virtual');
  });

  test('reloading the page leaves no worker behind', async () => {
    assert.equal(await setExecutor(pg.page, 'real', 2), 1);
    await settled(pg.page, 2);
    const workers = pg.page.workers();
    assert.ok(workers.length >= 2);
    const closed = workers.map((w) => new Promise((done) => w.on('close', done)));
    const ready = pg.page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready', timeout: 60000 });
    await pg.page.reload();
    await ready;
    await Promise.all(closed);
    assert.equal(pg.page.workers().length, 0);  // virtual mode: none started
  });

  test('a share link chooses real workers and their number; a bad one says what is wrong', async () => {
    const open = async (query) => {
      const ready = pg.page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready', timeout: 60000 });
      await pg.page.goto(pg.url + query);
      await ready;
    };
    await open('?tutorial=processpool_cpu_bound&executor=real&workers=1&speed=instant&run');
    const s = await untilFinished(pg.page, 120000);
    await settled(pg.page, 3);
    const f = await state(pg.page);
    assert.equal(f.error, '');
    assert.equal(f.options.workers, 1);
    assert.deepEqual(f.pool_lanes.map((l) => l.worker), [0]);
    assert.equal(f.pool_lanes[0].jobs, 30);
    assert.ok(s.lines.some((l) => l.text.startsWith('processpool elapsed')));

    await open('?tutorial=processpool_cpu_bound&executor=sometimes&workers=x');
    const b = await state(pg.page);
    assert.match(b.message, /Unknown executor "sometimes"/);
    assert.equal(b.options.executor, 'virtual');
    assert.deepEqual(pg.problems, []);
  });
});
