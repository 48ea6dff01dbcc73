// The editor pane is painted, and so is the canvas around it (issue 10). In headless Chromium with
// software compositing (--disable-gpu) an opaque, axis-aligned #editor-pane over the canvas was
// taken for an occluder: once the editor had focus (its blinking caret gets a layer of its own),
// the compositor dropped tiles of the canvas below, and a box the pane's width came out blank
// (fully transparent pixels, white in a screenshot) over the lower part of the editor and the
// race diagram. #editor-pane's rounded bottom corners keep it from being an occluder. This test
// decodes screenshots (wide and phone, dark and light) of a finished nine_tasks_race with the
// editor focused, and checks for blank runs, then the editor's text area: its background is the
// pane's colour and text is drawn on it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { artifactPath, openPlayground, select, setOptions, settled, until } from './playground.mjs';
import { decodePng, pixelAt } from './png_pixels.mjs';

const editorShown = (page) =>
  page.waitForFunction(() => window.asyncraceEditor && !document.getElementById('editor-pane').hidden &&
                             document.querySelector('#editor-host .cm-content'), null, { timeout: 30000 });

const isBlank = ([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255);

// Blank pixels (pure white or fully transparent) in a rectangle of the image: how many, and the
// longest horizontal run of them.
function blankIn(image, { x, y, width, height }) {
  const x0 = Math.max(0, Math.ceil(x)), y0 = Math.max(0, Math.ceil(y));
  const x1 = Math.min(image.width, Math.floor(x + width)), y1 = Math.min(image.height, Math.floor(y + height));
  let blank = 0, longestRun = 0;
  for (let py = y0; py < y1; ++py) {
    let run = 0;
    for (let px = x0; px < x1; ++px) {
      if (isBlank(pixelAt(image, px, py))) {
        ++blank;
        longestRun = Math.max(longestRun, ++run);
      } else {
        run = 0;
      }
    }
  }
  return { pixels: Math.max(0, x1 - x0) * Math.max(0, y1 - y0), blank, longestRun };
}

// The editor's text area: pixels of the pane's background colour, and others (text, gutter, tints).
function textAreaOf(image, box, panel) {
  let background = 0, other = 0;
  for (let py = Math.ceil(box.y); py < Math.min(image.height, box.y + box.height); ++py)
    for (let px = Math.ceil(box.x); px < Math.min(image.width, box.x + box.width); ++px) {
      const [r, g, b] = pixelAt(image, px, py);
      if (Math.abs(r - panel[0]) + Math.abs(g - panel[1]) + Math.abs(b - panel[2]) <= 6) ++background;
      else ++other;
    }
  return { background, other };
}

// A finished nine_tasks_race, then a click into the editor's text (focus, the caret).
async function raceThenFocus(pg) {
  const { page } = pg;
  await editorShown(page);
  assert.equal(await select(page, 'nine_tasks_race'), 1);
  assert.ok(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }));
  await page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], []));
  await until(page, (s) => s.finished, 'the run to finish');
  const content = await page.locator('#editor-host .cm-content').boundingBox();
  await page.mouse.click(content.x + 60, content.y + 40);
  await page.waitForFunction(() => document.activeElement?.closest('#editor-host'));
  await settled(page);
}

async function checkPainted(pg, name) {
  const { page } = pg;
  const scroller = await page.locator('#editor-host .cm-scroller').boundingBox();
  const pane = await page.locator('#editor-pane').boundingBox();
  const panel = await page.evaluate(() =>
    getComputedStyle(document.getElementById('editor-pane')).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
  const png = await page.screenshot();
  await writeFile(await artifactPath(name), png);
  const image = decodePng(png);
  const viewport = page.viewportSize();
  assert.equal(image.width, viewport.width);
  // The pane and, below it, as much again: where the blank box showed.
  const region = { x: pane.x, y: pane.y, width: pane.width, height: pane.height * 2 };
  const blank = blankIn(image, region);
  const text = textAreaOf(image, scroller, panel);
  const show = JSON.stringify({ pane, scroller, panel, blank, text });
  assert.ok(blank.pixels > 40000, `the pane is on screen: ${show}`);
  assert.ok(blank.longestRun < 16, `no blank box over the pane or below it (longest run of white/transparent): ${show}`);
  assert.ok(blank.blank < blank.pixels * 0.002, `hardly a blank pixel there: ${show}`);
  const area = scroller.width * scroller.height;
  assert.ok(text.background > area * 0.5, `the editor's background is the pane's colour: ${show}`);
  assert.ok(text.other > area * 0.01, `text is drawn on it: ${show}`);
  assert.deepEqual(pg.problems, []);
}

describe('the editor pane is painted over the canvas, the editor focused', () => {
  for (const colorScheme of ['dark', 'light']) {
    test(`wide (1280x800), ${colorScheme}`, async () => {
      const pg = await openPlayground({ browser: { colorScheme } });
      try {
        await raceThenFocus(pg);
        await checkPainted(pg, `editor-paint-wide-${colorScheme}.png`);
      } finally {
        await pg.close();
      }
    });
  }

  test('phone (390x844), the Code tab', async () => {
    const pg = await openPlayground({ browser: { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    try {
      await pg.page.waitForFunction(() => window.asyncraceEditor, null, { timeout: 30000 });
      assert.equal(await pg.page.evaluate(() => Module.ccall('asyncrace_show_tab', 'number', ['string'], ['code'])), 1);
      await raceThenFocus(pg);
      await checkPainted(pg, 'editor-paint-phone.png');
    } finally {
      await pg.close();
    }
  });
});
