// Pool lanes in the page: processpool_cpu_bound submits 30 cpu_bound jobs to a pool of 8 (virtual)
// processes; the race diagram draws one lane per worker below the task lanes.
// node --test tests/web/pool_lanes.test.mjs (needs the built site).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { settled, artifactPath, openPlayground, run, select, setOptions, state, untilFinished } from './playground.mjs';

describe('pool lanes', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('processpool_cpu_bound: 8 worker lanes holding the 30 jobs', async () => {
    assert.equal(await select(pg.page, 'processpool_cpu_bound'), 1);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }), 1);
    assert.equal(await run(pg.page), 1);
    await untilFinished(pg.page);
    await settled(pg.page, 3);
    const s = await state(pg.page);
    assert.equal(s.error, '');
    assert.equal(s.pool_lanes.length, 8, JSON.stringify(s.pool_lanes));
    assert.deepEqual(s.pool_lanes.map((l) => l.label),
                     [...Array(8).keys()].map((w) => `pool 0 \u00b7 worker ${w}`));
    assert.equal(s.pool_lanes.reduce((n, l) => n + l.jobs, 0), 30);
    assert.ok(s.pool_lanes.every((l) => l.jobs >= 1));
    const d = s.diagram_panel;
    await pg.page.screenshot({ path: await artifactPath('pool-lanes.png'),
                               clip: { x: d.x, y: d.y, width: d.w, height: d.h } });
    assert.deepEqual(pg.problems, []);
  });

  test('a tutorial without executor jobs has no pool lanes', async () => {
    assert.equal(await select(pg.page, 'gather_three'), 1);
    assert.equal(await run(pg.page), 1);
    await untilFinished(pg.page);
    await settled(pg.page, 3);
    assert.deepEqual((await state(pg.page)).pool_lanes, []);
  });
});
