/**
 * Compile a validated scenario into an XState machine config that names the behaviours in
 * `callSetup` with params, then build the machine once. Pure; assumes `validateScenario` passed.
 */
import type { Choice, EndingNode, Scenario, ScenarioNode, Team, WrongRoute } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import { nodeTypeOf } from '../core/model/node-type.ts';
import type { BreachCode } from '../core/model/breaches.ts';
import { initialContext } from '../core/engine/call-context.ts';
import { CALL_STATES, callSetup, type CallMachine, type CallMachineConfig } from '../core/engine/call-setup.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { SearchIndexEntry, StepParams, WrapParams } from '../core/engine/step-params.ts';
import { actionSeconds, choiceSeconds, entrySeconds, IDV_SECONDS_PER_QUESTION, TRANSFER_SECONDS } from '../core/engine/timing.ts';
import { HANG_UP_DISPOSITIONS } from '../core/engine/hang-up.ts';
import { answerMatches, idvQuestionKeys } from '../core/engine/idv-check.ts';
import { scenarioHash } from './hash.ts';
import { callKnowledge } from './call-knowledge.ts';

export { callLibrary } from './call-knowledge.ts';

type Effects = Pick<Choice, 'mood' | 'patience' | 'set' | 'clear' | 'qa' | 'discloses' | 'breach'>;

function qaMarks(effects: Effects): StepParams['qa'] {
  if (effects.qa === undefined) return undefined;
  const marks: Record<string, 'met' | 'partial' | 'missed'> = {};
  for (const id of effects.qa.met ?? []) marks[id] = 'met';
  for (const id of effects.qa.partial ?? []) marks[id] = 'partial';
  for (const id of effects.qa.missed ?? []) marks[id] = 'missed';
  return marks;
}

/** Two optional lists end to end, as a new list; undefined when both are empty or absent (and then no list is made: most moves carry neither). */
function joined<T>(first: readonly T[] | undefined, second: readonly T[] | undefined): T[] | undefined {
  const a = first?.length ?? 0;
  const b = second?.length ?? 0;
  if (a + b === 0) return undefined;
  if (b === 0) return first!.slice();
  return a === 0 ? second!.slice() : [...first!, ...second!];
}

/** A step's params with a step type's own fields after them (those given). */
function withExtra(params: StepParams, extra: Partial<StepParams>): StepParams {
  const out = params as unknown as Record<string, unknown>;
  for (const key in extra) {
    const value = extra[key as keyof StepParams];
    if (value !== undefined) out[key] = value;
  }
  return params;
}

/** The flag a step sets when a representative's authority has been checked, unless the call names its own. */
export const AUTHORITY_CHECKED = 'authority-checked';

class Compiler {
  private readonly disclosureBreach: BreachCode;
  private readonly authority: { flag: string; scope: readonly string[]; needsIdv: boolean } | undefined;

  constructor(
    private readonly scenario: Scenario,
    private readonly index: readonly SearchIndexEntry[],
    private readonly teams: readonly Team[],
  ) {
    this.disclosureBreach = scenario.customer.role === 'holder' ? 'data-before-idv' : 'third-party-disclosure';
    const authority = scenario.customer.authority;
    this.authority =
      scenario.customer.role === 'holder' || scenario.customer.role === 'third-party' || authority === undefined
        ? undefined
        : { flag: authority.checkedFlag ?? AUTHORITY_CHECKED, scope: authority.scope, needsIdv: scenario.idv !== undefined };
  }

  private node(id: string): ScenarioNode {
    const node = this.scenario.nodes[id];
    if (node === undefined) throw new Error(`compile: unknown node "${id}" (validate the scenario first)`);
    return node;
  }

