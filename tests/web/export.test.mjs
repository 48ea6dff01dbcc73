// Export in the page: the race diagram header's Export menu hands the browser a Trace Event file
// (what the trace exporter writes; the C++ suites check its rules), the transcript and the SVG.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { artifactPath, openPlayground, runNineTasks, settled, state } from './playground.mjs';

const exported = (page, kind) => page.evaluate((k) => Module.ccall('asyncrace_export', 'string', ['string'], [k]), kind);
const center = (r) => [r.x + r.w / 2, r.y + r.h / 2];

// Starts a download the way `act` does and returns the file's name and text.
async function downloaded(page, act) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), act()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

describe('export', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('nothing to export before a run: the button is disabled and automation says no', async () => {
    assert.equal(await pg.page.evaluate(() => Module.ccall('asyncrace_download', 'number', ['string'], ['trace'])), 0);
    assert.equal(await exported(pg.page, 'trace'), '');
  });

  test('Export > Trace for Perfetto: a click on the canvas downloads the run as Trace Event JSON', async () => {
    const s = await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
    await settled(pg.page);
    const button = (await state(pg.page)).export_button;
    assert.ok(button.w > 0, 'the Export button is drawn');
    await pg.page.mouse.click(...center(button));
    const menu = await settled(pg.page);
    assert.ok(menu.export_trace.w > 0, 'the menu is open: ' + JSON.stringify(menu.export_trace));
    const file = await downloaded(pg.page, () => pg.page.mouse.click(...center(menu.export_trace)));
    assert.equal(file.name, 'nine_tasks_race.trace.json');
    assert.equal(file.text, await exported(pg.page, 'trace'), 'the download is what the exporter writes');
    const doc = JSON.parse(file.text);
    const events = doc.traceEvents;
    assert.equal(doc.otherData.tutorial, 'nine_tasks_race');
    assert.equal(events.filter((e) => e.ph === 'b').length, events.filter((e) => e.ph === 'e').length);
    assert.equal(events.filter((e) => e.ph === 'b' && /^Task-\d+ /.test(e.name)).length, s.lanes);
    assert.deepEqual(events.filter((e) => e.ph === 'i').map((e) => e.name), s.lines.map((l) => l.text));
    await writeFile(await artifactPath('nine_tasks_race.trace.json'), file.text);
    assert.deepEqual(pg.problems, []);
  });

  test('the transcript and the SVG download too; the SVG is well-formed and draws the race', async () => {
    const download = (kind) => downloaded(pg.page, () =>
      pg.page.evaluate((k) => Module.ccall('asyncrace_download', 'number', ['string'], [k]), kind));
    const text = await download('transcript');
    assert.equal(text.name, 'nine_tasks_race.transcript.txt');
    assert.match(text.text, /^ {2}0\.000000 {2}Starting work 10\n/);
    assert.match(text.text, / {2}1\.000000 {2}Work complete 20\n$/);
    const svg = await download('svg');
    assert.equal(svg.name, 'nine_tasks_race.svg');
    const parsed = await pg.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? '', root: doc.documentElement.nodeName,
               sleeps: doc.querySelectorAll('rect.sleep').length, ranks: doc.querySelectorAll('text.finish').length,
               scripts: doc.querySelectorAll('script').length };
    }, svg.text);
    assert.deepEqual(parsed, { error: '', root: 'svg', sleeps: 9, ranks: 13, scripts: 0 });
    // The picture, to look at: the SVG itself and Chromium's rendering of it.
    const path = await artifactPath('nine_tasks_race.svg');
    await writeFile(path, svg.text);
    const view = await pg.context.newPage();
    await view.setContent(`<body style="margin:0">${svg.text}</body>`);
    await view.locator('svg').screenshot({ path: await artifactPath('nine_tasks_race.svg.png') });
    await view.close();
    assert.deepEqual(pg.problems, []);
  });
});
