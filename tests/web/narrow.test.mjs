// A phone: 390x844 with touch. One column with tabs (Code, Race, Console, Notes), nothing past
// the right edge, taps press buttons, one finger drags the race diagram, two fingers pinch it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, openPlayground, settled, state, untilFinished } from './playground.mjs';

const phone = { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const center = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const inside = (r) => r.w > 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= 390 && r.y + r.h <= 844;

describe('narrow screen with touch', () => {
  let pg;
  let cdp;
  // Real touch events (Chromium's input pipeline), one frame apart: ImGui 1.86 reads the mouse
  // SDL makes of the first finger once a frame.
  const touch = async (type, points) => {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    await settled(pg.page);
  };
  const tap = async (r) => {
    const { x, y } = center(r);
    await touch('touchStart', [[x, y]]);
    await touch('touchEnd', []);
  };

  before(async () => {
    pg = await openPlayground({ browser: phone });
    cdp = await pg.context.newCDPSession(pg.page);
  });
  after(async () => { await pg?.close(); });

  test('one column: the toolbar wraps inside the width, tabs below it, nothing overflows', async () => {
    const s = await settled(pg.page);
    assert.equal(s.layout, 'narrow');
    assert.equal(s.tab, 'race');
    const page = await pg.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, canvas: canvas.clientWidth }));
    assert.deepEqual(page, { scroll: 390, canvas: 390 });
    for (const name of ['run_button', 'theme_button', 'shortcuts_button', 'tab_code', 'tab_race', 'tab_console', 'tab_notes'])
      assert.ok(inside(s[name]), `${name} is on screen: ${JSON.stringify(s[name])}`);
    assert.ok(s.tab_race.y > s.run_button.y, 'the tabs are below the toolbar');
    assert.ok(inside(s.diagram_panel), 'the race diagram fills the column: ' + JSON.stringify(s.diagram_panel));
  });

  test('a tap on Run runs; each tab shows its panels (screenshots)', async () => {
    await pg.page.evaluate(() => Module.ccall('asyncrace_set_options', 'number', ['string', 'string', 'number', 'string'],
                                              ['cpython-heap', '1', 50, 'instant']));
    await tap((await settled(pg.page)).run_button);
    const done = await untilFinished(pg.page);
    assert.equal(done.lines.length, 18);
    for (const tab of ['code', 'console', 'notes', 'race']) {
      await tap((await state(pg.page))['tab_' + tab]);
      const s = await settled(pg.page);
      assert.equal(s.tab, tab, `a tap on the ${tab} tab shows it`);
      await pg.page.screenshot({ path: await artifactPath(`narrow-${tab}.png`) });
    }
  });

  test('the race diagram zooms with two fingers and pans with one', async () => {
    let s = await settled(pg.page);
    const plot = s.diagram_plot;
    assert.ok(inside(plot), 'the plot is on screen: ' + JSON.stringify(plot));
    const y = plot.y + plot.h / 2;
    const x = plot.x + plot.w * 0.3;  // about t = 0.3 s
    const fitted = s.axis;
    await touch('touchStart', [[x - 20, y], [x + 20, y]]);
    for (const d of [30, 45, 60]) await touch('touchMove', [[x - d, y], [x + d, y]]);
    await touch('touchEnd', []);
    s = await state(pg.page);
    assert.ok(s.axis.px_per_s > fitted.px_per_s * 2.5, `spreading two fingers zooms in: ${fitted.px_per_s} -> ${s.axis.px_per_s}`);
    const t = (px, axis) => axis.t0 + (px - plot.x) / axis.px_per_s;
    assert.ok(Math.abs(t(x, s.axis) - t(x, fitted)) < 0.02, 'the time between the fingers stays under them');
    await pg.page.screenshot({ path: await artifactPath('narrow-race-zoomed.png') });
    const zoomed = s.axis;
    await touch('touchStart', [[x, y]]);
    for (const dx of [10, 30, 50, 70]) await touch('touchMove', [[x - dx, y]]);
    await touch('touchEnd', []);
    s = await state(pg.page);
    assert.ok(s.axis.t0 > zoomed.t0, `dragging left shows later times: ${zoomed.t0} -> ${s.axis.t0}`);
    assert.equal(s.axis.px_per_s, zoomed.px_per_s, 'a drag does not zoom');
    assert.deepEqual(pg.problems, []);
  });
});
