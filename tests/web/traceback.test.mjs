// A runtime traceback in the page: the console shows CPython's traceback, its frame lines are
// links that move the editor's cursor to their line (a real mouse click on the canvas), and the
// tasks that raised carry a raise mark on their lanes at the time they raised (read through the
// automation API, which reads the trace). Screenshots (1280x800 and 390x844) go to the artifacts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, openPlayground, select, setOptions, settled, state, untilFinished } from './playground.mjs';

// Task-2 (fetch) raises at t=1; main awaits it at t=2 and the exception ends the run there.
const program = [
  'import asyncio',
  '',
  'def parse(text):',
  '    return int(text)',
  '',
  'async def fetch(n):',
  '    await asyncio.sleep(n)',
  '    return parse("x" * n)',
  '',
  'async def main():',
  '    task = asyncio.create_task(fetch(1))',
  '    await asyncio.sleep(2)',
  '    print(await task)',
  '',
  'asyncio.run(main())',
].join('\n');

const tracebackState = (page) =>
  page.evaluate(() => JSON.parse(Module.ccall('asyncrace_traceback_json', 'string', [], [])));
const cursorLine = (page) => page.evaluate(() => {
  const v = window.asyncraceEditor.view;
  return v.state.doc.lineAt(v.state.selection.main.head).number;
});

// Loads the program into "Your program" as a paste does, runs it with Ctrl+Enter, waits for the end.
async function runProgram(page) {
  await page.waitForFunction(() => window.asyncraceEditor && document.querySelector('#editor-host .cm-content'),
                             null, { timeout: 30000 });
  assert.equal(await select(page, 'your_program'), 1);
  assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }));
  // The frame after a selection loads its text into the editor: let it come first, or it would
  // replace the program typed below with the selection's template.
  await settled(page);
  await page.evaluate((t) => {
    const v = window.asyncraceEditor.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
  }, program);
  await page.evaluate(() => window.asyncraceEditor.focus());
  await page.keyboard.press('Control+Enter');
  const s = await untilFinished(page);
  await settled(page);
  return s;
}

async function clickLink(page, link) {
  await page.mouse.click(link.x + Math.min(40, link.w / 2), link.y + link.h / 2);
  await settled(page);
}

describe('a traceback in the page', () => {
  test('the console shows the frames; a click on one moves the editor; raise marks on the lanes', async () => {
    const pg = await openPlayground();
    try {
      const { page } = pg;
      const s = await runProgram(page);
      assert.equal(s.engine, 'interpreter');
      const texts = s.lines.map((l) => l.text);
      const file = s.tutorial + '.py';
      const start = texts.indexOf('Traceback (most recent call last):');
      assert.ok(start >= 0, texts.join('\n'));
      assert.deepEqual(texts.slice(start), [
        'Traceback (most recent call last):',
        `  File "${file}", line 15, in <module>`,
        '    asyncio.run(main())',
        `  File "${file}", line 13, in main`,
        '    print(await task)',
        '          ^^^^^^^^^^',
        `  File "${file}", line 8, in fetch`,
        '    return parse("x" * n)',
        '           ^^^^^^^^^^^^^^',
        `  File "${file}", line 4, in parse`,
        '    return int(text)',
        '           ^^^^^^^^^',
        "ValueError: invalid literal for int() with base 10: 'x'",
      ]);
      assert.ok(s.lines.slice(start).every((l) => l.t === 2), 'printed when main raised, at t=2');

      const tb = await tracebackState(page);
      assert.deepEqual(tb.frame_links.map((l) => l.line), [15, 13, 8, 4]);
      // Clicking line 4's frame moves the cursor there; then line 8's.
      await clickLink(page, tb.frame_links[3]);
      assert.equal(await cursorLine(page), 4);
      const again = await tracebackState(page);
      await clickLink(page, again.frame_links[2]);
      assert.equal(await cursorLine(page), 8);
      // A click beside the links (the exception line) leaves the cursor where it is.
      const last = again.frame_links[3];
      await page.mouse.click(last.x + 40, last.y + 3.5 * last.h);
      await settled(page);
      assert.equal(await cursorLine(page), 8);

      // The raise marks: fetch's task at t=1, main's at t=2, drawn inside the plot.
      const marks = (await tracebackState(page)).raise_marks;
      assert.deepEqual(marks.map((m) => [m.task, m.coro, m.t]), [['Task-2', 'fetch', 1], ['Task-1', 'main', 2]]);
      const plot = (await state(page)).diagram_plot;
      for (const m of marks) assert.ok(m.x !== null && m.x >= plot.x && m.x <= plot.x + plot.w, JSON.stringify([m, plot]));
      assert.ok(marks[0].x < marks[1].x);
      await page.screenshot({ path: await artifactPath('traceback-wide.png') });
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });

  test('on a phone, a frame link in the Console tab brings the Code tab forward at that line', async () => {
    const pg = await openPlayground({ browser: { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    try {
      const { page } = pg;
      assert.equal(await page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['code'])), 1);
      await runProgram(page);
      assert.equal(await page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['race'])), 1);
      await settled(page);
      await page.screenshot({ path: await artifactPath('traceback-narrow-race.png') });
      assert.equal(await page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['console'])), 1);
      await settled(page);
      // The links are those of the last frame drawn: on a busy machine the page may report itself
      // settled before the Console tab's first frame, so wait (bounded) for that frame's links.
      let tb = await tracebackState(page);
      for (const deadline = Date.now() + 10000; tb.frame_links.length === 0 && Date.now() < deadline;) {
        await page.waitForTimeout(50);
        tb = await tracebackState(page);
      }
      await page.screenshot({ path: await artifactPath('traceback-narrow-console.png') });
      assert.equal(tb.frame_links.length, 4);
      await page.touchscreen.tap(tb.frame_links[2].x + 30, tb.frame_links[2].y + tb.frame_links[2].h / 2);
      await settled(page);
      await page.waitForSelector('#editor-pane', { state: 'visible' });
      assert.equal(await cursorLine(page), 8);
      await page.screenshot({ path: await artifactPath('traceback-narrow-code.png') });
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });
});
