// Code and picture tied together (issue 10 item 4), with real mouse events: while nine_tasks_race
// plays, the editor tints the lines where tasks are suspended at the playhead; hovering a lane
// tints its task's line; a click on a line marks the lanes of the tasks running its function.
// Every expected line number is found in the tutorial's .py, never typed here. Screenshots (wide
// and phone) go to the artifacts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { artifactPath, openPlayground, select, setOptions, settled, state, until } from './playground.mjs';

const py = readFileSync(new URL('../../src/tutorials/seed000/nine_tasks_race.py', import.meta.url), 'utf8');
const lineOf = (text) => py.split('\n').findIndex((l) => l.includes(text)) + 1;
const sleepLine = lineOf('await asyncio.sleep(1)');
const groupLine = lineOf('await asyncio.gather(do_some_work(num)');
const outerLine = lineOf('await asyncio.gather(do_a_lot_of_work_in_parallel(num)');

const editorShown = (page) =>
  page.waitForFunction(() => window.asyncraceEditor && !document.getElementById('editor-pane').hidden &&
                             document.querySelector('#editor-host .cm-content'), null, { timeout: 30000 });
const tinted = (page, attr) => page.$$eval(`#editor-host [${attr}]`, (els, a) => els.map((e) => Number(e.getAttribute(a))), attr);


// While the run plays at 0.25x: the newest recorded iteration is the one at the playhead, and its
// chains are what its batch left (the loop's delta since its snapshot), not what it began with:
// the nine workers show asleep at their line from the first frame, not "not yet started".
describe('nine_tasks_race playing at 0.25x', () => {
  test('mid-race the editor tints the workers\' sleep line and both gathers, frame after frame', async () => {
    const pg = await openPlayground();
    try {
      await editorShown(pg.page);
      const { page } = pg;
      assert.equal(await select(page, 'nine_tasks_race'), 1);
      assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: '0.25x' }));
      await page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], []));
      const expected = [sleepLine, groupLine, outerLine].sort((a, b) => a - b);
      let seen = 0;
      await until(page, (s) => {
        if (!s.running || s.now <= 0.05 || s.now >= 0.9) return false;
        assert.deepEqual(s.code_links.suspended, expected, `at ${s.now} s`);
        return ++seen >= 5;
      }, 'five looks mid-race', 30000);
      await page.waitForFunction((n) => document.querySelectorAll('#editor-host [data-suspended-line]').length === n, expected.length);
      assert.deepEqual((await tinted(page, 'data-suspended-line')).sort((a, b) => a - b), expected);
      assert.ok((await state(page)).running, 'still playing');
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });
});

// The playhead mid-race, at 0.5 s: the run is recorded to its end (speed instant), then the
// playhead is put back (the same call as a drag on the time axis).
describe('nine_tasks_race, the playhead mid-race', () => {
  let pg;
  before(async () => {
    pg = await openPlayground();
    await editorShown(pg.page);
    assert.ok(sleepLine > 0 && groupLine > 0 && outerLine > 0, 'the lines are in the tutorial');
    assert.equal(await select(pg.page, 'nine_tasks_race'), 1);
    assert.ok(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }));
    await pg.page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], []));
    await until(pg.page, (s) => s.finished, 'the run to finish');
    await pg.page.evaluate(() => Module.ccall('asyncrace_scrub', null, ['number'], [0.5]));
    await until(pg.page, (s) => s.paused && Math.abs(s.now - 0.5) < 0.6, 'the playhead at 0.5 s');
  });
  after(async () => { await pg?.close(); });

  test('the editor tints the line where each task is suspended at the playhead', async () => {
    const { page } = pg;
    const expected = [sleepLine, groupLine, outerLine].sort((a, b) => a - b);
    const s = await until(page, (x) => x.code_links.suspended.length === 3, 'three suspended lines');
    assert.deepEqual(s.code_links.suspended, expected);
    await page.waitForFunction((n) => document.querySelectorAll('#editor-host [data-suspended-line]').length === n, expected.length);
    assert.deepEqual((await tinted(page, 'data-suspended-line')).sort((a, b) => a - b), expected);
  });

  test('hovering a worker\'s lane tints its line; the group\'s lane tints the gather line', async () => {
    const { page } = pg;
    const s = await state(page);
    const rows = s.code_links.task_rows;
    assert.ok(rows.length >= 3, 'main, a group and its workers drawn');
    const row = rows.find((r) => r.coro === 'do_some_work');
    await page.mouse.move(row.x + row.w * 0.6, row.y + row.h / 2);
    const hovered = await until(page, (x) => x.code_links.hover_task === row.task && x.code_links.hovered.length > 0,
                                'the hovered lane\'s line');
    assert.deepEqual(hovered.code_links.hovered, [sleepLine]);
    await page.waitForFunction((n) => document.querySelector(`#editor-host [data-hovered-line="${n}"]`), sleepLine);
    await page.screenshot({ path: await artifactPath('code-links-hover.png') });
    const group = rows.find((r) => r.coro === 'do_a_lot_of_work_in_parallel');
    await page.mouse.move(group.x + group.w * 0.6, group.y + group.h / 2);
    const onGroup = await until(page, (x) => x.code_links.hover_task === group.task && x.code_links.hovered.length > 0,
                                'the group lane\'s line');
    assert.deepEqual(onGroup.code_links.hovered, [groupLine]);
  });

  test('clicking a line of do_some_work marks the lanes of the nine workers', async () => {
    const { page } = pg;
    await page.mouse.move(5, 5);
    const lineBox = await page.locator('#editor-host .cm-line').nth(sleepLine - 1).boundingBox();
    await page.mouse.click(lineBox.x + 30, lineBox.y + lineBox.height / 2);
    const s = await until(page, (x) => x.code_links.function === 'do_some_work', 'the clicked line\'s function');
    assert.equal(s.code_links.cursor_line, sleepLine);
    assert.equal(s.code_links.lanes.length, 9);
    const marked = s.code_links.task_rows.filter((r) => s.code_links.lanes.includes(r.task));
    assert.ok(marked.length > 0, 'marked lanes are drawn');
    assert.ok(marked.every((r) => r.coro === 'do_some_work'), 'only the workers\' lanes are marked');
    await settled(page);
    await page.screenshot({ path: await artifactPath('code-links-click.png') });
    // A module-level line names no function: no lane is marked.
    const last = await page.locator('#editor-host .cm-line').nth(lineOf('await do_a_lot_alot_of_work_in_parallel(10)') - 1).boundingBox();
    await page.mouse.click(last.x + 30, last.y + last.height / 2);
    const none = await until(page, (x) => x.code_links.function === '', 'the module-level line');
    assert.deepEqual(none.code_links.lanes, []);
    assert.deepEqual(pg.problems, []);
  });
});

describe('a phone', () => {
  test('the Code tab shows the suspended lines mid-race', async () => {
    const pg = await openPlayground({ browser: { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    try {
      await editorShown(pg.page).catch(() => {});
      assert.equal(await select(pg.page, 'nine_tasks_race'), 1);
      assert.ok(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }));
      await pg.page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], []));
      await until(pg.page, (s) => s.finished, 'the run to finish');
      await pg.page.evaluate(() => Module.ccall('asyncrace_scrub', null, ['number'], [0.5]));
      await pg.page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['code']));
      await until(pg.page, (s) => s.code_links.suspended.length === 3, 'mid-race on a phone');
      await pg.page.waitForFunction(() => document.querySelectorAll('#editor-host [data-suspended-line]').length === 3);
      await pg.page.screenshot({ path: await artifactPath('code-links-phone.png') });
    } finally {
      await pg.close();
    }
  });
});
