// The Python pane's editor (web/editor/editor.js: CodeMirror 6 over the canvas), with real
// keyboard and mouse events: typing and running with Ctrl+Enter, pasting, SyntaxErrors marked at
// their line, share links that reproduce the run, edits kept across a reload and Reset, a runaway
// program that ends while the page keeps answering, printed markup that stays text, and the C++
// twin beside the same .py on the interpreter. Screenshots (wide and phone) go to the artifacts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, openPlayground, pasteIntoEditor, select, setOptions, settled, state, untilFinished } from './playground.mjs';

const editorShown = (page) =>
  page.waitForFunction(() => window.asyncraceEditor && !document.getElementById('editor-pane').hidden &&
                             document.querySelector('#editor-host .cm-content'), null, { timeout: 30000 });
const editorText = (page) => page.evaluate(() => window.asyncraceEditor.text());
const status = (page) => page.$eval('#editor-status', (e) => e.textContent);

// Clicks into the editor's text and selects all of it (the next keys replace it).
async function focusAll(page) {
  const box = await page.locator('#editor-host .cm-content').boundingBox();
  await page.mouse.click(box.x + 40, box.y + 10);
  await page.keyboard.press('Control+A');
}

// Replaces the editor's text as a paste does (a real ClipboardEvent with the text on it).
async function paste(page, text) {
  assert.equal(await pasteIntoEditor(page, text), text);
}

const lineTexts = (s) => s.lines.map((l) => `${l.t.toFixed(3)} ${l.text}`);

