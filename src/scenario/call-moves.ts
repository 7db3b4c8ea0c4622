/** What a trainee could do at a point in a compiled call: the events worth trying there, for analysis. */
import type { CallEvent } from '../shared/call-events.ts';
import type { Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { CALL_STATES } from '../core/engine/call-setup.ts';
import { conditionHolds } from '../core/engine/apply-step.ts';
import { HANG_UP_DISPOSITIONS } from '../core/engine/hang-up.ts';
import { answerMatches } from '../core/engine/idv-check.ts';
import { engineSearch } from '../core/engine/kb-search.ts';

/** Notes that mention every fact an ending asks for (the first word of each), or none. */
export function goodNotes(mustMention: readonly (readonly string[])[]): string {
  return mustMention.length === 0 ? 'Call handled.' : `Notes: ${mustMention.map((words) => words[0] ?? '').join(', ')}.`;
}

function wrapEvents(dispositions: readonly { code: string }[], mustMention: readonly (readonly string[])[]): CallEvent[] {
  const notes = ['', goodNotes(mustMention)];
  return dispositions.flatMap((d) => notes.map((text) => ({ type: 'wrap.submit' as const, disposition: d.code, notes: text })));
}

export interface MoveOptions {
  /** Include the wrap-up submissions at an ending (every disposition, with and without notes). */
  readonly wrapUp: boolean;
}

type IdvNode = Extract<ScenarioNode, { type: 'idv' }>;
type LookupNode = Extract<ScenarioNode, { type: 'lookup' }>;
type RouteNode = Extract<ScenarioNode, { type: 'transfer' | 'escalate' }>;

/** Ask every policy question in turn, then give each verdict with every answer marked truly. */
function idvMoves(scenario: Scenario, node: IdvNode, context: CallContext): CallEvent[] {
  const next = (scenario.idv?.ask ?? []).find((key) => !context.idvAsked.includes(key) && !context.idvEverAsked.includes(key));
  if (next !== undefined) return [{ type: 'idv.ask', key: next }];
  const marks = Object.fromEntries(
    context.idvAsked.map((key) => [key, answerMatches(scenario, key, node.answers[key]) ? ('match' as const) : ('mismatch' as const)]),
  );
  return [
    { type: 'agent.idv', verdict: 'pass', marks },
    { type: 'agent.idv', verdict: 'fail', marks },
  ];
}

/** A right article and one wrong one (found by the task's words if possible): search, open, use. */
export function lookupTargets(def: CallDefinition, node: LookupNode): string[] {
  const found = engineSearch(def.searchIndex, node.task);
  const wrong = found.find((id) => !node.right.includes(id)) ?? def.articles.find((a) => !node.right.includes(a.id))?.id;
  return [node.right[0]!, ...(wrong === undefined ? [] : [wrong])];
}

function lookupMoves(def: CallDefinition, node: LookupNode, context: CallContext): CallEvent[] {
  return lookupTargets(def, node).map((id): CallEvent => {
    if (context.kbOpened.includes(id)) return { type: 'kb.use', article: id };
    if (context.kbFound.includes(id)) return { type: 'kb.open', article: id };
    const title = def.articles.find((a) => a.id === id)?.title ?? id;
    return { type: 'kb.search', query: title.slice(0, 80) };
  });
}

function routeMoves(def: CallDefinition, node: RouteNode): CallEvent[] {
  const handovers = node.handover ?? [];
  const rightHandover = handovers.length === 0 ? null : Math.max(0, handovers.findIndex((h) => h.right === true));
  const wrongTeam = def.teams.find((t) => !node.to.includes(t.id));
  const moves: CallEvent[] = [{ type: 'agent.transfer', team: node.to[0]!, mode: 'warm', handover: rightHandover }];
  if (wrongTeam !== undefined) moves.push({ type: 'agent.transfer', team: wrongTeam.id, mode: 'warm', handover: rightHandover });
  moves.push({ type: 'agent.transfer', team: node.to[0]!, mode: 'cold', handover: null });
  return moves;
}

export function candidateEvents(def: CallDefinition, state: string, context: CallContext, options: MoveOptions): CallEvent[] {
  const { scenario } = def;
  if (state === CALL_STATES.ringing) return [{ type: 'call.answer' }];
  if (state === CALL_STATES.done) return [];
  if (state === CALL_STATES.hungUp) return options.wrapUp ? wrapEvents(HANG_UP_DISPOSITIONS, []) : [];
  const node = scenario.nodes[state];
  if (node === undefined) return [];
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.flatMap((choice, index) =>
        conditionHolds(context, choice.when ?? null) ? [{ type: 'agent.choose' as const, index }] : [],
      );
    case 'idv':
      return idvMoves(scenario, node, context);
    case 'hold':
      return context.holdElapsed < node.seconds
        ? [{ type: 'hold.checkBack' }, { type: 'hold.resume' }]
        : [{ type: 'hold.resume' }];
    case 'lookup':
      return lookupMoves(def, node, context);
    case 'transfer':
    case 'escalate':
      return routeMoves(def, node);
    case 'ending':
      return options.wrapUp ? wrapEvents(node.wrapup.dispositions, node.wrapup.notesMustMention ?? []) : [];
    case 'callback':
      return [{ type: 'agent.continue' }];
  }
}

/** The ending-like states where a call waits for its wrap-up. */
export function isWrapUpState(scenario: Scenario, state: string): boolean {
  return state === CALL_STATES.hungUp || scenario.nodes[state]?.type === 'ending';
}
