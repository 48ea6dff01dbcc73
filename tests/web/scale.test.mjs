// A big run in the page (issue 12): scale_10k's 10,000 sleeping tasks run to the end, the race
// diagram lays out only the rows in view (rows are scrolled by number), Find's row lookup scrolls
// to a task, and Shift+wheel scrolls rows. No timing thresholds (bench/diagram.mjs measures).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, openPlayground, run, select, setOptions, settled, state, untilFinished } from './playground.mjs';

const showRow = (page, row) => page.evaluate((r) => Module.ccall('asyncrace_show_row', 'number', ['number'], [r]), row);

describe('scale_10k in the page', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('runs to the end; the state lists a bounded part and counts the rest', async () => {
    assert.equal(await select(pg.page, 'scale_10k'), 1);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }), 1);
    assert.equal(await run(pg.page), 1);
    const s = await untilFinished(pg.page, 120000);
    assert.equal(s.error, '');
    assert.equal(s.lanes, 10001, 'main and 10,000 sleepers');
    assert.equal(s.rows, 10001);
    assert.equal(s.finished_count, 10001);
    assert.equal(s.finish_order.length, 1000, 'the state lists the first 1000 finishers only');
    assert.deepEqual(s.lines.map((l) => l.text), ['10000 sleepers, deadlines spread over ten seconds', 'all 10000 woke']);
    assert.deepEqual(pg.problems, []);
  });

  test('showing a row scrolls it into the middle of the view', async () => {
    const before = await settled(pg.page);
    assert.equal(before.first_row, 0);
    assert.equal(await showRow(pg.page, 5000), 1);
    const s = await settled(pg.page);
    assert.ok(s.first_row > 4950 && s.first_row < 5000, `row 5000 is in view (first row ${s.first_row})`);
    assert.equal(await showRow(pg.page, 20000), 0, 'no such row');
    await pg.page.screenshot({ path: await artifactPath('scale-10k-row-5000.png') });
  });

  test('Shift+wheel scrolls rows, the plain wheel still zooms', async () => {
    const s0 = await settled(pg.page);
    const p = s0.diagram_plot;
    await pg.page.mouse.move(p.x + p.w / 2, p.y + 50);
    await pg.page.keyboard.down('Shift');
    await settled(pg.page);
    await pg.page.mouse.wheel(0, 100);  // down: later rows
    await settled(pg.page);
    await pg.page.keyboard.up('Shift');
    const s1 = await settled(pg.page);
    assert.ok(s1.first_row > s0.first_row, `scrolled down (${s0.first_row} -> ${s1.first_row})`);
    assert.equal(s1.axis.px_per_s, s0.axis.px_per_s, 'no zoom with Shift');
    await pg.page.mouse.wheel(0, -100);
    const s2 = await settled(pg.page);
    assert.ok(s2.axis.px_per_s > s1.axis.px_per_s, 'the plain wheel zooms in');
    assert.equal(s2.first_row, s1.first_row);
    assert.deepEqual(pg.problems, []);
  });
});
