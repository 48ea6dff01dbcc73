// A tab that never freezes (issue 10 item 5): the interpreter runs in slices between frames
// (run_options::step_slice), so a program that computes leaves the page drawing and answering
// real keys, Esc stops it at once, and the step cap's message still ends a runaway loop. Counts
// frames drawn while the program computes (an unsliced run computes inside one frame) and the
// longest gap between the browser's animation frames.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, pasteIntoEditor, select, setOptions, settled, state, untilFinished, until } from './playground.mjs';

const editorShown = (page) =>
  page.waitForFunction(() => window.asyncraceEditor && !document.getElementById('editor-pane').hidden &&
                             document.querySelector('#editor-host .cm-content'), null, { timeout: 30000 });

async function paste(page, text) {
  assert.equal(await pasteIntoEditor(page, text), text);
}

// Records the browser's animation frames from now on (their times, in the page).
const watchFrames = (page) => page.evaluate(() => {
  window.__frameTimes = [];
  const tick = (t) => {
    if (!window.__frameTimes) return;  // the test has read them
    window.__frameTimes.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const longestFrameGap = (page) => page.evaluate(() => {
  const t = window.__frameTimes;
  let gap = 0;
  for (let i = 1; i < t.length; ++i) gap = Math.max(gap, t[i] - t[i - 1]);
  return { gap, count: t.length };
});

describe('a program that computes', () => {
  let pg;
  before(async () => {
    pg = await openPlayground();
    await editorShown(pg.page);
    assert.equal(await select(pg.page, 'your_program'), 1);
    await pg.page.waitForFunction(() => window.asyncraceEditor.text().includes('async def'));
    assert.ok(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }));
  });
  after(async () => { await pg?.close(); });

  test('while True: pass leaves the page drawing and answering the mouse; Esc stops it, and the console says so', async () => {
    const { page } = pg;
    await paste(page, 'while True:\n    pass\n');
    await page.keyboard.press('Control+Enter');
    const computing = await until(page, (s) => s.running, 'the run to start');
    // A real click is answered in the middle: the toolbar's theme button switches the theme.
    const b = computing.theme_button;
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    const switched = await until(page, (s) => s.theme !== computing.theme, 'the click to be answered');
    assert.equal(switched.running, true, 'answered while the program still computes');
    // Frames keep coming while it computes (an unsliced run would be one frame until the cap).
    const later = await until(page, (s) => s.frames >= computing.frames + 5, 'five frames while computing');
    assert.equal(later.running, true, 'still computing: no cap yet');
    assert.equal(later.lines.length, 0);
    // Esc (in the editor) stops it at once, and says where: the finish line's screen-reader mirror.
    const box = await page.locator('#editor-host .cm-content').boundingBox();
    await page.mouse.click(box.x + 40, box.y + 10);
    await page.keyboard.press('Escape');
    const stopped = await until(page, (s) => s.stopped, 'Esc to stop the run', 5000);
    assert.equal(stopped.running, false);
    assert.equal(stopped.lines.length, 0, 'stopped before the cap');
    await page.waitForFunction(() => /Stopped at/.test(document.getElementById('finish-mirror').textContent));
    const quiet = await settled(page);
    assert.equal(quiet.idle, true, 'a stopped run owes no frames');
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await until(page, (s) => s.theme === computing.theme, 'the theme back');
    assert.deepEqual(pg.problems, []);
  });

  test('a runaway loop left alone ends at the step cap, its LimitReached line in the console', async () => {
    const { page } = pg;
    await paste(page, 'n = 0\nwhile True:\n    n += 1\n');
    await page.keyboard.press('Control+Enter');
    const started = await until(page, (s) => s.running, 'the run to start');
    const s = await untilFinished(page, 60000);
    assert.ok(s.frames > started.frames + 5, 'frames were drawn while it ran to the cap');
    assert.match(s.lines.at(-1).text, /^LimitReached: the program ran 100000000 instructions/);
    assert.equal((await settled(page)).idle, true, 'idle again once it ended');
  });

  test('a program that would fill the page\'s memory ends with LimitReached, and the page goes on', async () => {
    // 600,000 lists of 1,000 items: 2.4 GB of items as wasm, more than the page's 2 GB of memory
    // holds (the module aborted when its memory could not grow, before the page ended the run
    // itself). The items are not Python objects' fixed parts, so no MemoryError comes first.
    // (A million Tasks each keeping a list of 12 ends the same way, after a MemoryError in each
    // Task's first step: minutes, not seconds.)
    const { page } = pg;
    await paste(page, 'rows = [[i] * 1000 for i in range(600_000)]\nprint(len(rows))\n');
    await page.keyboard.press('Control+Enter');
    const s = await untilFinished(page, 120000);
    assert.match(s.lines.at(-1)?.text ?? '', /^LimitReached: the program's memory passed \d+ MB, the most this page can give a run$/,
                 JSON.stringify(s.lines.slice(-3)));
    // The page still answers and runs the next program.
    await paste(page, 'print("after", 6 * 7)\n');
    await page.keyboard.press('Control+Enter');
    const next = await untilFinished(page, 60000);
    assert.deepEqual(next.lines.map((l) => l.text), ['after 42']);
    assert.deepEqual(pg.problems, []);
  });

  test('a million-iteration loop and a deep recursion finish while the page keeps drawing', async () => {
    const { page } = pg;
    const n = 1000000;
    await paste(page, [
      'def depth(k):',
      '    return 0 if k == 0 else 1 + depth(k - 1)',
      '',
      'total = 0',
      `for i in range(${n}):`,
      '    total += i',
      'print(total)',
      'print(sum([depth(900) for _ in range(300)]))',
      '',
    ].join('\n'));
    await watchFrames(page);
    await page.keyboard.press('Control+Enter');
    const started = await until(page, (s) => s.running, 'the run to start');
    const s = await untilFinished(page, 60000);
    const frames = await longestFrameGap(page);
    await page.evaluate(() => { window.__frameTimes = null; });
    assert.equal(s.error, '');
    assert.deepEqual(s.lines.map((l) => l.text), [String((n * (n - 1)) / 2), String(900 * 300)]);
    assert.ok(s.frames > started.frames + 5, `frames were drawn while it computed (${s.frames - started.frames})`);
    // Headless Chromium without a GPU draws a frame on the CPU in ~0.1 s on a busy machine; an
    // unsliced run of these ~10 M instructions is one frame of a second or more.
    assert.ok(frames.gap < 600, `the longest gap between animation frames was ${frames.gap.toFixed(0)} ms`);
    assert.equal((await settled(page)).idle, true, 'idle again once it ended');
    assert.deepEqual(pg.problems, []);
  });
});
