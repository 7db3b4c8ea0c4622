/**
 * What the instances bench's simulated clients hear while the submissions run: how many messages of
 * each kind each instance wrote to them, and their bytes, per second of the window. Trainees and
 * projectors count apart (projectors are in their own thread; their tally comes back with their
 * records). A kind is read from the message's opening bytes, without parsing the rest.
 */

/** What a message is, from its head: its `type`, and for a board whether it carries the trainee's own row. */
export function messageKind(raw: string): string {
  const m = /^\{"type":"([a-z-]+)"/.exec(raw.slice(0, 40));
  const type = m === null ? 'other' : m[1]!;
  return type === 'leaderboard' && raw.includes(',"row":{"rank"') ? 'leaderboard with own row' : type;
}

export interface TallyRow {
  readonly instance: number;
  readonly kind: string;
  count: number;
  bytes: number;
}

/** Messages heard between start and stop, by instance and kind. */
export class MessageTally {
  private counting = false;
  private readonly rows = new Map<string, TallyRow>();

  start(): void {
    this.counting = true;
  }

  stop(): void {
    this.counting = false;
  }

  /** `bytes`: the message's length as it came over the socket. */
  add(instance: number, raw: string, bytes: number): void {
    if (!this.counting) return;
    const kind = messageKind(raw);
    const key = `${instance}|${kind}`;
    let row = this.rows.get(key);
    if (row === undefined) this.rows.set(key, (row = { instance, kind, count: 0, bytes: 0 }));
    row.count++;
    row.bytes += bytes;
  }

  all(): TallyRow[] {
    return [...this.rows.values()];
  }
}

/** One line per (instance, who, kind): messages and kilobytes a second over `seconds`, then the machine's totals. */
export function tallyLines(trainees: readonly TallyRow[], projectors: readonly TallyRow[], seconds: number): string[] {
  const lines: string[] = [`messages the clients heard during the ${seconds.toFixed(1)} s of submissions (a second: messages, kB):`];
  const per = (rows: readonly TallyRow[], who: string) => {
    const sorted = [...rows].sort((a, b) => a.instance - b.instance || b.count - a.count);
    for (const r of sorted) lines.push(`    instance ${r.instance + 1}, ${who}, ${r.kind}: ${(r.count / seconds).toFixed(0)} /s, ${(r.bytes / seconds / 1000).toFixed(0)} kB/s (${r.count} in all, ${(r.bytes / Math.max(1, r.count)).toFixed(0)} B each)`);
  };
  per(trainees, 'trainees');
  per(projectors, 'projectors');
  const sum = (rows: readonly TallyRow[]) => rows.reduce((a, r) => ({ count: a.count + r.count, bytes: a.bytes + r.bytes }), { count: 0, bytes: 0 });
  const t = sum(trainees);
  const p = sum(projectors);
  lines.push(`    all instances: trainees ${(t.count / seconds).toFixed(0)} messages/s (${(t.bytes / seconds / 1e6).toFixed(2)} MB/s), projectors ${(p.count / seconds).toFixed(0)} messages/s (${(p.bytes / seconds / 1e6).toFixed(2)} MB/s)`);
  return lines;
}
