// Keyboard, screen readers and preferences: Ctrl/Cmd+Enter runs, Esc stops, '?' lists every
// shortcut, the focus is visible; what prints reaches an aria-live mirror; reduced motion starts
// at speed instant; the theme follows prefers-color-scheme and its toggle, and is remembered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, openPlayground, runNineTasks, select, setOptions, settled, state, untilFinished } from './playground.mjs';

const mirrorLines = (page) => page.$$eval('#console-mirror p', (ps) => ps.map((p) => p.textContent));
const dialogOpen = (page) => page.$eval('#shortcuts', (d) => d.open);

describe('keyboard and screen reader', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('the canvas has a name and a description; the mirror regions are polite live regions', async () => {
    const canvas = pg.page.getByRole('application', { name: /asyncrace playground/ });
    assert.equal(await canvas.count(), 1);
    assert.match(await canvas.getAttribute('aria-describedby'), /canvas-help/);
    assert.equal(await pg.page.$eval('#console-mirror', (e) => e.getAttribute('aria-live')), 'polite');
    assert.equal(await pg.page.$eval('#console-mirror', (e) => e.getAttribute('role')), 'log');
    assert.equal(await pg.page.$eval('#finish-mirror', (e) => e.getAttribute('aria-live')), 'polite');
    assert.equal(await pg.page.evaluate(() => document.activeElement.id), 'canvas', 'the canvas has the keys');
  });

  test('Ctrl+Enter runs, Esc stops where the run is; the mirror says so', async () => {
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: '0.25x' }), 1);
    await pg.page.keyboard.press('Control+Enter');
    let s = await settled(pg.page);
    assert.equal(s.running, true, 'Ctrl+Enter started a run');
    await pg.page.keyboard.press('Escape');
    s = await settled(pg.page);
    assert.equal(s.running, false);
    assert.equal(s.stopped, true);
    assert.ok(s.now < 1, `stopped before the race ended (t = ${s.now})`);
    assert.match(await pg.page.$eval('#finish-mirror', (e) => e.textContent), /^Stopped at /);
    await pg.page.keyboard.press('Escape');  // nothing playing: Esc does nothing, and no harm
    assert.equal((await settled(pg.page)).stopped, true);
  });

  test('what prints reaches the mirror, line for line, then the finish order', async () => {
    const s = await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
    await settled(pg.page);
    assert.deepEqual(await mirrorLines(pg.page), s.lines.map((l) => l.text));
    assert.equal(await pg.page.$eval('#mirror-heading', (e) => e.textContent), 'Console of nine_tasks_race');
    assert.equal(await pg.page.$eval('#finish-mirror', (e) => e.textContent),
                 'Finished at 1 s. Finish order: 10, 12, 30, 32, 22, 31, 21, 11, 20.');
  });

  test("'?' lists every shortcut in a dialog; Esc closes it and the canvas has the keys again", async () => {
    await pg.page.keyboard.press('?');
    assert.equal(await dialogOpen(pg.page), true);
    const rows = await pg.page.$$eval('#shortcut-list tr', (trs) => trs.map((tr) => tr.textContent));
    const listed = await pg.page.evaluate(() => asyncraceKeys.list().map((s) => s.keys + s.label));
    assert.deepEqual(rows, listed);
    assert.deepEqual(rows, ['Ctrl+EnterRun the tutorial (again)', 'EscStop the run where it is', '?Show these shortcuts',
                            'lShow or hide the Event loop view', 'SpaceEvent loop: pause / resume',
                            '\u2190Event loop: back one pop or callback', '\u2192Event loop: one pop or callback',
                            'Shift+\u2190Event loop: back one loop iteration', 'Shift+\u2192Event loop: one loop iteration',
                            ',Event loop: to the previous printed line', '.Event loop: to the next printed line']);
    await pg.page.screenshot({ path: await artifactPath('shortcuts.png') });
    await pg.page.keyboard.press('Escape');
    assert.equal(await dialogOpen(pg.page), false);
    assert.equal(await pg.page.evaluate(() => document.activeElement.id), 'canvas');
    // The toolbar's "?" button opens the same dialog.
    const b = (await state(pg.page)).shortcuts_button;
    await pg.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await settled(pg.page);
    assert.equal(await dialogOpen(pg.page), true);
    await pg.page.keyboard.press('Escape');
  });

  test("'?' typed into a text field stays in the field", async () => {
    assert.equal(await setOptions(pg.page, { ties: 'jitter', seed: '1', speed: 'instant' }), 1);
    const f = (await settled(pg.page)).seed_field;
    await pg.page.mouse.click(f.x + f.w / 2, f.y + f.h / 2);
    await settled(pg.page);
    await pg.page.keyboard.press('?');
    await settled(pg.page);
    assert.equal(await dialogOpen(pg.page), false, 'the seed field took the key');
    assert.equal((await state(pg.page)).options.seed, '1?');
    // Leave the field: Esc (no run to stop) held for a frame, as ImGui 1.86 reads key state per frame.
    await pg.page.keyboard.down('Escape');
    await settled(pg.page);
    await pg.page.keyboard.up('Escape');
    await settled(pg.page);
  });

  test('Tab reaches the page controls; focus is visible on them', async () => {
    // No canvas text field may hold the keys (there Tab moves between fields): a click on the
    // toolbar's name, which is no control, leaves any field.
    await pg.page.mouse.click(20, 20);
    await settled(pg.page);
    await pg.page.focus('#canvas');
    await pg.page.keyboard.press('Tab');
    const focused = await pg.page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      return { text: e.textContent, w: r.width, h: r.height, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.match(focused.text, /^Run/);
    await pg.page.keyboard.press('Tab');
    assert.match(await pg.page.evaluate(() => document.activeElement.textContent), /^Stop/, 'Tab goes on');
    await pg.page.keyboard.press('Shift+Tab');
    assert.ok(focused.w > 40 && focused.h > 10, 'the focused control is on screen: ' + JSON.stringify(focused));
    assert.equal(focused.outline, 'solid');
    assert.ok(focused.width >= 2);
    await pg.page.screenshot({ path: await artifactPath('focus-controls.png') });
    await pg.page.keyboard.press('Enter');  // the focused Run button runs
    assert.notEqual((await settled(pg.page)).lanes, 0);
    await untilFinished(pg.page);
    await pg.page.focus('#canvas');
  });
});

