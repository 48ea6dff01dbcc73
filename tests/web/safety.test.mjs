// Safe by construction: markup and script fed through every input (link parameters, printed
// lines, tutorial names, shortcut labels) stay text, nothing executes, and the Content-Security-
// Policy (own scripts and wasm only) reports no violation in normal use.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, runNineTasks, settled, state } from './playground.mjs';

// Before any page script: record CSP violations and anything an injected payload would do.
async function watch(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    window.__pwned = 0;
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page) => page.evaluate(() => window.__violations);
const pwned = (page) => page.evaluate(() => window.__pwned);

describe('content security policy in normal use', () => {
  let pg;
  before(async () => { pg = await openPlayground({ beforeLoad: watch }); });
  after(async () => { await pg?.close(); });

  test('the page carries the policy: own scripts and wasm only, no plugins, no other hosts', async () => {
    const csp = await pg.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(csp, /object-src 'none';/);
    assert.match(csp, /connect-src 'self';/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await pg.page.$$eval('script:not([src])', (s) => s.length), 0, 'no inline script');
    assert.equal(await pg.page.$$eval('[onclick],[onload],[onerror],[oncontextmenu]', (s) => s.length), 0);
  });

  test('running, exporting, switching theme and opening the shortcuts raise no violation', async () => {
    await runNineTasks(pg.page, { ties: 'cpython-heap', speed: 'instant' });
    await settled(pg.page);
    const download = pg.page.waitForEvent('download');
    assert.equal(await pg.page.evaluate(() => Module.ccall('asyncrace_download', 'number', ['string'], ['svg'])), 1);
    await download;
    const b = (await state(pg.page)).theme_button;
    await pg.page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await settled(pg.page);
    await pg.page.keyboard.press('?');
    await pg.page.keyboard.press('Escape');
    assert.deepEqual(await violations(pg.page), []);
    assert.deepEqual(pg.problems, []);
  });
});

describe('markup stays text', () => {
  const img = '<img src=x onerror="window.__pwned=1">';
  const script = '<script>window.__pwned=2</script>';
  const svg = '<svg onload="window.__pwned=3"></svg>';

  test('link parameters: a tutorial name and a seed made of markup are shown as text', async () => {
    const query = '?' + new URLSearchParams({ tutorial: img, compare: svg, ties: 'jitter', seed: script }).toString() + '&run';
    const pg = await openPlayground({ query, beforeLoad: watch });
    try {
      const s = await settled(pg.page);
      assert.match(s.message, /There is no tutorial called "<img src=x onerror=/);
      // The status mirror says the first problem a reader must fix: the seed, markup and all, as text.
      const status = await pg.page.$eval('#status-mirror', (e) => e.textContent);
      assert.ok(status.includes(`(got "${script}")`), 'the status mirror shows the markup as text: ' + status);
      assert.equal(await pg.page.$$eval('#mirror img, #mirror svg, #mirror script', (e) => e.length), 0);
      assert.equal(await pwned(pg.page), 0);
      assert.deepEqual(await violations(pg.page), [], 'an injected handler would have been blocked and reported');
      assert.deepEqual(pg.problems, []);
    } finally {
      await pg.close();
    }
  });

  test('printed lines and shortcut labels: the paths they take into the DOM make text nodes', async () => {
    const pg = await openPlayground({ beforeLoad: watch });
    try {
      await pg.page.evaluate(([a, b, c]) => {
        asyncracePage.mirror(0, a);  // a run's heading (from the tutorial's name)
        asyncracePage.mirror(1, b);  // a printed line
        asyncracePage.mirror(2, c);  // the finish order (from printed words)
        asyncraceKeys.add({ keys: 'Mod+K', label: b, run: () => {} });
        asyncraceKeys.showHelp();
      }, [svg, img, script]);
      const seen = await pg.page.evaluate(() => ({
        heading: document.getElementById('mirror-heading').textContent,
        line: document.querySelector('#console-mirror p').textContent,
        finish: document.getElementById('finish-mirror').textContent,
        label: [...document.querySelectorAll('#shortcut-list td')].pop().textContent,
        elements: document.querySelectorAll('#mirror img, #mirror svg, #mirror script, dialog img').length,
      }));
      assert.deepEqual(seen, { heading: svg, line: img, finish: script, label: img, elements: 0 });
      assert.equal(await pwned(pg.page), 0);
      assert.deepEqual(await violations(pg.page), []);
    } finally {
      await pg.close();
    }
  });
});
