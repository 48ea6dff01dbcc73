// Offline after the first visit: the service worker caches the site's files under a versioned
// cache; offline, a reload (and a share link) still loads and runs, Web Worker jobs included; a new
// build replaces the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPlayground, runNineTasks, leafOrder, siteDir } from './playground.mjs';

const cacheNames = (page) => page.evaluate(() => caches.keys());
async function until(what, check, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
const reload = async (page, url) => {
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'asyncrace ready', timeout: 60000 });
  await (url ? page.goto(url) : page.reload());
  await ready;
};

describe('offline', () => {
  let site;
  let pg;
  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'asyncrace-site-'));  // a copy: the update test rebuilds it
    await cp(siteDir, site, { recursive: true });
    pg = await openPlayground({ site, prefix: '/deep/sub/path/' });
  });
  after(async () => {
    await pg?.close();
    await rm(site, { recursive: true, force: true });
  });

  test('the first visit installs the worker and caches the site under its version', async () => {
    const worker = await readFile(join(site, 'service-worker.js'), 'utf8');
    const version = worker.match(/const cacheName = '(asyncrace-[0-9a-f]{16})'/)[1];
    await until('the worker to control the page', () => pg.page.evaluate(() => navigator.serviceWorker.controller !== null));
    assert.deepEqual(await cacheNames(pg.page), [version]);
    const cached = await pg.page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), version);
    for (const file of ['/deep/sub/path/', '/deep/sub/path/asyncrace.wasm', '/deep/sub/path/asyncrace_worker.js', '/deep/sub/path/page.js'])
      assert.ok(cached.includes(file), `${file} is cached (${cached.join(', ')})`);
  });

  test('offline, a reload and a share link still load and run the race', async () => {
    await pg.context.setOffline(true);
    try {
      await reload(pg.page);
      assert.deepEqual(leafOrder(await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' })),
                       [10, 12, 30, 32, 22, 31, 21, 11, 20]);
      await reload(pg.page, pg.url + '?tutorial=gather_three&speed=instant&run');
      assert.equal(await pg.page.evaluate(() => JSON.parse(Module.ccall('asyncrace_state_json', 'string', [], [])).tutorial),
                   'gather_three');
      assert.equal(await pg.page.evaluate(() => navigator.onLine), false);
      // The Web Workers load the page's own module (asyncrace.js + .wasm) from the cache too.
      assert.equal(await pg.page.evaluate(() => Module.ccall('asyncrace_pool_drill', 'number', ['string'], ['raises'])), 1);
      const drill = await until('the drill on a Web Worker', async () => {
        const s = await pg.page.evaluate(() => JSON.parse(Module.ccall('asyncrace_pool_drill_step', 'string', [], [])));
        return s.finished && s;
      });
      assert.equal(drill.result, 'ValueError: bad input 7 | then 42');
    } finally {
      await pg.context.setOffline(false);
    }
  });

  test('a new build is a new worker: its cache replaces the old one', async () => {
    const before = await cacheNames(pg.page);
    // What a rebuild does: other files, so another version in service-worker.js.
    const index = join(site, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('</body>', '<!-- rebuilt -->\n</body>'));
    const workerFile = join(site, 'service-worker.js');
    const worker = await readFile(workerFile, 'utf8');
    await writeFile(workerFile, worker.replace(/asyncrace-[0-9a-f]{16}/, 'asyncrace-0123456789abcdef'));
    await pg.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await until('the old cache to go', async () => {
      const names = await cacheNames(pg.page);
      return names.length === 1 && names[0] === 'asyncrace-0123456789abcdef';
    });
    assert.notDeepEqual(before, ['asyncrace-0123456789abcdef']);
    await reload(pg.page);
    assert.match(await pg.page.content(), /<!-- rebuilt -->/, 'the next load is the new site');
    assert.deepEqual(pg.problems, []);
  });
});
