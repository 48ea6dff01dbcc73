// Predict, then watch, and Statistics over many runs (issue 11 items 4 and 5), in the page: the
// race diagram's header buttons open them; a guess of nine_tasks_race is compared with the real
// order and every miss names the rule that decided; 100 jittered runs fill a task x rank table
// whose rows each sum to 100, computed between frames (the page keeps drawing), and Stop stops.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, leafOrder, openPlayground, select, setOptions, settled, state, untilFinished } from './playground.mjs';

const predictJson = (page) => page.evaluate(() => JSON.parse(Module.ccall('asyncrace_predict_json', 'string', [], [])));
const statsJson = (page) => page.evaluate(() => JSON.parse(Module.ccall('asyncrace_stats_json', 'string', [], [])));
const call = (page, name, types = [], args = []) =>
  page.evaluate(([n, t, a]) => Module.ccall(n, 'number', t, a), [name, types, args]);
const center = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const inside = (r, w, h) => r.w > 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;

// Polls the statistics until they stop running; counts the frames drawn meanwhile.
// Alt+key held across a frame: ImGui 1.86 reads key state once a frame, so a press whose down and
// up land in one frame (a busy machine) would be missed.
async function altPress(page, key) {
  await page.keyboard.down('Alt');
  await page.keyboard.down(key);
  await settled(page);
  await page.keyboard.up(key);
  await page.keyboard.up('Alt');
  await settled(page);
}

async function statsDone(page, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  const firstFrames = (await state(page)).frames;
  for (;;) {
    const s = await statsJson(page);
    if (!s.running) return { stats: s, frames: (await state(page)).frames - firstFrames };
    if (Date.now() > deadline) throw new Error('statistics did not finish: ' + JSON.stringify(s).slice(0, 300));
    await page.waitForTimeout(50);
  }
}

