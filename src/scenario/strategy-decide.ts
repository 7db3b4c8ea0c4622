/**
 * How a surface strategy plays: from what the trainee is shown, always the first option, always the
 * longest, always the shortest, or one at random. The seed reaches a decision only through the order
 * things are shown in and the random strategy's draws.
 */
import type { CallEvent } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { StrategyView } from './strategy-view.ts';
import type { Random } from './seeded-random.ts';

export const STRATEGIES = ['first', 'longest', 'shortest', 'random'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Whether every pick of a decision was the same whatever order the items were shown in. */
export interface OrderFree {
  value: boolean;
}

/**
 * The item `strategy` picks from those shown, in the order shown; undefined when none is. A plain
 * function with its sizes passed in, not a closure per decision: strategies decide at every step.
 */
function pick<T>(strategy: Strategy, random: Random, orderFree: OrderFree, items: readonly T[], size: (item: T) => number): T | undefined {
  if (items.length === 0) return undefined;
  // The random strategy draws even from one item, so its stream of draws stays the same.
  if (strategy === 'random') {
    orderFree.value = false;
    return items[Math.floor(random() * items.length)];
  }
  if (items.length === 1) return items[0];
  if (strategy === 'first') {
    orderFree.value = false;
    return items[0];
  }
  const longest = strategy === 'longest';
  let best = items[0]!;
  let bestSize = size(best);
  for (let i = 1; i < items.length; i += 1) {
    const itemSize = size(items[i]!);
    if (longest ? itemSize > bestSize : itemSize < bestSize) {
      best = items[i]!;
      bestSize = itemSize;
    }
  }
  // A tie for the best size is settled by the order shown, which the seed draws.
  for (let i = 0; i < items.length; i += 1) {
    if (items[i] !== best && size(items[i]!) === bestSize) {
      orderFree.value = false;
      break;
    }
  }
  return best;
}

const saidLength = (item: { readonly say: string }): number => item.say.length;
const handlesLength = (team: { readonly handles: string }): number => team.handles.length;
const labelLength = (disposition: { readonly label: string }): number => disposition.label.length;

const bodyLengths = new WeakMap<CallDefinition, ReadonlyMap<string, number>>();
function bodyLengthOf(def: CallDefinition): (id: string) => number {
  let lengths = bodyLengths.get(def);
  if (lengths === undefined) {
    lengths = new Map([...def.articles].reverse().map((a) => [a.id, a.body.length]));
    bodyLengths.set(def, lengths);
  }
  const known = lengths;
  return (id) => known.get(id) ?? 0;
}

/** What a strategy does next, from what the trainee sees (the whole view or the strategy's part of it). */
export function decide(view: StrategyView, def: CallDefinition, strategy: Strategy, random: Random, orderFree: OrderFree = { value: true }): CallEvent | null {
  switch (view.phase) {
    case 'ringing':
      return { type: 'call.answer' };
    case 'talk': {
      const choice = pick(strategy, random, orderFree, view.choices, saidLength);
      return choice === undefined ? null : { type: 'agent.choose', index: choice.index };
    }
    case 'idv': {
      const questions = view.idv ?? [];
      if (strategy === 'random') {
        const toAsk = questions.find((q) => !q.asked && random() < 0.6);
        if (toAsk !== undefined) return { type: 'idv.ask', key: toAsk.key };
        const marks = Object.fromEntries(questions.filter((q) => q.asked).map((q) => [q.key, random() < 0.5 ? 'match' : 'mismatch'] as const));
        return { type: 'agent.idv', verdict: random() < 0.5 ? 'pass' : 'fail', marks };
      }
      const next = questions.find((q) => q.policy && !q.asked);
      if (next !== undefined) return { type: 'idv.ask', key: next.key };
      const marks = Object.fromEntries(questions.filter((q) => q.asked).map((q) => [q.key, 'match'] as const));
      return { type: 'agent.idv', verdict: 'pass', marks };
    }
    case 'hold':
      if (strategy === 'random' && view.hold !== null && view.hold.done < view.hold.total && random() < 0.5) return { type: 'hold.checkBack' };
      return { type: 'hold.resume' };
    case 'lookup': {
      const kb = view.knowledge!;
      if (kb.query === null) return { type: 'kb.search', query: kb.task.slice(0, 80) };
      const bodyLength = bodyLengthOf(def);
      const chosen = pick(strategy, random, orderFree, kb.results, (r) => bodyLength(r.id));
      if (chosen === undefined) return null;
      if (!kb.opened.some((a) => a.id === chosen.id)) return { type: 'kb.open', article: chosen.id };
      return { type: 'kb.use', article: chosen.id };
    }
    case 'transfer':
    case 'escalate': {
      const routing = view.routing!;
      const team = pick(strategy, random, orderFree, routing.directory, handlesLength);
      if (team === undefined) return null;
      const cold = strategy === 'random' ? random() < 0.5 : false;
      const handover = cold ? undefined : pick(strategy, random, orderFree, routing.handovers, saidLength);
      return { type: 'agent.transfer', team: team.id, mode: cold ? 'cold' : 'warm', handover: handover?.index ?? null };
    }
    case 'callback':
      return { type: 'agent.continue' };
    case 'wrapup': {
      const wrap = view.wrapup!;
      const disposition = pick(strategy, random, orderFree, wrap.dispositions, labelLength);
      if (disposition === undefined) return null;
      const notes = strategy === 'longest' || (strategy === 'random' && random() < 0.5) ? wrap.summary : '';
      return { type: 'wrap.submit', disposition: disposition.code, notes };
    }
    case 'done':
      return null;
  }
}
