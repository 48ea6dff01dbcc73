// The page draws only when something changes (issue 12): once input and calls have been drawn it
// stops its frame loop and requests no frames; input, automation calls and a playing run bring
// them back. No timing: the waits are on the browser's own animation frames.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, run, select, setOptions, settled, state, untilFinished } from './playground.mjs';

// Lets the browser run `n` animation frames of its own: a page with a running frame loop draws
// in each of them.
const browserFrames = (page, n) =>
  page.evaluate((k) => new Promise((done) => {
    const step = () => (--k <= 0 ? done() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);

describe('an idle page', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('draws no frames while nothing changes', async () => {
    const s = await settled(pg.page);
    assert.equal(s.idle, true, 'the frame loop stopped after loading');
    await browserFrames(pg.page, 10);
    const later = await state(pg.page);
    assert.equal(later.frames, s.frames, 'no frame in ten of the browser\'s animation frames');
    assert.equal(later.idle, true);
  });

  test('input wakes it, and it goes idle again once drawn', async () => {
    const s = await settled(pg.page);
    const p = s.diagram_panel;
    await pg.page.mouse.move(p.x + p.w / 2, p.y + p.h / 2);
    const woken = await state(pg.page);
    assert.equal(woken.idle, false, 'a mouse move restarts the frame loop at once');
    const drawn = await settled(pg.page);
    assert.ok(drawn.frames > s.frames, 'the move was drawn');
    await browserFrames(pg.page, 10);
    const quiet = await state(pg.page);
    assert.equal(quiet.idle, true);
    assert.equal(quiet.frames, drawn.frames);
  });

  test('an automation call is drawn', async () => {
    const s = await settled(pg.page);
    assert.equal(await select(pg.page, 'gather_three'), 1);
    const drawn = await settled(pg.page);
    assert.ok(drawn.frames > s.frames);
    assert.equal(drawn.tutorial, 'gather_three');
    assert.equal(drawn.idle, true);
  });

  test('a run playing in slow motion keeps drawing until it has finished', async () => {
    await select(pg.page, 'gather_three');
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: '0.25x' }), 1);
    assert.equal(await run(pg.page), 1);
    const playing = await state(pg.page);
    await browserFrames(pg.page, 3);
    const s = await state(pg.page);
    assert.ok(s.running, 'one second of virtual time at 0.25x is still playing');
    assert.equal(s.idle, false);
    assert.ok(s.frames > playing.frames, 'frames are drawn while it plays');
    const done = await untilFinished(pg.page);
    assert.ok(done.finished);
    const quiet = await settled(pg.page);
    await browserFrames(pg.page, 10);
    assert.equal((await state(pg.page)).frames, quiet.frames, 'no frames once the run has finished');
    assert.deepEqual(pg.problems, []);
  });
});

// A run that only waits on a real worker changes little on screen (the job's bar grows): the page
// draws a few frames a second, and fewer where the browser draws WebGL on the CPU (no GPU: this
// headless Chromium's SwiftShader), where each 1280x800 frame takes ~45 ms of a core from the
// workers. Counted against the job's own duration, as the worker measured it.
describe('a run waiting on a real worker', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('is drawn a few frames a second, 4 when frames are drawn on the CPU', async () => {
    const { page } = pg;
    assert.equal(await page.evaluate(() => Module.ccall('asyncrace_set_executor', 'number', ['string', 'number'], ['real', 1])), 1);
    assert.equal(await page.evaluate((t) => Module.ccall('asyncrace_set_source', 'number', ['string'], [t]), `import asyncio
import concurrent.futures


def count_primes(limit):
    return sum(1 for k in range(2, limit) if all(k % d for d in range(2, int(k ** 0.5) + 1)))


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        print("primes:", await loop.run_in_executor(pool, count_primes, 250000))


if __name__ == "__main__":
    asyncio.run(main())
`), 1);
    const before = await settled(page);
    assert.equal(await run(page), 1);
    let last = before;
    for (const deadline = Date.now() + 60000; ;) {
      const s = await state(page);
      if (!s.running) break;
      last = s;
      assert.ok(Date.now() < deadline, 'the run ends');
      await page.waitForTimeout(50);
    }
    const done = await settled(page);
    assert.deepEqual(done.lines.map((l) => l.text), ['primes: 22044']);  // python3: 22044 primes below 250000
    const [lane] = done.pool_lanes;
    const [, start, end] = lane.intervals[0];
    const seconds = end - start;
    assert.ok(seconds > 0.3, `the job ran a while: ${seconds} s`);
    // The tests' Chromium runs with --disable-gpu: WebGL on SwiftShader, which the page recognises.
    assert.equal(done.drawing_on_cpu, true);
    const perSecond = done.drawing_on_cpu ? 4 : 10;
    // The frame the run starts in, then one each interval; with a GPU the three frames an event is
    // owed come at once, on the CPU they keep the pace too. (Unpaced, this machine drew 10 frames
    // in a 1.18 s job, against 5 paced.)
    const allowed = (done.drawing_on_cpu ? 2 : 5) + Math.ceil(seconds * perSecond);
    const drawn = last.frames - before.frames;
    assert.ok(drawn <= allowed, `${drawn} frames in a ${seconds.toFixed(2)} s job (at most ${allowed}: ` +
                                `${perSecond} a second, drawing on the CPU: ${done.drawing_on_cpu})`);
    assert.ok(drawn >= 2, 'the job\'s progress is drawn');
    assert.deepEqual(pg.problems, []);
  });
});