describe('typing and running', () => {
  let pg;
  before(async () => {
    pg = await openPlayground();
    await editorShown(pg.page);
  });
  after(async () => { await pg?.close(); });

  test('a program typed with auto-indent runs with Ctrl+Enter: its lines and its lanes', async () => {
    const { page } = pg;
    assert.equal(await select(page, 'your_program'), 1);
    await page.waitForFunction(() => window.asyncraceEditor.text().includes('async def worker'));
    assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }));
    await focusAll(page);
    // Enter after ':' indents four spaces; Backspace in the indentation takes one level back.
    const k = page.keyboard;
    await k.type('import asyncio'); await k.press('Enter');
    await k.type('async def tick(name, n):'); await k.press('Enter');
    await k.type('for i in range(n):'); await k.press('Enter');
    await k.type('await asyncio.sleep(1)'); await k.press('Enter');
    await k.type('print(name, i)'); await k.press('Enter');
    await k.press('Backspace'); await k.press('Backspace');
    await k.type('async def main():'); await k.press('Enter');
    await k.type('await asyncio.gather(tick("a", 2), tick("b", 2))'); await k.press('Enter');
    await k.press('Backspace');
    await k.type('asyncio.run(main())');
    assert.equal(await editorText(page), [
      'import asyncio',
      'async def tick(name, n):',
      '    for i in range(n):',
      '        await asyncio.sleep(1)',
      '        print(name, i)',
      'async def main():',
      '    await asyncio.gather(tick("a", 2), tick("b", 2))',
      'asyncio.run(main())',
    ].join('\n'));
    await k.press('Control+Enter');
    const s = await untilFinished(page);
    assert.equal(s.engine, 'interpreter');
    assert.equal(s.error, '');
    assert.deepEqual(lineTexts(s), ['1.000 a 0', '1.000 b 0', '2.000 a 1', '2.000 b 1']);
    assert.equal(s.lanes, 3, 'main and two ticks');
    assert.deepEqual(pg.problems, []);
  });

  test('Tab and Shift+Tab indent and dedent four spaces; Ctrl+Z undoes, Ctrl+Y redoes', async () => {
    const { page } = pg;
    await paste(page, 'x = 1');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    assert.equal(await editorText(page), '    x = 1');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await editorText(page), 'x = 1');
    // Changes less than 500 ms apart are one undo step (CodeMirror's history): keep them apart.
    await page.waitForTimeout(600);
    await page.keyboard.press('End');
    await page.keyboard.type(' + 2');
    assert.equal(await editorText(page), 'x = 1 + 2');
    await page.keyboard.press('Control+z');
    assert.equal(await editorText(page), 'x = 1');
    await page.keyboard.press('Control+y');
    assert.equal(await editorText(page), 'x = 1 + 2');
  });

  test('a pasted program runs; find opens on Ctrl+F', async () => {
    const { page } = pg;
    await paste(page, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print("pasted")\n\nasyncio.run(main())\n');
    await page.keyboard.press('Control+Enter');
    const s = await untilFinished(page);
    assert.deepEqual(lineTexts(s), ['0.500 pasted']);
    await page.keyboard.press('Control+f');
    await page.waitForSelector('#editor-host .cm-search input[name=search]');
    await page.keyboard.press('Escape');
  });

  test('a SyntaxError runs nothing and is marked at its line and column with CPython\'s message', async () => {
    const { page } = pg;
    await paste(page, 'import asyncio\n\nasync def main()\n    print(1)\n');
    await page.keyboard.press('Control+Enter');
    await settled(page);
    const s = await state(page);
    assert.deepEqual(s.syntax_error, { line: 3, column: 17, text: "SyntaxError: expected ':'" });
    assert.match(s.message, /SyntaxError: expected ':' \(line 3, column 17\)/);
    assert.equal(s.lines.length, 0);
    await page.waitForSelector('#editor-host .cm-lintRange-error');
    // The mark sits on line 3, and the status says what CPython says.
    const markedLine = await page.$eval('#editor-host .cm-lintRange-error', (e) => {
      const lines = [...document.querySelectorAll('#editor-host .cm-line')];
      return lines.indexOf(e.closest('.cm-line')) + 1;
    });
    assert.equal(markedLine, 3);
    assert.match(await status(page), /SyntaxError: expected ':'/);
    // Fixed and run again: the mark goes.
    await paste(page, 'import asyncio\n\nasync def main():\n    print(1)\n\nasyncio.run(main())\n');
    await page.keyboard.press('Control+Enter');
    await untilFinished(page);
    assert.equal((await state(page)).syntax_error, null);
    await page.waitForSelector('#editor-host .cm-lintRange-error', { state: 'detached' });
  });

  test('a runaway loop ends at the step cap within seconds; the page keeps answering', async () => {
    const { page } = pg;
    await paste(page, 'while True:\n    pass\n');
    const started = Date.now();
    await page.keyboard.press('Control+Enter');
    const s = await untilFinished(page, 60000);
    const took = Date.now() - started;
    assert.match(s.lines.at(-1).text, /^LimitReached: the program ran 100000000 instructions/);
    // In slices of ~9 ms a frame (slices.test.mjs; about a million instructions of this loop
    // here): ~100 frames, where headless Chromium draws a frame on the CPU in ~0.1 s on a busy
    // machine.
    assert.ok(took < 60000, `ended after ${took} ms`);
    // Still answering: a theme switch round trip draws.
    const before = (await state(page)).frames;
    await page.evaluate(() => Module.ccall('asyncrace_set_theme', 'number', ['string'], ['light']));
    await settled(page);
    assert.ok((await state(page)).frames > before);
    await page.evaluate(() => Module.ccall('asyncrace_set_theme', 'number', ['string'], ['dark']));
  });

  test('Esc in the editor stops a program that sleeps forever', async () => {
    const { page } = pg;
    assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: '1x' }));
    await paste(page, 'import asyncio\n\nasync def main():\n    n = 0\n    while True:\n        await asyncio.sleep(0.1)\n        n += 1\n        print(n)\n\nasyncio.run(main())\n');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => JSON.parse(Module.ccall('asyncrace_state_json', 'string', [], [])).lines.length >= 2);
    await page.keyboard.press('Escape');
    const s = await settled(page);
    assert.equal(s.stopped, true);
    assert.equal(s.running, false);
    assert.equal(await editorText(page).then((t) => t.includes('while True')), true, 'Esc did not touch the text');
    assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }));
  });
});

