// Browser tests of the playground page: node --test tests/web/
// Needs the built site (ASYNCRACE_SITE_DIR, default build/web/site) and Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic } from './server.mjs';
import {
  settled, artifactPath, checkSite, launchBrowser, leafOrder, openPlayground, printedOrder, run, runNineTasks, select, setOptions, state,
  siteDir, untilFinished, viewport,
} from './playground.mjs';

// Seed 000's printed order: CPython's heapq popping nine equal deadlines.
const seedOrder = [10, 12, 30, 32, 22, 31, 21, 11, 20];

describe('playground page', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('loads without errors, fills the window, defaults to nine_tasks_race under cpython-heap', async () => {
    const s = await state(pg.page);
    assert.equal(s.tutorial, 'nine_tasks_race');
    assert.equal(s.options.ties, 'cpython-heap');
    const canvas = await pg.page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, bw: c.width, bh: c.height, dpr: devicePixelRatio,
               iw: innerWidth, ih: innerHeight,
               overlay: getComputedStyle(document.getElementById('overlay')).display };
    });
    assert.deepEqual([canvas.x, canvas.y, canvas.w, canvas.h], [0, 0, canvas.iw, canvas.ih]);
    assert.deepEqual([canvas.iw, canvas.ih], [viewport.width, viewport.height]);
    assert.equal(canvas.bw, Math.floor(canvas.iw * canvas.dpr), 'backing store follows devicePixelRatio');
    assert.equal(canvas.overlay, 'none', 'the loading overlay is gone once the app is ready');
    assert.deepEqual(pg.problems, []);
  });

  test('nine_tasks_race under cpython-heap finishes in the seed order', async () => {
    const s = await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
    assert.equal(s.error, '');
    assert.equal(s.lanes, 13, 'main task, three gathers, nine workers');
    assert.deepEqual(leafOrder(s), seedOrder);
    assert.deepEqual(printedOrder(s), seedOrder);
    assert.ok(s.lines.filter((l) => l.text.startsWith('Work complete')).every((l) => l.t === 1));
    assert.deepEqual(pg.problems, []);
  });

  test('fifo keeps scheduling order', async () => {
    const s = await runNineTasks(pg.page, { ties: 'fifo', speed: 'instant' });
    assert.deepEqual(leafOrder(s), [10, 11, 12, 20, 21, 22, 30, 31, 32]);
  });

  test('jitter: two seeds, two orders, each reproducible', async () => {
    const order = async (seed) => leafOrder(await runNineTasks(pg.page, { ties: 'jitter', seed, jitterUs: 50 }));
    const a = await order(1);
    const b = await order(2);
    assert.notDeepEqual(a, b, 'seeds 1 and 2 give different orders');
    assert.deepEqual(await order(1), a, 'seed 1 again gives the same order');
    assert.deepEqual(await order(2), b, 'seed 2 again gives the same order');
    assert.deepEqual([...a].sort(), [...seedOrder].sort());
  });

  test('bad input is a message in the page, not a crash', async () => {
    assert.equal(await select(pg.page, 'no_such_tutorial'), 0);
    assert.match((await state(pg.page)).message, /no_such_tutorial/);
    assert.equal(await select(pg.page, 'nine_tasks_race'), 1);
    assert.equal(await setOptions(pg.page, { ties: 'jitter', seed: 'banana' }), 0);
    assert.match((await state(pg.page)).problem, /[Ss]eed/);
    assert.equal(await run(pg.page), 0);
    assert.match((await state(pg.page)).message, /[Ss]eed/);
    assert.equal(await setOptions(pg.page, { ties: 'jitter', seed: '1', jitterUs: -5 }), 0);
    assert.notEqual((await state(pg.page)).problem, '');
    assert.equal(await setOptions(pg.page, { ties: 'jitter', seed: '1', jitterUs: 1e300 }), 0);
    assert.equal(await run(pg.page), 0);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', seed: '1', jitterUs: 50 }), 1);
    assert.equal((await state(pg.page)).problem, '');
    assert.deepEqual(pg.problems, []);
  });

  test('clicking Run on the canvas plays the race at 1x; the diagram is saved as an artifact', async () => {
    await select(pg.page, 'nine_tasks_race');
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: '0.25x' }), 1);
    const before = await state(pg.page);
    const b = before.run_button;
    assert.ok(b.w > 0 && b.h > 0, 'the Run button rectangle is exported');
    await pg.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await settled(pg.page);  // the click is handled in the next frame
    // Played in real time (four seconds at 0.25x): every state seen before the playhead reaches
    // t = 1 shows no task finished; at least one such state is seen part-way. No timing threshold.
    let midway = null;
    for (;;) {
      const s = await state(pg.page);
      if (s.finished) break;
      if (s.now > 0 && s.now < 1) {
        assert.equal(s.running, true, 'the click started a run that plays in real time');
        assert.equal(s.finish_order.length, 0, `nothing finishes before t = 1 (now ${s.now})`);
        if (!midway) {
          midway = s;
          await pg.page.screenshot({ path: await artifactPath('race-diagram-playing.png') });
        }
      }
      await pg.page.waitForTimeout(50);
    }
    assert.ok(midway, 'the playhead was seen part-way through the race');
    const s = await untilFinished(pg.page);
    assert.deepEqual(leafOrder(s), seedOrder);
    await settled(pg.page);
    await pg.page.screenshot({ path: await artifactPath('playground.png') });
    const d = s.diagram_panel;
    assert.ok(d.w > 0 && d.h > 0 && s.diagram_plot.w > 0, 'the diagram rectangles are exported');
    await pg.page.screenshot({
      path: await artifactPath('race-diagram.png'), clip: { x: d.x, y: d.y, width: d.w, height: d.h },
    });
    assert.deepEqual(pg.problems, []);
  });

  test('typing into the seed field: a bad seed is a message, Enter with a good one runs', async () => {
    await select(pg.page, 'nine_tasks_race');
    assert.equal(await setOptions(pg.page, { ties: 'jitter', seed: '1', speed: 'instant' }), 1);
    await settled(pg.page);  // so the seed field is enabled and placed
    const f = (await state(pg.page)).seed_field;
    // ImGui 1.86 reads key state once a frame (no input queue before 1.87): hold keys for a few
    // frames, as a person does. Typed characters are queued and need no holding.
    const hold = async (...keys) => {
      for (const k of keys) await pg.page.keyboard.down(k);
      await settled(pg.page);
      for (const k of keys.reverse()) await pg.page.keyboard.up(k);
      await settled(pg.page);
    };
    const typeSeed = async (text) => {
      await pg.page.mouse.click(f.x + f.w / 2, f.y + f.h / 2);
      await hold('Control', 'a');
      await hold('Backspace');
      await pg.page.keyboard.type(text, { delay: 20 });
      await settled(pg.page);
    };
    await typeSeed('12abc');
    let s = await state(pg.page);
    assert.equal(s.options.seed, '12abc');
    assert.match(s.problem, /[Ss]eed/);
    await typeSeed('7');
    await hold('Enter');
    s = await untilFinished(pg.page);
    assert.equal(s.options.seed, '7');
    assert.equal(s.problem, '');
    assert.equal(leafOrder(s).length, 9);
    assert.deepEqual(pg.problems, []);
  });

  test('the diagram zooms around the cursor, pans by dragging, and double-click fits', async () => {
    await runNineTasks(pg.page, { ties: 'jitter', seed: 3, jitterUs: 50, speed: 'instant' });
    await settled(pg.page);
    const fitted = await state(pg.page);
    const p = fitted.diagram_plot;
    const x = Math.round(p.x + p.w * 0.8);  // SDL reports whole pixels
    const y = Math.round(p.y + 60);
    const timeAt = (s, px) => s.axis.t0 + (px - s.diagram_plot.x) / s.axis.px_per_s;
    await pg.page.mouse.move(x, y);
    // 50 notches of x1.25 in all. Two through Chromium's own wheel input; then 48 wheel events
    // dispatched to the canvas at once (the same listener SDL registered): ImGui's SDL backend
    // counts one notch per wheel event, so they all land in the next frame. (Chromium acknowledges
    // a real wheel event only after frames: 50 of them one by one took 20-30 s.)
    for (let i = 0; i < 2; ++i) await pg.page.mouse.wheel(0, -100);
    await settled(pg.page);
    assert.ok((await state(pg.page)).axis.px_per_s > fitted.axis.px_per_s, 'the real wheel zoomed in');
    await pg.page.evaluate(([clientX, clientY]) => {
      const canvas = document.getElementById('canvas');
      for (let i = 0; i < 48; ++i) {
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, deltaMode: WheelEvent.DOM_DELTA_PIXEL, clientX,
                                                       clientY, bubbles: true, cancelable: true }));
      }
    }, [x, y]);
    await settled(pg.page);
    const zoomed = await state(pg.page);
    assert.ok(zoomed.axis.px_per_s > fitted.axis.px_per_s * 1e4, 'zoomed in ten-thousandfold');
    assert.ok(1e-6 * zoomed.axis.px_per_s > 10, 'a microsecond is wider than 10 px');
    // Within half a pixel of the starting zoom: the anchor is where the mouse is.
    assert.ok(Math.abs(timeAt(zoomed, x) - timeAt(fitted, x)) < 0.5 / fitted.axis.px_per_s,
              'the time under the cursor stayed put');
    // Drag 200 px to the right: earlier times come into view.
    await pg.page.mouse.move(x - 300, y);
    await settled(pg.page);
    await pg.page.mouse.down();
    await settled(pg.page);
    for (let i = 1; i <= 4; ++i) {  // a frame after each 50 px step: ImGui polls the mouse once a frame
      await pg.page.mouse.move(x - 300 + 50 * i, y);
      await settled(pg.page);
    }
    await pg.page.mouse.up();
    await settled(pg.page);
    const panned = await state(pg.page);
    assert.equal(panned.axis.px_per_s, zoomed.axis.px_per_s);
    assert.ok(panned.axis.t0 < zoomed.axis.t0, 'dragging right shows earlier times');
    await pg.page.screenshot({ path: await artifactPath('race-diagram-microseconds.png') });
    // A double-click is two clicks in consecutive frames, within ImGui's 0.3 s (ImGui 1.86 polls
    // the mouse once a frame; its SDL backend keeps a click shorter than a frame). A frame slower
    // than that on a loaded machine splits it into two single clicks, so a person would click
    // again: up to three tries.
    let refitted;
    for (let attempt = 0; attempt < 3; ++attempt) {
      await pg.page.mouse.dblclick(x, y, { delay: 40 });
      await settled(pg.page);
      refitted = await state(pg.page);
      if (Math.abs(refitted.axis.px_per_s - fitted.axis.px_per_s) < 1e-6 * fitted.axis.px_per_s) break;
    }
    assert.ok(Math.abs(refitted.axis.px_per_s - fitted.axis.px_per_s) < 1e-6 * fitted.axis.px_per_s);
    assert.deepEqual(pg.problems, []);
  });

  test('the canvas follows the window size', async () => {
    await pg.page.setViewportSize({ width: 1024, height: 700 });
    // The resize reaches the page as an event after setViewportSize returns: until SDL has handled
    // it the page may still report itself idle at the old size. Wait (bounded) for the backing
    // store to follow, then for the frames that lay the new size out.
    await pg.page.waitForFunction(() => document.getElementById('canvas').width === Math.floor(1024 * devicePixelRatio),
      null, { timeout: 10000 }).catch(() => {});
    await settled(pg.page);
    const size = await pg.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return [c.clientWidth, c.clientHeight, c.width, c.height, devicePixelRatio];
    });
    assert.deepEqual(size.slice(0, 2), [1024, 700]);
    assert.equal(size[2], Math.floor(1024 * size[4]));
    const s = await state(pg.page);
    assert.ok(s.diagram_plot.x + s.diagram_plot.w <= 1024, 'the layout fits the new width');
    await pg.page.setViewportSize(viewport);
    assert.deepEqual(pg.problems, []);
  });
});

