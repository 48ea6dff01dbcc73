// Every tutorial in the page: it opens with both sources and its explanation, runs to its end, and
// its console shows exactly its golden transcript's lines at their virtual times (the same check
// ctest makes natively and under node, here through the page that learners use).
// Also saves a screenshot of several tutorials to the artifacts folder, for looking at them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactPath, openPlayground, run, select, setOptions, state, untilFinished } from './playground.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const goldenDir = join(repo, 'tests', 'golden');
const tutorialDirs = ['seed000', 'seed001', 'seed002', 'seed003', 'seed004'].map((d) => join(repo, 'src', 'tutorials', d));
// Looked at by eye after each change to the page (one per kind of diagram).
const pictured = new Set(['forgotten_await', 'blocking_vs_async_sleep', 'processpool_cpu_bound', 'task_repr_jupyter',
  'taskgroup', 'producer_consumer_seed444', 'syntax_error_yield_from']);

async function slugs() {
  const all = [];
  for (const dir of tutorialDirs)
    for (const f of (await readdir(dir)).sort()) if (f.endsWith('.py')) all.push(f.slice(0, -3));
  return all;
}

const all = await slugs();

describe('every tutorial in the page', () => {
  test('the page has at least the 42 tutorials of the seeds', () => {
    assert.ok(all.length >= 42, `found ${all.length} tutorials`);
  });
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  // One test per tutorial, so that the first mismatch does not hide the others.
  for (const slug of all) {
    test(`${slug}: opens, runs to its end and prints its golden transcript`, async () => {
      assert.equal(await select(pg.page, slug), 1, `the page knows ${slug}`);
      const opened = await state(pg.page);
      assert.equal(opened.tutorial, slug);
      // Run under the tie policy the tutorial opens with (its golden's).
      assert.equal(await setOptions(pg.page, { ties: opened.options.ties, speed: 'instant' }), 1);
      assert.equal(await run(pg.page), 1, `${slug} starts`);
      const s = await untilFinished(pg.page);
      const golden = (await readFile(join(goldenDir, `${slug}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      // The page prints a plausible address where the goldens normalise every one to 0x...
      const shown = s.lines.map((l) => [Math.round(l.t * 1e6) / 1e6, l.text.replace(/\bat 0x[0-9a-f]+\b/g, 'at 0x...')]);
      assert.deepEqual(shown, golden.map((r) => [r.t, r.text]), `${slug}: console = golden`);
      if (pictured.has(slug)) await pg.page.screenshot({ path: await artifactPath(`tutorial-${slug}.png`) });
    });
  }

  test('no console errors in all those runs', () => {
    assert.deepEqual(pg.problems, [], 'no console errors');
  });
});