describe('share links, reload and Reset', () => {
  test('Copy link gives a link that reproduces the same transcript', async () => {
    const edited = (await import('node:fs')).readFileSync(new URL('../../src/tutorials/seed000/nine_tasks_race.py', import.meta.url), 'utf8')
      .replace('await asyncio.sleep(1)', 'await asyncio.sleep(1 + (num % 3) / 10)');
    assert.notEqual(edited.indexOf('(num % 3)'), -1, 'the edit applies');
    const pg = await openPlayground();
    let link;
    let first;
    try {
      await pg.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pg.url.replace(/\/$/, '') });
      await editorShown(pg.page);
      assert.ok(await setOptions(pg.page, { ties: 'jitter', seed: '7', jitterUs: 50, speed: 'instant' }));
      await paste(pg.page, edited);
      await pg.page.keyboard.press('Control+Enter');
      first = await untilFinished(pg.page);
      assert.equal(first.engine, 'interpreter');
      assert.ok(first.lines.length > 9);
      await pg.page.click('#editor-bar button[data-editor=share]');
      await pg.page.waitForFunction(() => /Link copied/.test(document.getElementById('editor-status').textContent));
      link = await pg.page.evaluate(() => navigator.clipboard.readText());
    } finally {
      await pg.close();
    }
    const url = new URL(link);
    assert.match(url.searchParams.get('code'), /^[A-Za-z0-9_-]+$/, 'base64url without padding');
    assert.equal(url.searchParams.get('tutorial'), 'nine_tasks_race');
    assert.equal(url.searchParams.get('ties'), 'jitter');
    assert.equal(url.searchParams.get('seed'), '7');
    assert.ok(url.searchParams.has('run'));
    const visitor = await openPlayground({ query: url.search });
    try {
      await editorShown(visitor.page);
      await visitor.page.waitForFunction(() => window.asyncraceEditor.text().includes('(num % 3)'));
      assert.equal(await editorText(visitor.page), edited);
      const s = await untilFinished(visitor.page);
      assert.deepEqual(lineTexts(s), lineTexts(first));
      assert.deepEqual(visitor.problems, []);
    } finally {
      await visitor.close();
    }
  });

  test('where the clipboard is refused, the link is shown in a field to copy', async () => {
    const pg = await openPlayground({
      beforeLoad: (page) => page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      }),
    });
    try {
      await editorShown(pg.page);
      await pg.page.click('#editor-bar button[data-editor=share]');
      await pg.page.waitForSelector('#share-field:not([hidden])');
      const value = await pg.page.$eval('#share-field', (e) => e.value);
      assert.match(value, /\?tutorial=nine_tasks_race&.*run$/);
      assert.match(await status(pg.page), /Copy the link from the field/);
    } finally {
      await pg.close();
    }
  });

  test('a malformed code= gets a clear message and the editor keeps its text', async () => {
    const pg = await openPlayground({ query: '?tutorial=gather_three&code=not*base64&run' });
    try {
      await editorShown(pg.page);
      await pg.page.waitForFunction(() => /could not be read/.test(document.getElementById('editor-status').textContent));
      assert.match(await status(pg.page), /The link’s program could not be read: it has characters that base64url does not use\. The editor keeps its text\./);
      assert.match(await editorText(pg.page), /gather/);
      assert.equal((await state(pg.page)).engine, 'twin');
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });

  test('a link over 8 KB copies with a warning', async () => {
    const pg = await openPlayground();
    try {
      await pg.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pg.url.replace(/\/$/, '') });
      await editorShown(pg.page);
      // Hardly compressible text: a long line of varied numbers.
      let big = 'import random\nvalues = [';
      for (let i = 0; i < 2600; ++i) big += ((i * 7919) % 100003) + ', ';
      await paste(pg.page, big + ']\nprint(len(values))\n');
      await pg.page.click('#editor-bar button[data-editor=share]');
      await pg.page.waitForFunction(() => /over 8 KB/.test(document.getElementById('editor-status').textContent));
      assert.ok((await pg.page.evaluate(() => navigator.clipboard.readText())).length > 8192);
    } finally {
      await pg.close();
    }
  });

  test('an edit survives a reload; Reset returns to the tutorial\'s text and its C++ twin', async () => {
    const pg = await openPlayground();
    try {
      const { page } = pg;
      await editorShown(page);
      const original = await editorText(page);
      await focusAll(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nprint("kept")');
      assert.equal((await state(page)).engine, 'interpreter');
      const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready' });
      await page.reload();
      await ready;
      await editorShown(page);
      await page.waitForFunction(() => window.asyncraceEditor.text().includes('print("kept")'));
      assert.equal((await state(page)).engine, 'interpreter');
      await page.click('#editor-bar button[data-editor=reset]');
      assert.equal(await editorText(page), original);
      assert.equal((await state(page)).engine, 'twin');
      assert.equal(await page.evaluate(() => localStorage.getItem('asyncrace-edit:nine_tasks_race')), null);
    } finally {
      await pg.close();
    }
  });
});