describe('site under a sub-path', () => {
  let pg;
  before(async () => { pg = await openPlayground({ prefix: '/some/sub/path/' }); });
  after(async () => { await pg?.close(); });

  test('loads and runs from /some/sub/path/', async () => {
    assert.match(pg.url, /\/some\/sub\/path\/$/);
    const s = await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
    assert.deepEqual(leafOrder(s), seedOrder);
    assert.deepEqual(pg.problems, []);
  });
});

describe('share links', () => {
  test('?tutorial=…&ties=jitter&seed=…&speed=instant&run opens and runs that race', async () => {
    const pg = await openPlayground({ query: '?tutorial=nine_tasks_race&ties=jitter&seed=7&jitter=50&speed=instant&run' });
    try {
      const s = await untilFinished(pg.page);
      assert.equal(s.options.ties, 'jitter');
      assert.equal(s.options.seed, '7');
      const again = await runNineTasks(pg.page, { ties: 'jitter', seed: 7, jitterUs: 50 });
      assert.deepEqual(leafOrder(s), leafOrder(again));
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });

  test('a bad link is a message, not a crash', async () => {
    const pg = await openPlayground({ query: '?tutorial=nope&ties=sideways&run' });
    try {
      const s = await state(pg.page);
      assert.match(s.message, /nope/);
      assert.equal(s.tutorial, 'nine_tasks_race');
      assert.equal(s.running || s.finished, false, 'nothing runs from a bad link');
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });
});

describe('a page that cannot start says why', () => {
  let server;
  let browser;
  before(async () => {
    await checkSite();
    server = await serveStatic(siteDir);
    // No service worker: once the first visit has cached the site, it would answer the second
    // visit's request for the missing file from its cache (page.route sees only the page's own).
    browser = await launchBrowser({ serviceWorkers: 'block' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const file of ['asyncrace.wasm', 'asyncrace.js']) {
    test(`missing ${file}: the loading screen turns into an error message`, async () => {
      const page = await browser.context.newPage();
      await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(server.url);
      await page.waitForSelector('#overlay.failed', { timeout: 20000 });
      const text = await page.textContent('#error');
      assert.match(text, new RegExp(file.replace('.', '\\.')));
      await page.close();
    });
  }
});
