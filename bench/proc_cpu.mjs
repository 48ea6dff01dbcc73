// CPU accounting from /proc (Linux only; null elsewhere) for the browser benchmarks
// (pool_web.mjs, page.mjs): the CPU seconds of every thread of the Chromium this node process
// started, grouped (the page's main thread, its Web Workers, the GPU process that draws WebGL with
// SwiftShader on a machine without a GPU, the rest), and what the whole machine used meanwhile.
import { readdirSync, readFileSync } from 'node:fs';

const tick = 0.01;  // USER_HZ: 100 on Linux
function readStat(path) {
  const s = readFileSync(path, 'utf8');
  return s.slice(s.lastIndexOf(')') + 2).split(' ');  // fields from the 3rd (state) on
}
function descendants(root) {
  const children = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const ppid = Number(readStat(`/proc/${p}/stat`)[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch { /* gone meanwhile */ }
  }
  const out = [];
  for (const queue = [root]; queue.length;) for (const k of children.get(queue.pop()) ?? []) { out.push(k); queue.push(k); }
  return out;
}
// CPU seconds per thread of Chromium (every process below this one) and of this node process,
// keyed by pid/tid, with the group each belongs to; plus the machine's busy and total seconds.
export function cpuSnapshot() {
  try {
    const threads = new Map();
    const add = (pid, group) => {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          const f = readStat(`/proc/${pid}/task/${tid}/stat`);
          const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
          const g = group(Number(tid), name);
          threads.set(`${pid}/${tid}`, { group: g, cpu: (Number(f[11]) + Number(f[12])) * tick });
        } catch { /* thread ended */ }
      }
    };
    add(process.pid, () => 'bench (node)');
    for (const pid of descendants(process.pid)) {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer'))
        add(pid, (tid, name) => (name.startsWith('DedicatedWorker') ? 'Web Workers'
                                 : tid === pid ? 'page main thread' : 'renderer, other threads'));
      else if (cmd.includes('--type=gpu-process')) add(pid, () => 'GPU process (SwiftShader)');
      else add(pid, () => 'browser and other processes');
    }
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + cpu[4];
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { threads, busy: (total - idle) * tick, total: total * tick };
  } catch {
    return null;
  }
}
export function cpuDelta(a, b, wall) {
  if (!a || !b) return null;
  const groups = {};
  let ours = 0;
  for (const [key, t] of b.threads) {
    const d = t.cpu - (a.threads.get(key)?.cpu ?? 0);
    groups[t.group] = (groups[t.group] ?? 0) + d;
    ours += d;
  }
  const machine = b.busy - a.busy;
  const cores = (b.total - a.total) / wall;
  return { wall, groups, ours, machine, others: Math.max(0, machine - ours), cores };
}
