// Takes a screenshot of the playground for looking at it (not a test):
//   node tests/web/screenshot.mjs [out.png] [--slug nine_tasks_race] [--ties cpython-heap] [--seed 1]
//        [--jitter 50] [--speed instant] [--no-run] [--width 1280] [--height 800] [--dpr 2] [--clip x,y,w,h] [--hover x,y] [--wheel x,y,dy[,count]]
import { parseArgs } from 'node:util';
import { openPlayground, runNineTasks, select, setOptions, run, untilFinished, state } from './playground.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string', default: 'nine_tasks_race' }, ties: { type: 'string', default: 'cpython-heap' },
    seed: { type: 'string', default: '1' }, jitter: { type: 'string', default: '50' },
    speed: { type: 'string', default: 'instant' }, 'no-run': { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' }, height: { type: 'string', default: '800' },
    hover: { type: 'string' }, dpr: { type: 'string', default: '1' }, clip: { type: 'string' }, wheel: { type: 'string', multiple: true }, wait: { type: 'string', default: '300' },
  },
});
const out = positionals[0] ?? 'build/web/artifacts/screenshot.png';
const pg = await openPlayground({ deviceScaleFactor: Number(values.dpr) });
try {
  await pg.page.setViewportSize({ width: Number(values.width), height: Number(values.height) });
  await select(pg.page, values.slug);
  await setOptions(pg.page, { ties: values.ties, seed: values.seed, jitterUs: Number(values.jitter), speed: values.speed });
  if (!values['no-run']) {
    await run(pg.page);
    if (values.speed === 'instant') await untilFinished(pg.page);
  }
  for (const w of values.wheel ?? []) {
    const [x, y, dy, count = 1] = w.split(',').map(Number);
    await pg.page.mouse.move(x, y);
    for (let i = 0; i < count; ++i) {
      await pg.page.mouse.wheel(0, dy);
      await pg.page.waitForTimeout(40);
    }
  }
  if (values.hover) {
    const [x, y] = values.hover.split(',').map(Number);
    await pg.page.mouse.move(x, y);
  }
  await pg.page.waitForTimeout(Number(values.wait));
  const [cx, cy, cw, ch] = (values.clip ?? '').split(',').map(Number);
  await pg.page.screenshot({ path: out, ...(values.clip ? { clip: { x: cx, y: cy, width: cw, height: ch } } : {}) });
  const s = await state(pg.page);
  console.log(JSON.stringify({ ...s, lines: s.lines.length, finish_order: s.finish_order.map((t) => t.first_output || t.name) }));
  if (pg.problems.length) console.log('problems:', pg.problems);
  console.log(pg.logs.filter((l) => !l.startsWith('log: asyncrace ready')).join('\n'));
} finally {
  await pg.close();
}
