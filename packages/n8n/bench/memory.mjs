// Peak memory of the n8n process and its task runner (the Code node's child process), from /proc
// (Linux only). Every `intervalMs` it walks the process tree from n8n's pid and reads each process's
// VmHWM: the kernel's own peak RSS of that process, so a peak between two samples is not missed; only
// growth in a process's last interval before it exits can be.
import fs from 'node:fs';

const kb = (status, field) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

function descendants(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${all[i]}/task`);
    } catch {
      continue; // exited
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8');
        all.push(...children.split(' ').filter(Boolean).map(Number));
      } catch {
        // the thread or process exited meanwhile
      }
    }
  }
  return all;
}

const cmdline = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
};

/** Samples the tree under `rootPid` until stop(): peak RSS in MB of n8n itself and its task runner. */
export function sampleProcessTree(rootPid, intervalMs = 100) {
  const peakKb = new Map(); // pid → VmHWM last read
  const runners = new Set(); // pids of task runners (a forked child shows its parent's cmdline until exec)
  const sample = () => {
    for (const pid of descendants(rootPid)) {
      let status;
      try {
        status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        continue;
      }
      peakKb.set(pid, Math.max(peakKb.get(pid) ?? 0, kb(status, 'VmHWM')));
      if (pid !== rootPid && cmdline(pid).includes('task-runner')) runners.add(pid);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        n8nMb: (peakKb.get(rootPid) ?? 0) / 1024,
        runnerMb: Math.max(0, ...[...runners].map((pid) => peakKb.get(pid) ?? 0)) / 1024,
      };
    },
  };
}
