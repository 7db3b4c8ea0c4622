/**
 * Reads the server's `--trace-gc` output kept by a burst run
 * (`BENCH_SERVER_NODE_FLAGS=--trace-gc BENCH_SERVER_LOG=<file> npx tsx tools/bench-classroom.ts --burst 2000`)
 * and prints, for each V8 heap (the main thread's, and each worker thread's) and each stretch of
 * collections close together (a burst, say), how many scavenges and mark-compacts ran, the time
 * they took on the thread that owns the heap, and how many MB the code allocated between them
 * (each collection's "before" less the previous one's "after"). Divide by the burst's size for
 * bytes a submission.
 *
 * Usage: tsx tools/bench/classroom-gc-trace.ts <log> [--gap 400] [--min 5]
 */
import { readFileSync } from 'node:fs';

interface Collection {
  readonly heap: string;
  readonly at: number;
  readonly kind: 'scavenge' | 'mark-compact';
  readonly before: number;
  readonly after: number;
  readonly committedAfter: number;
  readonly ms: number;
}

// [pid:0xheap]   12345 ms: Scavenge 84.2 (126.4) -> 71.6 (98.4) MB, 19.04 / 0.25 ms ...
const LINE = /\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: (Scavenge|Mark-Compact|Mark-Compact \(reduce\)|Minor Mark-Compact)\s+([\d.]+) \([\d.]+\) -> ([\d.]+) \(([\d.]+)\) MB, ([\d.]+) \//;

export function readCollections(text: string): Collection[] {
  const found: Collection[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (m === null) continue;
    found.push({
      heap: m[1]!,
      at: Number(m[2]),
      kind: m[3] === 'Scavenge' ? 'scavenge' : 'mark-compact',
      before: Number(m[4]),
      after: Number(m[5]),
      committedAfter: Number(m[6]),
      ms: Number(m[7]),
    });
  }
  return found;
}

/** Collections of one heap split where `gapMs` passed without one. */
export function stretches(collections: readonly Collection[], gapMs: number): Collection[][] {
  const out: Collection[][] = [];
  for (const c of collections) {
    const last = out.at(-1);
    if (last !== undefined && c.at - last.at(-1)!.at <= gapMs) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** MB allocated across a stretch: what each collection found, less what the one before it left. */
export function allocatedMb(stretch: readonly Collection[]): number {
  let mb = 0;
  for (let i = 1; i < stretch.length; i++) mb += Math.max(0, stretch[i]!.before - stretch[i - 1]!.after);
  return mb;
}

function main(): void {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('Usage: tsx tools/bench/classroom-gc-trace.ts <trace-gc log> [--gap 400] [--min 5]');
    process.exit(2);
  }
  const option = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const all = readCollections(readFileSync(file, 'utf8'));
  const heaps = [...new Set(all.map((c) => c.heap))];
  for (const heap of heaps) {
    const mine = all.filter((c) => c.heap === heap);
    console.log(`heap ${heap}: ${mine.length} collections, last heap ${mine.at(-1)!.after} MB used of ${mine.at(-1)!.committedAfter} MB committed`);
    for (const s of stretches(mine, option('gap', 400))) {
      if (s.length < option('min', 5)) continue;
      const scavenges = s.filter((c) => c.kind === 'scavenge');
      const majors = s.filter((c) => c.kind === 'mark-compact');
      const sum = (list: readonly Collection[]) => list.reduce((t, c) => t + c.ms, 0).toFixed(0);
      console.log(
        `  ${s[0]!.at}-${s.at(-1)!.at} ms: ${scavenges.length} scavenges (${sum(scavenges)} ms), ${majors.length} mark-compacts (${sum(majors)} ms on the thread), ` +
          `${allocatedMb(s).toFixed(1)} MB allocated between them, heap ${s[0]!.before} → ${s.at(-1)!.after} MB`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
