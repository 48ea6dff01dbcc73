// Shared by the browser tests: the built site, Debian's Chromium driven by playwright-core (exactly
// as docs/toolchain.md says), and the page's automation exports (asyncrace_* through Module.ccall).
import { mkdtemp, mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './server.mjs';

const repo = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
export const siteDir = resolve(repo, process.env.ASYNCRACE_SITE_DIR ?? 'build/web/site');
export const artifactsDir = resolve(repo, process.env.ASYNCRACE_ARTIFACTS_DIR ?? 'build/web/artifacts');
export const viewport = { width: 1280, height: 800 };

export async function checkSite() {
  try {
    await stat(join(siteDir, 'index.html'));
  } catch {
    throw new Error(`no built site at ${siteDir}: build the web preset first, or set ASYNCRACE_SITE_DIR`);
  }
}

export async function artifactPath(name) {
  await mkdir(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

// Chromium with a fresh profile; close() removes it. The page follows prefers-color-scheme: tests
// (and the README's pictures) see the dark theme unless they ask for light. A phone: a 390x844
// viewport with touch (`hasTouch`, `isMobile`). `serviceWorkers: 'block'` keeps the offline worker out.
export async function launchBrowser({ deviceScaleFactor = 1, colorScheme = 'dark', reducedMotion = 'no-preference',
                                      size = viewport, hasTouch = false, isMobile = false,
                                      serviceWorkers = 'allow' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'asyncrace-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ASYNCRACE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: size,
    deviceScaleFactor,
    colorScheme,
    reducedMotion,
    hasTouch,
    isMobile,
    serviceWorkers,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// Serves the site (under `prefix`), opens it, and waits for "asyncrace ready". The returned
// `problems` collects console errors and page errors for the caller to assert on.
// `browser` options go to launchBrowser; `beforeLoad(page)` runs before the page is opened (init
// scripts); `site` serves another folder.
export async function openPlayground({ prefix = '/', query = '', deviceScaleFactor = 1, browser: options = {},
                                       beforeLoad, site = siteDir } = {}) {
  await checkSite();
  const server = await serveStatic(site, { prefix });
  const browser = await launchBrowser({ deviceScaleFactor, ...options });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (beforeLoad) await beforeLoad(page);
  const problems = [];
  const logs = [];
  page.on('console', (m) => {
    logs.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Not a problem by itself: Chromium now and then reports a fully read fetch as ERR_ABORTED. A file
  // that really is missing shows up as a console error ("Failed to load resource: ... 404").
  page.on('requestfailed', (r) => logs.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready', timeout: 60000 });
  await page.goto(server.url + query);
  await ready;
  return {
    page, problems, logs, url: server.url, context: browser.context,
    close: async () => { await browser.close(); await server.close(); },
  };
}

export const state = (page) =>
  page.evaluate(() => JSON.parse(Module.ccall('asyncrace_state_json', 'string', [], [])));

export const select = (page, slug) =>
  page.evaluate((s) => Module.ccall('asyncrace_select', 'number', ['string'], [s]), slug);

export const setOptions = (page, { ties = 'cpython-heap', seed = '1', jitterUs = 50, speed = 'instant' } = {}) =>
  page.evaluate(([p, s, j, v]) => Module.ccall('asyncrace_set_options', 'number',
                                               ['string', 'string', 'number', 'string'], [p, s, j, v]),
                [ties, String(seed), jitterUs, speed]);

export const run = (page) => page.evaluate(() => Module.ccall('asyncrace_run', 'number', [], []));

// Waits until the page has drawn what the last input or automation call changed. The page draws
// only when something changes, so frames are no clock: an idle page (its frame loop stopped after
// the settling frames every event and call owes) has drawn everything; a page that animates (a run
// playing: `animating`) has once `n` more frames are drawn. Input and calls wake the page
// synchronously, in the browser's event handler, so `idle` is never read stale.
export async function settled(page, n = 2, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  const start = (await state(page)).frames;
  for (;;) {
    const s = await state(page);
    if (s.idle || (s.animating && s.frames >= start + n)) return s;
    if (Date.now() > deadline) throw new Error(`the page did not settle within ${timeoutMs} ms`);
    await page.waitForTimeout(16);
  }
}

// Polls the page until the run has finished (playback reached the end) and the frame showing the
// end has been drawn; returns the final state. A worker's reply can finish a run between frames
// (playground::worker_news), and what the state reports of the diagram (pool_lanes, rows) is what
// the last frame drew.
export async function untilFinished(page, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await state(page);
    if (s.finished) return settled(page, 2, Math.max(1000, deadline - Date.now()));
    if (Date.now() > deadline) throw new Error('run did not finish: ' + JSON.stringify(s).slice(0, 400));
    await page.waitForTimeout(50);
  }
}

// "Starting work 10" -> 10: the nine leaf tasks in the order they finished.
export const leafOrder = (s) =>
  s.finish_order.filter((t) => t.coro === 'do_some_work').map((t) => Number(t.first_output.split(' ').pop()));

// The order the console printed "Work complete N" in.
export const printedOrder = (s) =>
  s.lines.filter((l) => l.text.startsWith('Work complete')).map((l) => Number(l.text.split(' ').pop()));

export async function runNineTasks(page, options) {
  if (!(await select(page, 'nine_tasks_race'))) throw new Error('no nine_tasks_race tutorial');
  if (!(await setOptions(page, options))) throw new Error('options rejected: ' + (await state(page)).problem);
  if (!(await run(page))) throw new Error('run refused: ' + (await state(page)).message);
  return untilFinished(page);
}

// Polls the state until `ok(state)` holds (it may be async); returns that state. `what` names the
// wait in the timeout's message, with `show(state)` (the whole state, cut, unless told).
export async function until(page, ok, what, timeoutMs = 20000, show = (s) => JSON.stringify(s).slice(0, 600)) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await state(page);
    if (await ok(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${show(s)}`);
    await page.waitForTimeout(20);
  }
}

// Replaces the editor's text as a paste does: a click into the text, Ctrl+A, then a real
// ClipboardEvent with the text on it. Returns the editor's text afterwards.
export async function pasteIntoEditor(page, text) {
  // A selection made just before loads its text into the editor in the next frame: let that
  // frame come first, or it would replace what is pasted here.
  await settled(page);
  const box = await page.locator('#editor-host .cm-content').boundingBox();
  await page.mouse.click(box.x + 40, box.y + 10);
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('#editor-host .cm-content')
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  return page.evaluate(() => window.asyncraceEditor.text());
}
