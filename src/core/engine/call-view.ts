/** What the trainee sees at a moment of the call: derived from the snapshot, never stored. */
import type { Scenario, ScenarioNode } from '../model/scenario-schema.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallContext, IdvState } from './call-context.ts';
import { callTime } from './call-context.ts';
import type { CallSnapshot } from './replay.ts';
import { CALL_STATES } from './call-setup.ts';
import { conditionHolds } from './apply-step.ts';
import { HANG_UP_DISPOSITIONS, HANG_UP_LINE, HANG_UP_SUMMARY } from './hang-up.ts';
import { CHECK_BACK_COVERS } from './timing.ts';
import type { Outcome } from '../model/outcomes.ts';

export type CallPhase =
  | 'ringing'
  | 'talk'
  | 'idv'
  | 'hold'
  | 'lookup'
  | 'transfer'
  | 'escalate'
  | 'callback'
  | 'wrapup'
  | 'done';

export interface IdvQuestionView {
  readonly key: string;
  readonly label: string;
  readonly onRecord: string;
  /** What the caller said, or null when they could not answer. */
  readonly callerSaid: string | null;
}

export interface CallView {
  readonly phase: CallPhase;
  readonly nodeId: string | null;
  readonly customerLine: string | null;
  readonly narration: string | null;
  /** The choices offered now, with their index in the scenario (the event's `index`). */
  readonly choices: readonly { readonly index: number; readonly say: string }[];
  readonly idv: readonly IdvQuestionView[] | null;
  readonly hold: { readonly reason: string; readonly total: number; readonly done: number; readonly sinceCheckBack: number; readonly nextCheckBackCovers: number } | null;
  readonly article: { readonly title: string; readonly body: string } | null;
  readonly transfer: { readonly mode: 'warm' | 'cold'; readonly to: string } | null;
  readonly escalate: { readonly to: string; readonly available: boolean } | null;
  readonly callback: { readonly who: string; readonly when: string } | null;
  readonly wrapup: {
    readonly outcome: Outcome;
    readonly summary: string;
    readonly dispositions: readonly { readonly code: string; readonly label: string }[];
  } | null;
  readonly mood: number;
  readonly patience: number;
  readonly idvState: IdvState;
  readonly clock: { readonly talk: number; readonly hold: number; readonly wrap: number; readonly total: number; readonly target: number };
}

const EMPTY = {
  customerLine: null,
  narration: null,
  choices: [],
  idv: null,
  hold: null,
  article: null,
  transfer: null,
  escalate: null,
  callback: null,
  wrapup: null,
} as const;

function idvQuestions(scenario: Scenario, answers: Readonly<Record<string, string>>): IdvQuestionView[] {
  return (scenario.idv?.ask ?? []).map((key) => {
    const field = scenario.crm.fields.find((f) => f.key === key);
    return { key, label: field?.label ?? key, onRecord: field?.value ?? '', callerSaid: answers[key] ?? null };
  });
}

function nodeView(scenario: Scenario, node: ScenarioNode, context: CallContext): Partial<CallView> & { phase: CallPhase } {
  const spoken = { customerLine: node.customer ?? null, narration: node.narration ?? null };
  switch (node.type) {
    case undefined:
    case 'talk':
      return {
        phase: 'talk',
        ...spoken,
        choices: node.choices
          .map((choice, index) => ({ index, say: choice.say, when: choice.when ?? null }))
          .filter((choice) => conditionHolds(context, choice.when))
          .map(({ index, say }) => ({ index, say })),
      };
    case 'idv':
      return { phase: 'idv', ...spoken, idv: idvQuestions(scenario, node.answers) };
    case 'hold':
      return {
        phase: 'hold',
        ...spoken,
        hold: {
          reason: node.reason,
          total: node.seconds,
          done: context.holdElapsed,
          sinceCheckBack: context.holdSinceCheck,
          nextCheckBackCovers: Math.min(CHECK_BACK_COVERS, node.seconds - context.holdElapsed),
        },
      };
    case 'lookup':
      return { phase: 'lookup', ...spoken, article: node.article };
    case 'transfer':
      return { phase: 'transfer', ...spoken, transfer: { mode: node.mode, to: node.to } };
    case 'escalate':
      return { phase: 'escalate', ...spoken, escalate: { to: node.to, available: node.available } };
    case 'callback':
      return { phase: 'callback', ...spoken, callback: { who: node.who, when: node.when } };
    case 'ending':
      return {
        phase: 'wrapup',
        ...spoken,
        wrapup: {
          outcome: node.outcome,
          summary: node.summary,
          dispositions: node.wrapup.dispositions.map(({ code, label }) => ({ code, label })),
        },
      };
  }
}

export function buildCallView(def: CallDefinition, snapshot: CallSnapshot): CallView {
  const { scenario } = def;
  const context = snapshot.context;
  const state = String(snapshot.value);
  const common = {
    mood: context.mood,
    patience: context.patience,
    idvState: context.idv,
    clock: {
      talk: context.talk,
      hold: context.hold,
      wrap: context.wrap,
      total: callTime(context),
      target: scenario.targets.ahtSeconds,
    },
  };
  if (state === CALL_STATES.ringing) return { ...EMPTY, ...common, phase: 'ringing', nodeId: null };
  if (state === CALL_STATES.done) return { ...EMPTY, ...common, phase: 'done', nodeId: null };
  if (state === CALL_STATES.hungUp) {
    return {
      ...EMPTY,
      ...common,
      phase: 'wrapup',
      nodeId: null,
      customerLine: scenario.customer.hangUpLine ?? HANG_UP_LINE,
      wrapup: {
        outcome: 'hung-up',
        summary: HANG_UP_SUMMARY,
        dispositions: HANG_UP_DISPOSITIONS.map(({ code, label }) => ({ code, label })),
      },
    };
  }
  const node = scenario.nodes[state];
  if (node === undefined) throw new Error(`call view: the machine is in "${state}", which the scenario lacks`);
  return { ...EMPTY, ...common, ...nodeView(scenario, node, context), nodeId: state };
}
