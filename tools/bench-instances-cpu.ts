/**
 * CPU time during a window of the instances benchmark, read from /proc (Linux): each server instance
 * (its threads included: the verdict workers), the PostgreSQL server (the postmaster's children, when
 * it runs on this machine), this process (the simulated clients), and the whole machine, so
 * "everything else" (other programs sharing the cores) shows too. Figures are CPU-seconds over the
 * window and the share of one core they amount to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Clock ticks per second for /proc's times (USER_HZ: 100 on Linux everywhere that matters). */
const HZ = 100;

/** utime + stime of one process (threads included), in seconds; NaN when it is gone. */
function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
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

/** A process and its children (one level: the postmaster's backends and workers). */
function familySeconds(root: number): number {
  let total = processSeconds(root);
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== root && parentOf(pid) === root) total += processSeconds(pid) || 0;
  }
  return total;
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
    instances: instancePids.map(processSeconds),
    postgres: postmaster === null ? null : familySeconds(postmaster),
    clients: (own.user + own.system) / 1e6,
    machineBusy: m.busy,
    machineTotal: m.total,
  };
}

/**
 * Starts a window; `end()` gives its lines of figures. Read every second, so an instance killed
 * during the window counts with the CPU it had used when last seen.
 */
export function cpuWindow(instancePids: readonly number[], postmaster: number | null): { end(submissions: number): string } {
  const start = read(instancePids, postmaster);
  let seen = start.instances;
  const keep = (now: CpuReading) => {
    seen = now.instances.map((s, i) => (Number.isNaN(s) ? seen[i]! : s));
    return { ...now, instances: seen };
  };
  const sampler = setInterval(() => keep(read(instancePids, postmaster)), 1000);
  return {
    end(submissions) {
      clearInterval(sampler);
      const stop = keep(read(instancePids, postmaster));
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
        `    the simulated clients (this process): ${share(clients)}`,
        `    whole machine: ${((100 * busy) / capacity).toFixed(0)} % busy; everything else on it (other programs): ${share(Math.max(0, busy - ours))}`,
        `    server side (instances + PostgreSQL) per submission: ${submissions > 0 ? ((1e6 * server) / submissions).toFixed(0) : '–'} µs of CPU`,
      ].join('\n');
    },
  };
}

/** The postmaster of the PostgreSQL server a backend belongs to (its parent), or null when not on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const parent = parentOf(backendPid);
  return parent > 1 ? parent : null;
}
