/**
 * A binary min-heap of timed events for the queue simulation. Events at the same time come out in
 * the order they were pushed, so a run never depends on the heap's internal layout.
 */
export interface TimedEvent<K extends string> {
  readonly time: number;
  readonly kind: K;
  readonly contact: number;
}

interface Entry<K extends string> extends TimedEvent<K> {
  readonly order: number;
}

export class EventHeap<K extends string> {
  private readonly items: Entry<K>[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(event: TimedEvent<K>): void {
    const items = this.items;
    items.push({ time: event.time, kind: event.kind, contact: event.contact, order: this.pushed++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekTime(): number {
    return this.items[0]?.time ?? Number.POSITIVE_INFINITY;
  }

  pop(): TimedEvent<K> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && this.before(left, best)) best = left;
      if (right < items.length && this.before(right, best)) best = right;
      if (best === i) return top;
      this.swap(i, best);
      i = best;
    }
  }

  private before(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.time < y.time || (x.time === y.time && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const t = items[a]!;
    items[a] = items[b]!;
    items[b] = t;
  }
}
