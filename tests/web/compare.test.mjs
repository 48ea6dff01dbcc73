// Compare mode in the page: a share link with compare=<slug> runs two tutorials side by side on one
// clock and one time axis. node --test tests/web/compare.test.mjs (needs the built site).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { settled, artifactPath, openPlayground, run, select, setOptions, state } from './playground.mjs';

const setCompare = (page, slug) =>
  page.evaluate((s) => Module.ccall('asyncrace_set_compare', 'number', ['string'], [s]), slug);

async function untilBothFinished(page, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await state(page);
    if (s.finished && s.compare?.finished) return s;
    if (Date.now() > deadline) throw new Error('runs did not finish: ' + JSON.stringify(s).slice(0, 600));
    await page.waitForTimeout(50);
  }
}

describe('compare mode', () => {
  let pg;
  before(async () => {
    pg = await openPlayground({ query: '?tutorial=sequential_await&compare=gather_three&speed=instant&run' });
  });
  after(async () => { await pg?.close(); });

  test('a share link races sequential_await (3 s) against gather_three (1 s) on one axis', async () => {
    const s = await untilBothFinished(pg.page);
    assert.equal(s.tutorial, 'sequential_await');
    assert.equal(s.message, '');
    assert.equal(s.compare.tutorial, 'gather_three');
    assert.equal(s.error, '');
    assert.equal(s.compare.error, '');
    assert.equal(s.end.toFixed(1), '3.0');
    assert.equal(s.compare.end.toFixed(1), '1.0');
    assert.equal(s.now.toFixed(1), '3.0', 'one clock: it rests on the later end');
    assert.equal(s.compare.lines.filter((l) => l.text.startsWith('Work complete')).length, 3);
    assert.ok(s.compare.lines.filter((l) => l.text.startsWith('Work complete')).every((l) => l.t === 1));
    // Two stacked diagrams, plots aligned: same left edge and width (one shared time scale).
    await settled(pg.page, 3);
    const t = await state(pg.page);
    const [a, b] = [t.diagram_plot, t.compare.plot];
    assert.ok(a.w > 100 && a.h > 20 && b.h > 20, JSON.stringify({ a, b }));
    assert.equal(a.x, b.x);
    assert.equal(a.w, b.w);
    assert.ok(b.y >= a.y + a.h, 'the compared diagram is below the main one');
    // The axis fits the longer run: 3 s fill the plot (less the right margin), 1 s is a third.
    const px3 = 3 * t.axis.px_per_s;
    assert.ok(px3 <= a.w && px3 > 0.8 * a.w, JSON.stringify(t.axis));
    await pg.page.screenshot({ path: await artifactPath('compare.png') });
    const d = t.diagram_panel;
    await pg.page.screenshot({ path: await artifactPath('compare-diagram.png'),
                               clip: { x: d.x, y: d.y, width: d.w, height: d.h } });
    assert.deepEqual(pg.problems, []);
  });

  test('zooming one diagram zooms both (one axis)', async () => {
    const before = await state(pg.page);
    const b = before.compare.plot;
    await pg.page.mouse.move(b.x + b.w / 3, b.y + b.h / 2);
    await pg.page.mouse.wheel(0, -120);
    await settled(pg.page, 3);
    const after = await state(pg.page);
    assert.ok(after.axis.px_per_s > before.axis.px_per_s, 'the wheel over the lower diagram zoomed the axis');
    assert.equal(after.diagram_plot.w, after.compare.plot.w);
    // A double-click on the upper diagram fits the shared axis again (ImGui 1.86 polls the mouse
    // once a frame: as in playground.test.mjs, up to three tries on a loaded machine).
    const a = after.diagram_plot;
    let refitted;
    for (let attempt = 0; attempt < 3; ++attempt) {
      await pg.page.mouse.dblclick(a.x + a.w / 2, a.y + a.h / 2, { delay: 40 });
      await settled(pg.page);
      refitted = await state(pg.page);
      if (Math.abs(refitted.axis.px_per_s - before.axis.px_per_s) < 1e-6 * before.axis.px_per_s) break;
    }
    assert.ok(Math.abs(refitted.axis.px_per_s - before.axis.px_per_s) < 1e-6 * before.axis.px_per_s,
              'double-click fits both again');
  });

  test('the exported setter: unknown slug is a message, none ends compare mode', async () => {
    assert.equal(await setCompare(pg.page, 'no_such_tutorial'), 0);
    assert.match((await state(pg.page)).message, /no_such_tutorial/);
    assert.equal(await setCompare(pg.page, ''), 1);
    assert.equal((await state(pg.page)).compare, null);
    assert.equal(await setCompare(pg.page, 'gather_three'), 1);
    await setOptions(pg.page, { speed: 'instant' });
    assert.equal(await run(pg.page), 1);
    const s = await untilBothFinished(pg.page);
    assert.equal(s.compare.end.toFixed(1), '1.0');
    assert.equal(await select(pg.page, 'gather_three'), 1);
    assert.equal((await state(pg.page)).compare, null, 'a tutorial is never compared with itself');
    assert.deepEqual(pg.problems, []);
  });

  test('an unknown compare slug in a share link is a clear message, not a crash', async () => {
    const other = await openPlayground({ query: '?tutorial=sequential_await&compare=no_such_tutorial&run' });
    try {
      const s = await state(other.page);
      assert.match(s.message, /no tutorial called "no_such_tutorial" to compare with/);
      assert.equal(s.compare, null);
      assert.deepEqual(other.problems, []);
    } finally {
      await other.close();
    }
  });
});