  /** Params for a transition into `target`, carrying the given effects and agent seconds. */
  private stepInto(target: string, agentSeconds: number, effects: Effects, extra: Partial<StepParams> = {}): StepParams {
    const next = this.node(target);
    const ending = nodeTypeOf(next) === 'ending' ? (next as EndingNode) : undefined;
    const mood = (effects.mood ?? 0) + (ending?.mood ?? 0);
    const patience = (effects.patience ?? 0) + (ending?.patience ?? 0);
    const endingQa = ending === undefined ? undefined : qaMarks(ending);
    const qa = endingQa === undefined ? qaMarks(effects) : { ...qaMarks(effects), ...endingQa };
    const discloses = joined(effects.discloses, ending?.discloses);
    // Only the fields that say something are written (in this order), so the params stay small
    // and serialisable; no object with every field is made to be trimmed afterwards.
    const params: { -readonly [K in keyof StepParams]?: StepParams[K] } = { talk: agentSeconds + entrySeconds(next) };
    if (mood !== 0) params.mood = mood;
    if (patience !== 0) params.patience = patience;
    const set = joined(effects.set, ending?.set);
    if (set !== undefined) params.set = set;
    const clear = joined(effects.clear, ending?.clear);
    if (clear !== undefined) params.clear = clear;
    if (qa !== undefined) params.qa = qa;
    if (discloses !== undefined) {
      params.discloses = discloses;
      params.disclosureBreach = this.disclosureBreach;
      if (this.disclosureBreach === 'third-party-disclosure') params.disclosureAlways = true;
      if (this.authority !== undefined) params.authority = this.authority;
    }
    const breaches = joined(effects.breach, ending?.breach);
    if (breaches !== undefined) params.breaches = breaches;
    if (ending !== undefined) params.ending = { node: target, outcome: ending.outcome };
    return withExtra(params as StepParams, extra);
  }

  private wrapState(dispositions: readonly { code: string; correct?: boolean | undefined }[], mustMention: string[][]) {
    const params: WrapParams = {
      codes: dispositions.map((d) => d.code),
      correct: dispositions.filter((d) => d.correct === true).map((d) => d.code),
      mustMention,
    };
    return {
      on: {
        'wrap.submit': {
          guard: { type: 'dispositionKnown' as const, params: { codes: params.codes } },
          target: CALL_STATES.done,
          actions: { type: 'wrapUp' as const, params },
        },
      },
    };
  }

