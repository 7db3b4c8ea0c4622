/**
 * The benchmark's engine-neutral reading of a generated call: every step as a list of decisions,
 * each with its condition and everything it does (flags, mood, patience, QA marks, the hold's
 * silence penalty, the ID&V verdict), worked out once with the project's own timing rules. inkjs,
 * raw XState and the bare table walk are all built from this, so they do the same work as the
 * project's engine on the parts of the call they share. Bench-only: not used by the game.
 */
import type { Condition, Scenario, ScenarioNode } from '../../src/core/model/scenario-schema.ts';
import type { CallEvent } from '../../src/shared/call-events.ts';
import { HANG_UP_DISPOSITIONS } from '../../src/core/engine/hang-up.ts';
import { holdGapPenalty } from '../../src/core/engine/timing.ts';

export type Mark = 'met' | 'partial' | 'missed';
export const MARK_RANK: Readonly<Record<Mark, number>> = { met: 1, partial: 2, missed: 3 };
export const RANK_MARK: readonly (Mark | undefined)[] = [undefined, 'met', 'partial', 'missed'];

/** The state every engine must end in: compared after every path. */
export interface Summary {
  readonly at: string;
  readonly mood: number;
  readonly patience: number;
  readonly flags: readonly string[];
  readonly qa: Readonly<Record<string, Mark>>;
  readonly idv: 'not-done' | 'passed' | 'failed';
}

export interface Decision {
  readonly label: string;
  /** The step it leads to; null when it ends the call (a wrap-up). */
  readonly next: string | null;
  readonly when: Condition | null;
  readonly set: readonly string[];
  readonly clear: readonly string[];
  readonly mood: number;
  /** Patience lost to silence on hold, applied before `patience`. */
  readonly holdPenalty: number;
  readonly patience: number;
  readonly qa: Readonly<Record<string, Mark>>;
  readonly idv: 'passed' | 'failed' | null;
  /** The same decision as the project's engine takes it: one or more events. */
  readonly events: readonly CallEvent[];
}

export interface ModelNode {
  readonly id: string;
  readonly line: string;
  /** Endings and the hung-up state: no hang-up check on arrival. */
  readonly final: boolean;
  readonly decisions: readonly Decision[];
}

export const HUNG_UP = 'hung-up';

export interface StoryModel {
  readonly start: string;
  readonly mood: number;
  readonly patience: number;
  readonly nodes: ReadonlyMap<string, ModelNode>;
  readonly flags: readonly string[];
  readonly qaItems: readonly string[];
}

function qaOf(effects: { qa?: { met?: string[]; partial?: string[]; missed?: string[] } | undefined }): Record<string, Mark> {
  const marks: Record<string, Mark> = {};
  for (const id of effects.qa?.met ?? []) marks[id] = 'met';
  for (const id of effects.qa?.partial ?? []) marks[id] = 'partial';
  for (const id of effects.qa?.missed ?? []) marks[id] = 'missed';
  return marks;
}

type Effects = Parameters<typeof qaOf>[0] & { mood?: number | undefined; patience?: number | undefined; set?: string[] | undefined; clear?: string[] | undefined };

/** A decision into `next`, with the ending's own effects folded in as the compiler does. */
function decision(scenario: Scenario, label: string, next: string | null, effects: Effects, extra: Partial<Decision>, events: CallEvent[]): Decision {
  const target = next === null ? undefined : scenario.nodes[next];
  const ending: Effects = target?.type === 'ending' ? target : {};
  return {
    label,
    next,
    when: null,
    set: [...(effects.set ?? []), ...(ending.set ?? [])],
    clear: [...(effects.clear ?? []), ...(ending.clear ?? [])],
    mood: (effects.mood ?? 0) + (ending.mood ?? 0),
    holdPenalty: 0,
    patience: (effects.patience ?? 0) + (ending.patience ?? 0),
    qa: { ...qaOf(effects), ...qaOf(ending) },
    idv: null,
    ...extra,
    events,
  };
}

function decisionsOf(scenario: Scenario, id: string, node: ScenarioNode): Decision[] {
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) =>
        decision(scenario, choice.say, choice.next, choice, { when: choice.when ?? null }, [{ type: 'agent.choose', index }]),
      );
    case 'idv': {
      const asks: CallEvent[] = (scenario.idv?.ask ?? []).map((key) => ({ type: 'idv.ask', key }));
      const marks = Object.fromEntries((scenario.idv?.ask ?? []).map((key) => [key, 'match' as const]));
      return (['pass', 'fail'] as const).map((verdict) =>
        decision(scenario, verdict, verdict === 'pass' ? node.pass : node.fail, {}, { idv: verdict === 'pass' ? 'passed' : 'failed' }, [
          ...asks,
          { type: 'agent.idv', verdict, marks },
        ]),
      );
    }
    case 'hold':
      return [decision(scenario, 'resume', node.next, node, { holdPenalty: holdGapPenalty(node.seconds) }, [{ type: 'hold.resume' }])];
    case 'lookup': {
      const right = node.right[0]!;
      const wrong = (scenario.kb ?? []).find((a) => a.id !== right && a.id.startsWith(right))?.id;
      const title = (article: string) => scenario.kb?.find((a) => a.id === article)?.title ?? article;
      const use = (article: string): CallEvent[] => [
        { type: 'kb.search', query: title(article) },
        { type: 'kb.open', article },
        { type: 'kb.use', article },
      ];
      const out = [decision(scenario, 'right', node.next, node, {}, use(right))];
      if (wrong !== undefined) out.push(decision(scenario, 'wrong', node.wrong?.next ?? node.next, node.wrong ?? {}, {}, use(wrong)));
      return out;
    }
    case 'ending':
      return node.wrapup.dispositions.map((d) =>
        decision(scenario, d.code, null, {}, {}, [{ type: 'wrap.submit', disposition: d.code, notes: 'ref' }]),
      );
    default:
      throw new Error(`bench model: step "${id}" is a ${node.type} step, which the generated call does not use`);
  }
}

export function storyModel(scenario: Scenario): StoryModel {
  const nodes = new Map<string, ModelNode>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    nodes.set(id, { id, line: node.customer ?? '', final: node.type === 'ending', decisions: decisionsOf(scenario, id, node) });
  }
  nodes.set(HUNG_UP, {
    id: HUNG_UP,
    line: 'Forget it.',
    final: true,
    decisions: HANG_UP_DISPOSITIONS.map((d) => decision(scenario, d.code, null, {}, {}, [{ type: 'wrap.submit', disposition: d.code, notes: 'ref' }])),
  });
  const flags = new Set<string>();
  for (const node of nodes.values()) {
    for (const d of node.decisions) for (const f of [...d.set, ...d.clear, ...(d.when?.flags ?? []), ...(d.when?.notFlags ?? [])]) flags.add(f);
  }
  return {
    start: scenario.start,
    mood: scenario.customer.mood,
    patience: scenario.customer.patience,
    nodes,
    flags: [...flags].sort(),
    qaItems: scenario.qa.items.map((item) => item.id),
  };
}

export function conditionHolds(when: Condition | null, flags: ReadonlySet<string>, idv: Summary['idv']): boolean {
  if (when === null) return true;
  if (when.idv !== undefined && when.idv !== idv) return false;
  if (when.flags?.some((f) => !flags.has(f))) return false;
  if (when.notFlags?.some((f) => flags.has(f))) return false;
  return true;
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