describe('predict and statistics, 1280x800', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('Predict: a guess beside the real order, hits marked, each miss with its rule', async () => {
    const { page } = pg;
    assert.equal(await select(page, 'nine_tasks_race'), 1);
    assert.equal(await setOptions(page, { ties: 'cpython-heap', speed: 'instant' }), 1);
    await settled(page);
    const button = (await predictJson(page)).button;
    assert.ok(inside(button, 1280, 800), 'the Predict button is on screen: ' + JSON.stringify(button));
    await page.mouse.click(center(button).x, center(button).y);
    await settled(page);
    let p = await predictJson(page);
    assert.equal(p.open, true);
    assert.equal(p.locked, false);
    assert.equal(p.guess.length, 9);
    await page.screenshot({ path: await artifactPath('predict-guess.png') });

    // Keyboard: select a task, Alt+Down moves it one place later; Alt+Up back.
    const first = p.guess[0];
    await page.mouse.click(center(p.rows[0]).x, center(p.rows[0]).y);
    await settled(page);
    await altPress(page, 'ArrowDown');
    p = await predictJson(page);
    assert.equal(p.guess[1], first, 'Alt+Down moved the selected task down: ' + p.guess);
    await altPress(page, 'ArrowUp');
    p = await predictJson(page);
    assert.equal(p.guess[0], first, 'Alt+Up moved it back: ' + p.guess);
    // The mouse: drag the first row onto the third.
    await page.mouse.move(center(p.rows[0]).x, center(p.rows[0]).y);
    await page.mouse.down();
    await settled(page);
    for (const f of [0.3, 0.6, 1]) {
      await page.mouse.move(center(p.rows[0]).x, center(p.rows[0]).y + f * (center(p.rows[2]).y - center(p.rows[0]).y));
      await settled(page);
    }
    await page.mouse.up();
    await settled(page);
    const dragged = (await predictJson(page)).guess;
    assert.deepEqual(dragged, [p.guess[1], p.guess[2], first, ...p.guess.slice(3)], 'the drag moved it to third place');

    // The learner's guess: the order the tasks were started in, backwards.
    const guess = [...p.guess].reverse();
    assert.equal(await call(page, 'asyncrace_predict_set', ['string'], [guess.join(',')]), 1);
    assert.equal(await call(page, 'asyncrace_predict_set', ['string'], ['10,10']), 0, 'a guess must name each task once');
    assert.equal(await call(page, 'asyncrace_predict_run'), 1);
    const done = await untilFinished(page);
    await settled(page);
    p = await predictJson(page);
    const real = leafOrder(done).map(String);
    assert.deepEqual([...p.guess].sort(), [...real].sort(), 'the guess orders exactly the nine workers');
    assert.equal(p.locked, true);
    assert.equal(p.finished, 9);
    assert.deepEqual(p.places.map((x) => x.guessed), guess);
    assert.deepEqual(p.places.map((x) => x.actual), real, 'the real order beside the guess');
    const hits = guess.filter((g, i) => g === real[i]).length;
    assert.equal(p.hits, hits);
    assert.ok(hits < 9);
    for (const place of p.places) {
      assert.equal(place.hit, place.guessed === place.actual);
      // Nine equal one-second sleeps: every difference is the timer heap's doing.
      if (!place.hit) assert.equal(place.rule, 'equal deadlines: timer heap order', JSON.stringify(place));
      if (!place.hit) assert.match(place.why, /heapq/);
      if (!place.hit) assert.ok(place.why.includes(place.guessed + ' (Task-'), 'the rule names the task as guessed: ' + place.why);
    }
    await page.screenshot({ path: await artifactPath('predict-compared.png') });
    assert.deepEqual(pg.problems, []);
  });

  test('Statistics: 100 jittered runs, rows sum to 100, the page keeps drawing', async () => {
    const { page } = pg;
    const button = (await statsJson(page)).button;
    assert.ok(inside(button, 1280, 800), 'the Statistics button is on screen: ' + JSON.stringify(button));
    assert.equal(await call(page, 'asyncrace_stats_open', ['number'], [100]), 1);
    const { stats, frames } = await statsDone(page);
    assert.equal(stats.open, true);
    assert.equal(stats.runs, 100);
    assert.equal(stats.wanted, 100);
    assert.ok(frames >= 2, `the runs were done between frames (${frames} frames drawn meanwhile)`);
    assert.ok(stats.tasks.length >= 9);
    for (const row of stats.tasks)
      assert.equal(row.ranks.reduce((a, b) => a + b, 0), 100, `${row.name}'s ranks sum to the runs`);
    for (let r = 0; r < stats.tasks[0].ranks.length; ++r)
      assert.equal(stats.tasks.reduce((a, row) => a + row.ranks[r], 0), 100, `rank ${r + 1} is held once per run`);
    assert.equal(stats.orders.reduce((a, o) => a + o.count, 0), 100, 'the orders count every run once');
    // The same seed range gives the same table.
    assert.equal(await call(page, 'asyncrace_stats_open', ['number'], [100]), 1);
    const again = (await statsDone(page)).stats;
    assert.deepEqual(again.tasks, stats.tasks);
    assert.deepEqual(again.orders, stats.orders);
    await settled(page);
    await page.screenshot({ path: await artifactPath('stats-100.png') });
    assert.deepEqual(pg.problems, []);
  });

  test('Statistics: Stop stops the runs where they are', async () => {
    const { page } = pg;
    assert.equal(await call(page, 'asyncrace_stats_open', ['number'], [1000]), 1);
    while ((await statsJson(page)).runs === 0) await page.waitForTimeout(5);  // some frames' worth of runs
    assert.equal(await call(page, 'asyncrace_stats_stop'), 1);
    const stopped = await statsJson(page);
    assert.equal(stopped.running, false);
    assert.ok(stopped.runs < 1000, `stopped after ${stopped.runs} runs`);
    await settled(page, 4);
    assert.equal((await statsJson(page)).runs, stopped.runs, 'nothing runs after Stop');
  });
});

describe('predict and statistics on a phone, 390x844', () => {
  let pg;
  before(async () => {
    pg = await openPlayground({ browser: { size: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
  });
  after(async () => { await pg?.close(); });

  test('the buttons fit, the windows fit, nothing scrolls sideways', async () => {
    const { page } = pg;
    assert.equal(await select(page, 'nine_tasks_race'), 1);
    assert.equal(await setOptions(page, { ties: 'jitter', seed: '3', speed: 'instant' }), 1);
    assert.equal(await call(page, 'asyncrace_run'), 1);
    await untilFinished(page);
    await settled(page);
    await page.screenshot({ path: await artifactPath('narrow-header.png') });
    for (const json of [predictJson, statsJson]) {
      const b = (await json(page)).button;
      assert.ok(inside(b, 390, 844), 'the header button is on screen: ' + JSON.stringify(b));
    }
    assert.equal(await call(page, 'asyncrace_stats_open', ['number'], [100]), 1);
    const { stats } = await statsDone(page);
    assert.equal(stats.runs, 100);
    assert.ok(stats.orders.some((o) => o.mine), "seed 3's own order is among seeds 1..100 and marked");
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.equal(width, 390);
    await page.screenshot({ path: await artifactPath('narrow-stats.png') });
    assert.equal(await call(page, 'asyncrace_predict_open'), 1);
    await settled(page);
    await page.screenshot({ path: await artifactPath('narrow-predict.png') });
    assert.deepEqual(pg.problems, []);
  });
});
