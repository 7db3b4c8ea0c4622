/**
 * CPU time during a window of the instances benchmark, read from /proc (Linux): each server instance
 * (its threads included: the verdict workers), the PostgreSQL server (the postmaster's children, when
 * it runs on this machine), this process (the simulated clients), and the whole machine, so
 * "everything else" (other programs sharing the cores) shows too. Figures are CPU-seconds over the
 * window and the share of one core they amount to; then the same split by thread (main, verdict
 * worker, the rest) and by kind of PostgreSQL process, in µs per submission.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Clock ticks per second for /proc's times (USER_HZ: 100 on Linux everywhere that matters). */
const HZ = 100;

/** utime + stime of one process (threads included), in seconds; NaN when it is gone. */
function processSeconds(pid: number, path = `/proc/${pid}/stat`): number {
  try {
    const stat = readFileSync(path, 'utf8');
    // Fields after the command name (which may hold spaces), which ends at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / HZ;
  } catch {
    return NaN;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

/** The children of a process (one level: the postmaster's backends and workers). */
export function childrenOf(root: number): number[] {
  return readdirSync('/proc').map(Number).filter((pid) => Number.isInteger(pid) && pid !== root && parentOf(pid) === root);
}

/** A process and its children (one level: the postmaster's backends and workers). */
function familySeconds(root: number): number {
  let total = processSeconds(root);
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== root && parentOf(pid) === root) total += processSeconds(pid) || 0;
  }
  return total;
}

/** utime + stime of each thread of a process, by thread id (the main thread's id is the pid). */
function threadSeconds(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const s = processSeconds(Number(tid), `/proc/${pid}/task/${tid}/stat`);
    if (!Number.isNaN(s)) out.set(Number(tid), s);
  }
  return out;
}

/** What a PostgreSQL child process is, from its title: "client backends" or the background process's name. */
function postgresRole(pid: number): string {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    if (/\(\d+\)|\[local\]/.test(title)) return 'client backends';
    return title.replace(/^postgres:\s*/, '').replace(/\s+$/, '') || 'postmaster';
  } catch {
    return 'gone';
  }
}

/** Each child of the postmaster (and the postmaster itself): its CPU-seconds and role. */
function postgresProcesses(root: number): Map<number, { role: string; seconds: number }> {
  const out = new Map<number, { role: string; seconds: number }>();
  out.set(root, { role: 'postmaster', seconds: processSeconds(root) });
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== root && parentOf(pid) === root) out.set(pid, { role: postgresRole(pid), seconds: processSeconds(pid) || 0 });
  }
  return out;
}

/** Busy and total CPU-seconds of the whole machine since boot (all cores). */
function machineSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy: busy / HZ, total: (busy + idle! + iowait!) / HZ };
}

export interface CpuReading {
  readonly seconds: number;
  readonly instances: number[];
  readonly postgres: number | null;
  readonly clients: number;
  readonly machineBusy: number;
  readonly machineTotal: number;
}

function read(instancePids: readonly number[], postmaster: number | null): CpuReading {
  const m = machineSeconds();
  const own = process.cpuUsage();
  return {
    seconds: performance.now() / 1000,
    instances: instancePids.map((pid) => processSeconds(pid)),
    postgres: postmaster === null ? null : familySeconds(postmaster),
    clients: (own.user + own.system) / 1e6,
    machineBusy: m.busy,
    machineTotal: m.total,
  };
}

/** CPU-seconds of things (threads, processes) seen during a window: a thing first seen after the start was born in it and counts from 0. */
class Deltas {
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private started = false;

  see(readings: Iterable<[string, number]>): void {
    for (const [key, seconds] of readings) {
      if (!this.first.has(key)) this.first.set(key, this.started ? 0 : seconds);
      this.last.set(key, seconds);
    }
  }

  /** Ends the first reading: later things are new. */
  begin(): void {
    this.started = true;
  }

  /** Each thing's CPU-seconds over the window, biggest first. */
  deltas(): [string, number][] {
    return [...this.last].map(([key, s]): [string, number] => [key, s - this.first.get(key)!]).sort((a, b) => b[1] - a[1]);
  }
}

/**
 * Where the CPU went inside each process: for an instance (and for the clients) its main thread,
 * its busiest other thread (the verdict worker; the projectors' thread for the clients) and the
 * rest (the garbage collector's helpers, libuv's pool); for PostgreSQL each kind of process (the
 * client backends together). Lines in µs of CPU per submission.
 */