describe('safety', () => {
  test('a linked program that prints markup shows it as text and runs nothing', async () => {
    const { encodeProgram } = await import('../../web/editor/share.js');
    const payload = '<img src=x onerror=alert(1)>';
    const code = await encodeProgram(`print(${JSON.stringify(payload)})\n`);
    const pg = await openPlayground({
      query: `?tutorial=your_program&code=${code}&speed=instant&run`,
      beforeLoad: (page) => page.addInitScript(() => { window.__alerts = 0; window.alert = () => { window.__alerts += 1; }; }),
    });
    try {
      let dialogs = 0;
      pg.page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
      const s = await untilFinished(pg.page);
      assert.deepEqual(s.lines.map((l) => l.text), [payload]);
      await pg.page.waitForFunction((p) => document.getElementById('console-mirror').textContent.includes(p), payload);
      assert.equal(await pg.page.$$eval('#console-mirror img, #editor-pane img', (e) => e.length), 0);
      assert.equal(await pg.page.evaluate(() => window.__alerts), 0);
      assert.equal(dialogs, 0);
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });
});

describe('compare: the C++ twin beside the same .py on the interpreter', () => {
  let pg;
  before(async () => { pg = await openPlayground(); await editorShown(pg.page); });
  after(async () => { await pg?.close(); });

  for (const slug of ['nine_tasks_race', 'gather_three', 'sequential_await', 'task1_task2_gather', 'future_vacation', 'my_function_sleep4']) {
    test(`${slug}: identical transcripts`, async () => {
      const { page } = pg;
      assert.equal(await select(page, slug), 1);
      const ties = (await state(page)).options.ties;
      assert.ok(await setOptions(page, { ties, speed: 'instant' }));
      assert.equal(await page.evaluate(() => Module.ccall('asyncrace_set_compare', 'number', ['string'], ['interpreter'])), 1);
      assert.equal(await page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], [])), 1);
      const s = await untilFinished(page);
      for (;;) {  // the compared run plays on the same clock; wait for it too
        const c = (await state(page)).compare;
        if (c.finished) break;
        await page.waitForTimeout(50);
      }
      const c = (await state(page)).compare;
      assert.equal(c.tutorial, 'interpreter');
      assert.equal(s.engine, 'twin');
      assert.ok(s.lines.length > 0);
      assert.deepEqual(c.lines.map((l) => `${l.t.toFixed(6)} ${l.text}`), s.lines.map((l) => `${l.t.toFixed(6)} ${l.text}`));
      assert.equal(c.lanes, s.lanes);
    });
  }
});

describe('screenshots', () => {
  test('wide (1280x800) and phone (390x844) with the editor', async () => {
    const wide = await openPlayground();
    try {
      await editorShown(wide.page);
      assert.ok(await setOptions(wide.page, { ties: 'cpython-heap', speed: 'instant' }));
      // Typed, as a learner would: staggered sleeps.
      await focusAll(wide.page);
      await wide.page.keyboard.press('Control+Home');
      for (let i = 0; i < 4; ++i) await wide.page.keyboard.press('ArrowDown');
      await wide.page.keyboard.press('End');
      await wide.page.keyboard.press('ArrowLeft');
      await wide.page.keyboard.type(' + num / 100');
      assert.match(await editorText(wide.page), /await asyncio\.sleep\(1 \+ num \/ 100\)/);
      await wide.page.keyboard.press('Control+Enter');
      await untilFinished(wide.page);
      await settled(wide.page);
      await wide.page.screenshot({ path: await artifactPath('editor-wide.png') });
    } finally {
      await wide.close();
    }
    const phone = await openPlayground({ browser: { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    try {
      assert.equal(await phone.page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['code'])), 1);
      await editorShown(phone.page);
      await settled(phone.page);
      const box = await phone.page.locator('#editor-pane').boundingBox();
      assert.ok(box.width > 300 && box.height > 150, JSON.stringify(box));
      await phone.page.screenshot({ path: await artifactPath('editor-narrow.png') });
      // Other tabs hide it.
      await phone.page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['race']));
      await settled(phone.page);
      await phone.page.waitForSelector('#editor-pane', { state: 'hidden' });
    } finally {
      await phone.close();
    }
  });
});
