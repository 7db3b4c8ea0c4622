/**
 * A seeded discrete-event simulation of one queue over a shift of intervals: Poisson arrivals at
 * each interval's forecast rate, the interval's team size, gamma handle times around the team's
 * AHT, callers who hang up after an exponential patience time, and repeat contacts (a call not
 * resolved first time comes back later in the shift).
 *
 * Every arrival's random attributes (patience, handle-time factor, resolution draw, repeat delay)
 * are drawn when the shift is built, from streams that depend only on the seed. The team's AHT and
 * FCR (the policy) apply when a call is answered and when it ends, so two runs with the same seed
 * and different policies meet the same callers: their difference is the policy's effect alone.
 *
 * The simulation is resumable: `advance(until, policy)` moves the clock, so the policy can change
 * between the trainee's calls and the same sequence of advances always gives the same board.
 */
import { EventHeap } from './event-heap.ts';
import { exponential, mixSeed, mulberry32, unitGamma, type Random } from './random.ts';

export interface QueueInterval {
  /** Calls forecast to arrive in the interval. */
  readonly calls: number;
  /** Agents taking calls in the interval. */
  readonly agents: number;
}

export interface QueueSettings {
  readonly seed: number;
  readonly intervalSeconds: number;
  readonly intervals: readonly QueueInterval[];
  readonly answerWithinSeconds: number;
  /** Mean patience of a waiting caller (exponential); null: nobody hangs up. */
  readonly patienceSeconds: number | null;
  /** Gamma shape of handle times around the AHT: 1 is exponential (Erlang C's assumption). */
  readonly handleShape: number;
  /** A repeat contact arrives between min and max seconds after the unresolved call ended. */
  readonly repeatAfterSeconds: { readonly min: number; readonly max: number };
}

/** How the team works right now: mean handle time and the share of calls resolved first time. */
export interface QueuePolicy {
  readonly ahtSeconds: number;
  readonly fcrRate: number;
}

/** Counts for a set of contacts (the whole shift or those that arrived in one interval). */
export interface QueueCounts {
  offered: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  /** Callers who hung up after the answer-within time: these count against the service level. */
  abandonedLate: number;
  waitSeconds: number;
}

export interface QueueFigures extends Readonly<QueueCounts> {
  readonly clockSeconds: number;
  /** answered within the time ÷ (answered + hung up after it); null before any call counts. */
  readonly serviceLevel: number | null;
  readonly asaSeconds: number | null;
  readonly longestAnsweredWaitSeconds: number;
  readonly waiting: number;
  readonly longestWaitingSeconds: number;
  readonly agentsOnShift: number;
  /** Calls finished (handle time and FCR count when a call ends). */
  readonly handled: number;
  readonly handleSeconds: number;
  readonly ahtSeconds: number | null;
  readonly resolved: number;
  readonly fcrRate: number | null;
  readonly repeatContacts: number;
  /** Unresolved calls whose repeat falls after the end of the shift. */
  readonly repeatsAfterShift: number;
  readonly occupancy: number | null;
}

interface Contact {
  readonly arrival: number;
  readonly patience: number;
  readonly handleFactor: number;
  readonly fcrDraw: number;
  readonly repeatDelay: number;
  readonly root: number;
  readonly generation: number;
  readonly interval: number;
  answeredAt: number | null;
  handle: number;
  abandoned: boolean;
}

type Kind = 'arrive' | 'done' | 'abandon' | 'staff';

const emptyCounts = (): QueueCounts => ({ offered: 0, answered: 0, answeredWithin: 0, abandoned: 0, abandonedLate: 0, waitSeconds: 0 });

function countAnswer(c: QueueCounts, wait: number, within: number): void {
  c.answered += 1;
  c.waitSeconds += wait;
  c.answeredWithin += within;
}

export const serviceLevelOf = (c: QueueCounts): number | null =>
  c.answered + c.abandonedLate === 0 ? null : c.answeredWithin / (c.answered + c.abandonedLate);