describe('preferences', () => {
  test('prefers-reduced-motion starts at speed instant; a link that names a speed keeps it', async () => {
    for (const [query, speed] of [['', 'instant'], ['?speed=1x', '1x']]) {
      const pg = await openPlayground({ query, browser: { reducedMotion: 'reduce' } });
      try {
        assert.equal((await state(pg.page)).options.speed, speed);
      } finally {
        await pg.close();
      }
    }
  });

  test('the theme follows prefers-color-scheme, the toolbar toggles it, and the choice is kept', async () => {
    const pg = await openPlayground({ browser: { colorScheme: 'light' } });
    try {
      let s = await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
      assert.equal(s.theme, 'light');
      assert.equal(await pg.page.evaluate(() => document.documentElement.dataset.theme), 'light');
      await settled(pg.page);
      await pg.page.screenshot({ path: await artifactPath('theme-light.png') });
      const b = (await state(pg.page)).theme_button;
      await pg.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
      s = await settled(pg.page);
      assert.equal(s.theme, 'dark');
      assert.equal(await pg.page.evaluate(() => localStorage.getItem('asyncrace-theme')), 'dark');
      await pg.page.screenshot({ path: await artifactPath('theme-dark.png') });
      const ready = pg.page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready' });
      await pg.page.reload();
      await ready;
      assert.equal((await state(pg.page)).theme, 'dark', 'the choice outlives a reload (system: light)');
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });
});