  private nodeState(id: string, node: ScenarioNode) {
    const hangUp = { always: { guard: 'outOfPatience' as const, target: CALL_STATES.hungUp, actions: 'hangUp' as const } };
    const idvQuestions = this.scenario.idv?.ask.length ?? 0;
    switch (node.type) {
      case undefined:
      case 'talk':
        return {
          ...hangUp,
          on: {
            'agent.choose': node.choices.map((choice, index) => ({
              guard: { type: 'choiceOffered' as const, params: { index, when: choice.when ?? null } },
              target: choice.next,
              actions: { type: 'step' as const, params: this.stepInto(choice.next, choiceSeconds(choice), choice) },
            })),
          },
        };
      case 'idv': {
        const idv = this.scenario.idv;
        const policy = idv?.ask ?? [];
        const askable = idvQuestionKeys(this.scenario);
        const matches: Record<string, boolean> = {};
        for (const [key, answer] of Object.entries(node.answers)) matches[key] = answerMatches(this.scenario, key, answer);
        const check = { policy, matches, overAskingFault: idv?.overAsking === 'fault' };
        const verdict = (v: 'pass' | 'fail', target: string) => ({
          guard: { type: 'verdictIs' as const, params: { verdict: v } },
          target,
          actions: { type: 'step' as const, params: this.stepInto(target, 0, {}, { idv: { ...check, verdict: v } }) },
        });
        const ask = { askable, seconds: node.seconds ?? IDV_SECONDS_PER_QUESTION, matches };
        return {
          ...hangUp,
          on: {
            'idv.ask': { guard: { type: 'canAsk' as const, params: ask }, actions: { type: 'idvAsk' as const, params: ask } },
            'agent.idv': [verdict('pass', node.pass), verdict('fail', node.fail)],
          },
        };
      }
      case 'hold':
        return {
          ...hangUp,
          on: {
            'hold.checkBack': {
              guard: { type: 'holdWorkLeft' as const, params: { seconds: node.seconds } },
              actions: { type: 'checkBack' as const, params: { seconds: node.seconds } },
            },
            'hold.resume': {
              target: node.next,
              actions: { type: 'step' as const, params: this.stepInto(node.next, 0, node, { holdFinish: node.seconds }) },
            },
          },
        };
      case 'lookup': {
        const search = { index: this.index };
        const wrong: WrongRoute = node.wrong ?? {};
        return {
          ...hangUp,
          on: {
            'kb.search': { actions: { type: 'kbSearch' as const, params: search } },
            'kb.open': { guard: 'articleFound' as const, actions: { type: 'kbOpen' as const, params: search } },
            'kb.use': [
              {
                guard: { type: 'articleUsed' as const, params: { right: node.right, isRight: true } },
                target: node.next,
                actions: { type: 'step' as const, params: this.stepInto(node.next, 0, node, { kbUsed: { right: true } }) },
              },
              {
                guard: { type: 'articleUsed' as const, params: { right: node.right, isRight: false } },
                target: wrong.next ?? node.next,
                actions: { type: 'step' as const, params: this.stepInto(wrong.next ?? node.next, 0, wrong, { kbUsed: { right: false } }) },
              },
            ],
          },
        };
      }
      case 'transfer':
      case 'escalate': {
        const warmDue = (node.mode ?? 'warm') === 'warm';
        const handovers = node.handover ?? [];
        const teams = this.teams.map((t) => t.id);
        const route = {
          right: node.to,
          warmDue,
          rightHandovers: handovers.flatMap((h, i) => (h.right === true ? [i] : [])),
          handovers: handovers.length,
          warmSeconds: node.seconds ?? TRANSFER_SECONDS.warm,
          coldSeconds: node.seconds ?? TRANSFER_SECONDS.cold,
        };
        const wrong: WrongRoute = node.wrong ?? {};
        const guard = (rightTeam: boolean) => ({
          type: 'routeTo' as const,
          params: { teams, handovers: handovers.length, right: node.to, rightTeam },
        });
        return {
          ...hangUp,
          on: {
            'agent.transfer': [
              {
                guard: guard(true),
                target: node.next,
                actions: { type: 'step' as const, params: this.stepInto(node.next, 0, node, { route }) },
              },
              {
                guard: guard(false),
                target: wrong.next ?? node.next,
                actions: { type: 'step' as const, params: this.stepInto(wrong.next ?? node.next, 0, wrong, { route }) },
              },
            ],
          },
        };
      }
      case 'callback':
        return {
          ...hangUp,
          on: {
            'agent.continue': {
              target: node.next,
              actions: { type: 'step' as const, params: this.stepInto(node.next, actionSeconds(node, idvQuestions), node) },
            },
          },
        };
      case 'ending':
        return this.wrapState(node.wrapup.dispositions, node.wrapup.notesMustMention ?? []);
      default: {
        const unknown: never = node;
        throw new Error(`compile: node "${id}" has an unknown type (${JSON.stringify(unknown)})`);
      }
    }
  }

  config(): CallMachineConfig {
    const { scenario } = this;
    const states: Record<string, unknown> = {
      [CALL_STATES.ringing]: {
        on: { 'call.answer': { target: scenario.start, actions: { type: 'step', params: this.stepInto(scenario.start, 0, {}) } } },
      },
      [CALL_STATES.hungUp]: this.wrapState(HANG_UP_DISPOSITIONS, []),
      [CALL_STATES.done]: { type: 'final' },
    };
    for (const [id, node] of Object.entries(scenario.nodes)) states[id] = this.nodeState(id, node);
    return {
      id: scenario.id,
      initial: CALL_STATES.ringing,
      context: initialContext(scenario.customer.mood, scenario.customer.patience),
      // Live pace: silence is heard in whichever step the call is at (see core/engine/dead-air.ts).
      on: { 'line.silence': { guard: 'silenceCounts', actions: 'deadAir' } },
      states,
    } as CallMachineConfig;
  }
}

export function compileScenario(scenario: Scenario, library: KnowledgeLibrary = EMPTY_LIBRARY): CallDefinition {
  const { articles, teams, index } = callKnowledge(scenario, library);
  const machineConfig = new Compiler(scenario, index, teams).config();
  // The hash and the XState machine are worked out the first time they are read: the checker
  // and the pure runner need neither, a run and the live game do.
  let hash: string | undefined;
  let machine: CallMachine | undefined;
  return {
    scenario,
    get hash() {
      return (hash ??= scenarioHash({ scenario, articles, teams }));
    },
    articles,
    searchIndex: index,
    teams,
    machineConfig,
    get machine() {
      return (machine ??= callSetup.createMachine(machineConfig));
    },
  };
}