export class QueueSimulation {
  private readonly settings: QueueSettings;
  private readonly contacts: Contact[] = [];
  private readonly heap = new EventHeap<Kind>();
  private readonly queue: number[] = [];
  private head = 0;
  private waiting = 0;
  private busy = 0;
  private now = 0;
  private readonly end: number;
  private readonly total = emptyCounts();
  private readonly byInterval: QueueCounts[];
  private longestAnswered = 0;
  /** First-time contacts (generated up front, in time order) and how many have arrived. */
  private scheduled = 0;
  private nextScheduled = 0;
  private handled = 0;
  private handleSeconds = 0;
  private resolved = 0;
  private repeats = 0;
  private repeatsAfterShift = 0;
  private busySeconds = 0;
  private staffedSeconds = 0;

  constructor(settings: QueueSettings) {
    this.settings = settings;
    this.end = settings.intervalSeconds * settings.intervals.length;
    this.byInterval = settings.intervals.map(emptyCounts);
    const random = mulberry32(mixSeed(settings.seed, 1));
    settings.intervals.forEach((interval, i) => {
      const start = i * settings.intervalSeconds;
      if (interval.calls <= 0) return;
      const gap = settings.intervalSeconds / interval.calls;
      for (let t = start + exponential(random, gap); t < start + settings.intervalSeconds; t += exponential(random, gap)) {
        this.contacts.push(this.newContact(t, random, this.contacts.length, 0));
      }
    });
    this.scheduled = this.contacts.length;
    for (let i = 1; i < settings.intervals.length; i += 1) this.heap.push({ time: i * settings.intervalSeconds, kind: 'staff', contact: -1 });
  }

  get shiftSeconds(): number {
    return this.end;
  }

  /** Moves the clock to `until` (never backwards), with the team working to `policy` meanwhile. */
  advance(until: number, policy: QueuePolicy): void {
    for (;;) {
      // First-time arrivals wait in their own time-ordered list; the heap holds everything else.
      const arrival = this.nextScheduled < this.scheduled ? this.contacts[this.nextScheduled]!.arrival : Number.POSITIVE_INFINITY;
      const other = this.heap.peekTime();
      if (Math.min(arrival, other) > until) break;
      if (arrival <= other) {
        this.moveClock(arrival);
        this.handle('arrive', this.nextScheduled, policy);
        this.nextScheduled += 1;
      } else {
        const event = this.heap.pop()!;
        this.moveClock(event.time);
        this.handle(event.kind, event.contact, policy);
      }
      this.answerWaiting(policy);
    }
    if (until > this.now) this.moveClock(until);
    this.answerWaiting(policy);
  }

  figures(): QueueFigures {
    const t = this.total;
    const oldest = this.oldestWaiting();
    return {
      ...t,
      clockSeconds: this.now,
      serviceLevel: serviceLevelOf(t),
      asaSeconds: t.answered === 0 ? null : t.waitSeconds / t.answered,
      longestAnsweredWaitSeconds: this.longestAnswered,
      waiting: this.waiting,
      longestWaitingSeconds: oldest === undefined ? 0 : this.now - oldest.arrival,
      agentsOnShift: this.agentsAt(this.now),
      handled: this.handled,
      handleSeconds: this.handleSeconds,
      ahtSeconds: this.handled === 0 ? null : this.handleSeconds / this.handled,
      resolved: this.resolved,
      fcrRate: this.handled === 0 ? null : this.resolved / this.handled,
      repeatContacts: this.repeats,
      repeatsAfterShift: this.repeatsAfterShift,
      occupancy: this.staffedSeconds === 0 ? null : Math.min(1, this.busySeconds / this.staffedSeconds),
    };
  }

  /** Counts per interval, by the interval each contact arrived in. */
  intervalCounts(): readonly Readonly<QueueCounts>[] {
    return this.byInterval.map((c) => ({ ...c }));
  }