function breakdown(instancePids: readonly number[], postmaster: number | null): { sample(): void; lines(submissions: number): string[] } {
  const inst = instancePids.map(() => new Deltas());
  const own = new Deltas();
  const pg = new Deltas();
  const roles = new Map<string, string>();
  const sample = () => {
    instancePids.forEach((pid, i) => inst[i]!.see([...threadSeconds(pid)].map(([tid, s]) => [tid === pid ? 'main' : String(tid), s])));
    own.see([...threadSeconds(process.pid)].map(([tid, s]) => [tid === process.pid ? 'main' : String(tid), s]));
    if (postmaster !== null) {
      pg.see(
        [...postgresProcesses(postmaster)].map(([pid, p]) => {
          if (!roles.has(String(pid)) || roles.get(String(pid)) === 'gone') roles.set(String(pid), p.role);
          return [String(pid), p.seconds];
        }),
      );
    }
  };
  sample();
  for (const d of [...inst, own, pg]) d.begin();
  const per = (s: number, n: number) => `${((1e6 * s) / n).toFixed(0)} µs`;
  const threads = (d: Deltas, n: number, other: string) => {
    const all = d.deltas();
    const main = all.find(([k]) => k === 'main')?.[1] ?? 0;
    const rest = all.filter(([k]) => k !== 'main');
    const busiest = rest[0]?.[1] ?? 0;
    const others = rest.slice(1).reduce((a, [, s]) => a + s, 0);
    return `main thread ${per(main, n)}, ${other} ${per(busiest, n)}, ${rest.length - 1} other threads ${per(others, n)}`;
  };
  return {
    sample,
    lines(n) {
      if (n === 0) return [];
      const byRole = new Map<string, { seconds: number; count: number }>();
      for (const [pid, s] of pg.deltas()) {
        const role = roles.get(pid) ?? 'gone';
        const r = byRole.get(role) ?? { seconds: 0, count: 0 };
        byRole.set(role, { seconds: r.seconds + s, count: r.count + 1 });
      }
      return [
        `  CPU per submission by thread and process (of ${n} submissions):`,
        ...inst.map((d, i) => `    instance ${i + 1}: ${threads(d, n, 'busiest other thread (the verdict worker)')}`),
        ...(postmaster === null
          ? []
          : [`    PostgreSQL: ${[...byRole].filter(([, r]) => r.seconds > 0).sort((a, b) => b[1].seconds - a[1].seconds).map(([role, r]) => `${role}${r.count > 1 ? ` (${r.count})` : ''} ${per(r.seconds, n)}`).join(', ')}`]),
        `    the simulated clients: ${threads(own, n, 'busiest other thread (the projectors)')}`,
      ];
    },
  };
}

/**
 * Starts a window; `end()` gives its lines of figures. Read every second, so an instance killed
 * during the window counts with the CPU it had used when last seen.
 */
export function cpuWindow(instancePids: readonly number[], postmaster: number | null): { end(submissions: number): string } {
  const start = read(instancePids, postmaster);
  const split = breakdown(instancePids, postmaster);
  let seen = start.instances;
  const keep = (now: CpuReading) => {
    seen = now.instances.map((s, i) => (Number.isNaN(s) ? seen[i]! : s));
    return { ...now, instances: seen };
  };
  const sampler = setInterval(() => {
    keep(read(instancePids, postmaster));
    split.sample();
  }, 1000);
  return {
    end(submissions) {
      clearInterval(sampler);
      const stop = keep(read(instancePids, postmaster));
      split.sample();
      const wall = stop.seconds - start.seconds;
      const share = (cpu: number) => `${cpu.toFixed(1)} s (${((100 * cpu) / wall).toFixed(0)} % of a core)`;
      const inst = stop.instances.map((s, i) => s - start.instances[i]!);
      const pg = stop.postgres === null || start.postgres === null ? null : stop.postgres - start.postgres;
      const clients = stop.clients - start.clients;
      const busy = stop.machineBusy - start.machineBusy;
      const capacity = stop.machineTotal - start.machineTotal;
      const ours = inst.reduce((a, b) => a + b, 0) + (pg ?? 0) + clients;
      const server = inst.reduce((a, b) => a + b, 0) + (pg ?? 0);
      return [
        `CPU over the ${wall.toFixed(0)} s of submissions (${availableParallelism()} cores; CPU-seconds and share of one core):`,
        ...inst.map((s, i) => `    instance ${i + 1}: ${share(s)}`),
        `    PostgreSQL: ${pg === null ? 'not on this machine' : share(pg)}`,
        // A real class's screens run on the trainees' own machines: this share is what the bench takes from the server's cores.
        `    the simulated clients (this process): ${share(clients)}, ${busy > 0 ? ((100 * clients) / busy).toFixed(0) : '–'} % of all CPU used on the machine, ${submissions > 0 ? ((1e6 * clients) / submissions).toFixed(0) : '–'} µs a submission`,
        `    whole machine: ${((100 * busy) / capacity).toFixed(0)} % busy; everything else on it (other programs): ${share(Math.max(0, busy - ours))}`,
        `    server side (instances + PostgreSQL) per submission: ${submissions > 0 ? ((1e6 * server) / submissions).toFixed(0) : '–'} µs of CPU`,
        ...split.lines(submissions),
      ].join('\n');
    },
  };
}

/** The postmaster of the PostgreSQL server a backend belongs to (its parent), or null when not on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const parent = parentOf(backendPid);
  return parent > 1 ? parent : null;
}
