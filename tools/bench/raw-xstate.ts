/**
 * The benchmark's story as a plain XState machine, written the way a team would without the
 * project's compiler: a state per step, a guarded transition per decision with an `assign` that
 * applies its effects, and an eventless hang-up when patience runs out. Bench-only.
 */
import { assign, createMachine } from 'xstate';
import { clamp, conditionHolds, HUNG_UP, type Decision, type Mark, MARK_RANK, type StoryModel, type Summary } from './story-model.ts';

export interface RawContext {
  readonly mood: number;
  readonly patience: number;
  readonly flags: ReadonlySet<string>;
  readonly qa: Readonly<Record<string, Mark>>;
  readonly idv: Summary['idv'];
  /** The step the call ended at (an ending or the hang-up), once wrapped up. */
  readonly ended: string | null;
}

export type RawEvent = { readonly type: 'decide'; readonly index: number };

function apply(context: RawContext, d: Decision, at: string): RawContext {
  let flags = context.flags;
  if (d.set.length > 0 || d.clear.length > 0) {
    const next = new Set(flags);
    for (const f of d.clear) next.delete(f);
    for (const f of d.set) next.add(f);
    flags = next;
  }
  let qa = context.qa;
  const marks = Object.entries(d.qa);
  if (marks.length > 0) {
    const next = { ...qa };
    for (const [item, mark] of marks) if (next[item] === undefined || MARK_RANK[next[item]] < MARK_RANK[mark]) next[item] = mark;
    qa = next;
  }
  return {
    mood: clamp(context.mood + d.mood, -5, 5),
    patience: clamp(clamp(context.patience - d.holdPenalty, 0, 100) + d.patience, 0, 100),
    flags,
    qa,
    idv: d.idv ?? context.idv,
    ended: d.next === null ? at : null,
  };
}

export function rawMachine(model: StoryModel) {
  const states: Record<string, object> = { done: { type: 'final' } };
  for (const [id, node] of model.nodes) {
    states[id] = {
      ...(node.final ? {} : { always: { guard: ({ context }: { context: RawContext }) => context.patience <= 0, target: HUNG_UP } }),
      on: {
        decide: node.decisions.map((d, index) => ({
          guard: ({ context, event }: { context: RawContext; event: RawEvent }) => event.index === index && conditionHolds(d.when, context.flags, context.idv),
          target: d.next ?? 'done',
          actions: assign(({ context }: { context: RawContext }) => apply(context, d, id)),
        })),
      },
    };
  }
  return createMachine({
    types: {} as { context: RawContext; events: RawEvent },
    initial: model.start,
    context: { mood: model.mood, patience: model.patience, flags: new Set<string>(), qa: {}, idv: 'not-done', ended: null },
    states: states as never,
  });
}
