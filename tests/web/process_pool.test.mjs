// An interpreted program's ProcessPoolExecutor on real Web Workers (python/process_worker.hpp): the
// program typed into "Your program" runs with the workers control on 2 Web Workers. Each worker
// loads the same wasm, imports the program as __mp_main__ (its guarded asyncio.run does not run
// there; its module-level print does, once per worker), and runs the pickled calls. The console
// shows the virtual mode's results, pickle's error for a lambda, a worker's exception with
// CPython's message; the two lanes' jobs overlap (real parallelism, no timing threshold).
// node --test tests/web/process_pool.test.mjs (needs the built site).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { settled, artifactPath, openPlayground, pasteIntoEditor, run, select, setOptions, state, untilFinished } from './playground.mjs';

const repo = resolve(import.meta.dirname, '..', '..');

const setExecutor = (page, mode, workers) =>
  page.evaluate(([m, n]) => Module.ccall('asyncrace_set_executor', 'number', ['string', 'number'], [m, n]),
                [mode, workers]);
const setSource = (page, text) =>
  page.evaluate((t) => Module.ccall('asyncrace_set_source', 'number', ['string'], [t]), text);

const program = `import asyncio
import concurrent.futures

if __name__ != "__main__":
    print("worker ready:", __name__)


def count_primes(limit):
    n = 0
    for k in range(2, limit):
        if all(k % d for d in range(2, int(k ** 0.5) + 1)):
            n += 1
    return n


def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        calls = [loop.run_in_executor(pool, count_primes, 20000 + 1000 * i) for i in range(6)]
        print("primes:", await asyncio.gather(*calls))
        for fn, arg in ((lambda x: x, 1), (check, -2)):
            try:
                await loop.run_in_executor(pool, fn, arg)
            except Exception as e:
                print(type(e).__name__, e)


if __name__ == "__main__":
    asyncio.run(main())
`;

// python3 on the same counts (2262 primes below 20000, ...): what CPython prints.
const expected = [
  'primes: [2262, 2360, 2464, 2564, 2668, 2762]',
  "AttributeError Can't pickle local object 'main.<locals>.<lambda>'",
  'ValueError negative: -2',
];

// paste: into the editor, as a learner would (the screenshot then shows the program that ran);
// otherwise through the automation API, which leaves the editor's text as it was.
async function runProgram(page, executor, { paste = false } = {}) {
  assert.equal(await select(page, 'your_program'), 1);
  if (paste) assert.equal(await pasteIntoEditor(page, program), program);
  else assert.equal(await setSource(page, program), 1);
  assert.equal(await setOptions(page, { ties: 'cpython-heap', speed: executor === 'real' ? '1x' : 'instant' }), 1);
  assert.equal(await setExecutor(page, executor, 2), 1);
  assert.equal(await run(page), 1);
  const s = await untilFinished(page, 180000);
  await settled(page, 3);
  return { s, f: await state(page) };
}

describe('an interpreted program\'s process pool on Web Workers', () => {
  let pg;
  before(async () => { pg = await openPlayground(); });
  after(async () => { await pg?.close(); });

  test('2 Web Workers: the virtual mode\'s console, each worker imports the program once, lanes overlap', async () => {
    const { s, f } = await runProgram(pg.page, 'real', { paste: true });
    assert.equal(f.error, '', JSON.stringify(s.lines));
    assert.equal(f.options.executor, 'real');
    const texts = s.lines.map((l) => l.text);
    const own = texts.filter((t) => !t.startsWith('worker ready:'));
    assert.deepEqual(own, expected, JSON.stringify(texts));
    // Each Web Worker imported the program as __mp_main__ (the guard kept asyncio.run from running
    // there) and printed once: at most one line per worker, the first before the first result.
    const ready = texts.filter((t) => t.startsWith('worker ready:'));
    assert.ok(ready.length >= 1 && ready.length <= 2, JSON.stringify(texts));
    assert.ok(ready.every((t) => t === 'worker ready: __mp_main__'), JSON.stringify(texts));
    assert.ok(texts.indexOf(ready[0]) < texts.indexOf(expected[0]), JSON.stringify(texts));

    // Two lanes; the six count_primes jobs and check's between them (the lambda never left).
    assert.deepEqual(f.pool_lanes.map((l) => l.worker), [0, 1], JSON.stringify(f.pool_lanes));
    assert.equal(f.pool_lanes.reduce((n, l) => n + l.jobs, 0), 7);
    const [a, b] = f.pool_lanes.map((l) => l.intervals);
    const overlap = a.some(([, s1, e1]) => b.some(([, s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
    assert.ok(overlap, JSON.stringify(f.pool_lanes));
    assert.ok(f.workers.started >= 2);
    assert.deepEqual(pg.problems, []);

    const d = f.diagram_panel;
    await pg.page.screenshot({ path: await artifactPath('process-pool-web-workers.png'),
                               clip: { x: d.x, y: d.y, width: d.w, height: d.h } });
    await pg.page.screenshot({ path: await artifactPath('process-pool-web-workers-page.png') });
  });

  test('processpool_cpu_bound\'s notebook as your program, on 2 Web Workers: CPython\'s 30 results', async () => {
    // A notebook has no file a worker could import, but cpu_bound travels by its module
    // (cpu_tasks): the interpreted jobs run the seed's real loop on the workers.
    const golden = (await readFile(resolve(repo, 'tests/golden/processpool_cpu_bound.jsonl'), 'utf8'))
      .split('\n').filter(Boolean).map((l) => JSON.parse(l).text).find((t) => t?.startsWith('processpool elapsed'));
    assert.equal(await select(pg.page, 'your_program'), 1);
    const notebook = await readFile(resolve(repo, 'src/tutorials/seed001/processpool_cpu_bound.py'), 'utf8');
    assert.equal(await setSource(pg.page, notebook), 1);
    assert.equal(await setOptions(pg.page, { ties: 'cpython-heap', speed: 'instant' }), 1);
    assert.equal(await setExecutor(pg.page, 'real', 2), 1);
    assert.equal(await run(pg.page), 1);
    const s = await untilFinished(pg.page, 180000);
    const f = await state(pg.page);
    assert.equal(f.error, '');
    const printed = s.lines.find((l) => l.text.startsWith('processpool elapsed'));
    assert.ok(printed, JSON.stringify(s.lines));
    const results = (t) => t.slice(t.indexOf('results:'));
    assert.equal(results(printed.text), results(golden));
    assert.equal(f.pool_lanes.reduce((n, l) => n + l.jobs, 0), 30);
    assert.deepEqual(pg.problems, []);
  });

  test('virtual workers: the same console', async () => {
    const { s } = await runProgram(pg.page, 'virtual');
    const texts = s.lines.map((l) => l.text);
    assert.deepEqual(texts.filter((t) => !t.startsWith('worker ready:')), expected, JSON.stringify(texts));
    // Pure Python costs no virtual time: the first virtual worker is free again for every call,
    // so only it imports the program.
    assert.equal(texts.filter((t) => t === 'worker ready: __mp_main__').length, 1);
    assert.deepEqual(pg.problems, []);
  });
});
