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
