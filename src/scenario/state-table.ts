/**
 * The states the checker's exploration has found, as columns of integers (step, low flag bits,
 * high flag bits, ID&V code) with an open-addressing hash index over all four, so finding a state
 * again costs a hash and a few integer compares: no key strings, no object per state.
 */

const EMPTY = -1;

/**
 * The hash index's size for a number of states: a power of two, at least twice as many. Its slots
 * (like the direct index's places) hold a state's number + 1, so a fresh zeroed column is already
 * all empty: nothing is written to a place until a state takes it.
 */
function slotsFor(states: number): Int32Array {
  let size = 2;
  while (size < states * 2) size *= 2;
  return new Int32Array(size);
}

function grown(column: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(column);
  return bigger;
}

/**
 * Room for every state a call can be in, one place each: `steps` steps × every mask below
 * 2^`span` × `codes` ID&V codes. Only for states whose high flag bits are always 0 and whose
 * masks stay below 2^`span`.
 */
export interface DirectIndex {
  readonly steps: number;
  readonly span: number;
  readonly codes: number;
}

export class StateTable {
  /** Per state; only the first `count` entries are states. */
  node: Int32Array;
  mask: Int32Array;
  high: Int32Array;
  /** The ID&V verdict × 2 + whether the caller truly passed. */
  code: Int32Array;
  count = 0;
  /** Slots of the hash index hold a state's number + 1, or 0; its size is a power of two, at least twice `count`. */
  private slots: Int32Array;
  /** When every possible state has a place of its own (see DirectIndex): the state's number + 1 at each place, or 0. */
  private readonly direct: Int32Array | null;
  private readonly span: number;
  private readonly codes: number;

  /**
   * `capacity`: the states to make room for before any column is copied into a larger one.
   * `direct`: when given, a state is found at its own place in one column instead of by hashing.
   */
  constructor(capacity = 1024, direct?: DirectIndex) {
    this.node = new Int32Array(capacity);
    this.mask = new Int32Array(capacity);
    this.high = new Int32Array(capacity);
    this.code = new Int32Array(capacity);
    this.direct = direct === undefined ? null : new Int32Array(direct.steps * 2 ** direct.span * direct.codes);
    this.span = direct?.span ?? 0;
    this.codes = direct?.codes ?? 1;
    this.slots = this.direct === null ? slotsFor(capacity) : new Int32Array(0);
  }

  private place(node: number, mask: number, code: number): number {
    return ((node << this.span) | mask) * this.codes + code;
  }

  private static hash(node: number, mask: number, high: number, code: number): number {
    let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(mask, 0x85ebca77);
    h = Math.imul(h ^ (h >>> 15), 0xc2b2ae3d) ^ Math.imul(high, 0x27d4eb2f) ^ code;
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** The number of the state, or -1 when it has not been found yet. */
  find(node: number, mask: number, high: number, code: number): number {
    if (this.direct !== null) return this.direct[this.place(node, mask, code)]! - 1;
    const slots = this.slots;
    const wrap = slots.length - 1;
    for (let at = StateTable.hash(node, mask, high, code) & wrap; ; at = (at + 1) & wrap) {
      const state = slots[at]! - 1;
      if (state === EMPTY) return EMPTY;
      if (this.node[state] === node && this.mask[state] === mask && this.high[state] === high && this.code[state] === code) return state;
    }
  }

  /**
   * The number of the state, added when it has not been found yet; -1 when it is new and the
   * table already holds `limit` states. One call where the explorer would make two.
   */
  findOrAdd(node: number, mask: number, high: number, code: number, limit: number): number {
    const found = this.direct !== null ? this.direct[this.place(node, mask, code)]! - 1 : this.find(node, mask, high, code);
    if (found >= 0) return found;
    return this.count >= limit ? EMPTY : this.add(node, mask, high, code);
  }

  /** Adds a state not yet in the table and gives its number. */
  add(node: number, mask: number, high: number, code: number): number {
    const state = this.count;
    if (state === this.node.length) this.grow();
    this.node[state] = node;
    this.mask[state] = mask;
    this.high[state] = high;
    this.code[state] = code;
    this.count = state + 1;
    if (this.direct !== null) this.direct[this.place(node, mask, code)] = state + 1;
    else this.index(state);
    return state;
  }

  private index(state: number): void {
    const slots = this.slots;
    const wrap = slots.length - 1;
    let at = StateTable.hash(this.node[state]!, this.mask[state]!, this.high[state]!, this.code[state]!) & wrap;
    while (slots[at] !== 0) at = (at + 1) & wrap;
    slots[at] = state + 1;
  }

  private grow(): void {
    const size = this.node.length * 2;
    this.node = grown(this.node, size);
    this.mask = grown(this.mask, size);
    this.high = grown(this.high, size);
    this.code = grown(this.code, size);
    if (this.direct !== null) return;
    this.slots = slotsFor(size);
    for (let state = 0; state < this.count; state += 1) this.index(state);
  }
}

/**
 * The explored edges, as growing columns: arrival, and the move followed (an index into the
 * explorer's MoveTable, which knows the move's kind and choice). The departure is not kept: the
 * explorer lists a state's edges together, so where each state's edges start says it.
 */
export class EdgeList {
  to: Int32Array;
  move: Int32Array;
  count = 0;

  constructor(capacity = 4096) {
    this.to = new Int32Array(capacity);
    this.move = new Int32Array(capacity);
  }

  add(to: number, move: number): void {
    const edge = this.count;
    if (edge === this.to.length) {
      const size = edge * 2;
      this.to = grown(this.to, size);
      this.move = grown(this.move, size);
    }
    this.to[edge] = to;
    this.move[edge] = move;
    this.count = edge + 1;
  }
}