  private newContact(arrival: number, random: Random, root: number, generation: number): Contact {
    const s = this.settings;
    return {
      arrival,
      patience: s.patienceSeconds === null ? Number.POSITIVE_INFINITY : exponential(random, s.patienceSeconds),
      handleFactor: unitGamma(random, s.handleShape),
      fcrDraw: random(),
      repeatDelay: s.repeatAfterSeconds.min + random() * (s.repeatAfterSeconds.max - s.repeatAfterSeconds.min),
      root,
      generation,
      interval: Math.min(s.intervals.length - 1, Math.floor(arrival / s.intervalSeconds)),
      answeredAt: null,
      handle: 0,
      abandoned: false,
    };
  }

  private moveClock(time: number): void {
    const span = time - this.now;
    this.busySeconds += this.busy * span;
    this.staffedSeconds += this.agentsAt(this.now) * span;
    this.now = time;
  }

  private agentsAt(time: number): number {
    const s = this.settings;
    const i = Math.min(s.intervals.length - 1, Math.floor(time / s.intervalSeconds));
    return s.intervals[i]?.agents ?? 0;
  }

  private handle(kind: Kind, index: number, policy: QueuePolicy): void {
    if (kind === 'staff') return;
    const contact = this.contacts[index]!;
    const interval = this.byInterval[contact.interval]!;
    if (kind === 'arrive') {
      this.total.offered += 1;
      interval.offered += 1;
      if (contact.generation > 0) this.repeats += 1;
      this.queue.push(index);
      this.waiting += 1;
      if (Number.isFinite(contact.patience)) this.heap.push({ time: contact.arrival + contact.patience, kind: 'abandon', contact: index });
    } else if (kind === 'abandon') {
      if (contact.answeredAt !== null) return;
      contact.abandoned = true;
      this.waiting -= 1;
      const late = contact.patience > this.settings.answerWithinSeconds ? 1 : 0;
      this.total.abandoned += 1;
      interval.abandoned += 1;
      this.total.abandonedLate += late;
      interval.abandonedLate += late;
    } else {
      this.busy -= 1;
      this.handled += 1;
      this.handleSeconds += contact.handle;
      if (contact.fcrDraw < policy.fcrRate) this.resolved += 1;
      else this.scheduleRepeat(contact);
    }
  }

  private scheduleRepeat(contact: Contact): void {
    const at = this.now + contact.repeatDelay;
    if (at >= this.end) {
      this.repeatsAfterShift += 1;
      return;
    }
    const generation = contact.generation + 1;
    this.contacts.push(this.newContact(at, mulberry32(mixSeed(this.settings.seed, 2, contact.root, generation)), contact.root, generation));
    this.heap.push({ time: at, kind: 'arrive', contact: this.contacts.length - 1 });
  }

  private answerWaiting(policy: QueuePolicy): void {
    while (this.waiting > 0 && this.busy < this.agentsAt(this.now)) {
      const index = this.queue[this.head]!;
      this.head += 1;
      const contact = this.contacts[index]!;
      if (contact.abandoned) continue;
      this.waiting -= 1;
      this.busy += 1;
      contact.answeredAt = this.now;
      const wait = this.now - contact.arrival;
      this.longestAnswered = Math.max(this.longestAnswered, wait);
      const within = wait <= this.settings.answerWithinSeconds ? 1 : 0;
      countAnswer(this.total, wait, within);
      countAnswer(this.byInterval[contact.interval]!, wait, within);
      contact.handle = policy.ahtSeconds * contact.handleFactor;
      this.heap.push({ time: this.now + contact.handle, kind: 'done', contact: index });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private oldestWaiting(): Contact | undefined {
    for (let i = this.head; i < this.queue.length; i += 1) {
      const contact = this.contacts[this.queue[i]!]!;
      if (!contact.abandoned) return contact;
    }
    return undefined;
  }
}
