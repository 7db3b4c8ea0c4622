/**
 * What the trainee sees at a moment of the call: derived from the snapshot and the run's seed,
 * never stored. Options appear in a seeded order, so no position gives an answer away; nothing here
 * says which answer is right.
 */
import type { Scenario, ScenarioNode } from '../model/scenario-schema.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallContext, IdvState } from './call-context.ts';
import { callTime } from './call-context.ts';
import { CALL_STATES } from './call-setup.ts';
import { conditionHolds } from './apply-step.ts';
import { HANG_UP_DISPOSITIONS, HANG_UP_LINE, HANG_UP_SUMMARY } from './hang-up.ts';
import { CHECK_BACK_COVERS, HOLD_GAP_LIMIT } from './timing.ts';
import { answerSaid, idvQuestionKeys } from './idv-check.ts';
import { seededOrder, type Pin } from './present-order.ts';
import { searchArticles } from './kb-search.ts';
import type { Outcome } from '../model/outcomes.ts';
import { getOrInsert } from '../../shared/get-or-insert.ts';

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
  /** Whether the policy requires this question. */
  readonly policy: boolean;
  readonly asked: boolean;
  /** Answered rightly at an earlier ID&V step of this call: it need not be asked again. */
  readonly confirmedEarlier: boolean;
  /** What the caller said once asked (null: not asked yet, or could not answer — see `asked`). */
  readonly callerSaid: string | null;
}

export interface ArticleView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly source: string;
  readonly asOf: string;
}

export interface KnowledgeView {
  readonly task: string;
  readonly query: string | null;
  /** The last search's results, best first (ties in seeded order). */
  readonly results: readonly { readonly id: string; readonly title: string }[];
  /** Articles opened at this look-up, in the order opened. */
  readonly opened: readonly ArticleView[];
}

export interface RoutingView {
  readonly kind: 'transfer' | 'escalate';
  /** For an escalation: whether the person can take the call now. */
  readonly available: boolean | null;
  readonly directory: readonly { readonly id: string; readonly name: string; readonly handles: string; readonly hours: string }[];
  /** Handover summaries offered for a warm transfer (by index in the file), in seeded order. */
  readonly handovers: readonly { readonly index: number; readonly say: string }[];
}

export interface CallView {
  readonly phase: CallPhase;
  readonly nodeId: string | null;
  readonly customerLine: string | null;
  readonly narration: string | null;
  /** The choices offered now, in the order shown, each with its index in the scenario (the event's `index`). */
  readonly choices: readonly { readonly index: number; readonly say: string }[];
  readonly idv: readonly IdvQuestionView[] | null;
  readonly hold: { readonly reason: string; readonly total: number; readonly done: number; readonly sinceCheckBack: number; readonly nextCheckBackCovers: number } | null;
  readonly knowledge: KnowledgeView | null;
  readonly routing: RoutingView | null;
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

/** The parts of a snapshot the view reads (an XState snapshot or the pure runner's state). */
export interface ViewableState {
  readonly value: unknown;
  readonly context: CallContext;
}

const EMPTY = {
  customerLine: null,
  narration: null,
  choices: [],
  idv: null,
  hold: null,
  knowledge: null,
  routing: null,
  callback: null,
  wrapup: null,
} as const;

const DEFAULT_CHECK_BACK = ['Okay, thanks for letting me know.', 'Right. Still here.'];
const LONG_SILENCE_LINE = 'Hello? I was starting to think you’d forgotten about me.';

function idvQuestions(scenario: Scenario, node: Extract<ScenarioNode, { type: 'idv' }>, context: CallContext): IdvQuestionView[] {
  const policy = scenario.idv?.ask ?? [];
  return idvQuestionKeys(scenario).map((key) => {
    const field = scenario.crm.fields.find((f) => f.key === key);
    const asked = context.idvAsked.includes(key);
    const answer = node.answers[key];
    return {
      key,
      label: field?.label ?? key,
      onRecord: field?.value ?? '',
      policy: policy.includes(key),
      asked,
      confirmedEarlier: !asked && context.idvEverAsked.includes(key),
      callerSaid: asked && answer !== undefined ? answerSaid(answer) : null,
    };
  });
}

function holdLine(node: Extract<ScenarioNode, { type: 'hold' }>, context: CallContext): string | null {
  if (context.holdChecks === 0) return node.customer ?? null;
  if (context.holdLastGap > HOLD_GAP_LIMIT) return LONG_SILENCE_LINE;
  const lines = node.checkBack ?? DEFAULT_CHECK_BACK;
  return lines[Math.min(context.holdChecks - 1, lines.length - 1)] ?? null;
}

type TalkStep = Extract<ScenarioNode, { choices: unknown }>;
type RouteStep = Extract<ScenarioNode, { type: 'transfer' | 'escalate' }>;

/** A talk step's choices as shown: made once per step and shared (never changed). */
export interface ShownChoice {
  readonly index: number;
  readonly say: string;
  readonly pin: Pin;
}

const shownByStep = new WeakMap<TalkStep, readonly ShownChoice[]>();
const shownOf = (node: TalkStep): readonly ShownChoice[] => node.choices.map((choice, index) => ({ index, say: choice.say, pin: choice.pin }));
const shownChoices = (node: TalkStep): readonly ShownChoice[] => getOrInsert(shownByStep, node, shownOf);

/**
 * The choices offered now, in the order shown (pinned ones first or last), as shared objects: for
 * callers that read them at thousands of steps (the checker's surface strategies). `offeredChoices`
 * gives the screen its own copies.
 */
export function choiceOrder(nodeId: string, node: TalkStep, context: CallContext, seed: number): ShownChoice[] {
  return orderChoices(choicesOffered(node, context), seed, choiceOrderKey(nodeId, context));
}

/** The choices whose conditions hold, in file order: what `choiceOrder` shuffles. */
export function choicesOffered(node: TalkStep, context: CallContext): ShownChoice[] {
  const shown = shownChoices(node);
  const offered: ShownChoice[] = [];
  for (let i = 0; i < shown.length; i += 1) if (conditionHolds(context, node.choices[i]!.when ?? null)) offered.push(shown[i]!);
  return offered;
}

/** What, besides the seed, draws a talk step's order: the step and how many events the call has taken. */
export const choiceOrderKey = (nodeId: string, context: CallContext): string => `${nodeId}#${context.step}`;

/** `offered` in the order shown at `seed` (a new array; `offered` is left as it was). */
export const orderChoices = (offered: readonly ShownChoice[], seed: number, key: string): ShownChoice[] => seededOrder(offered, seed, key, pinOf);

const pinOf = (choice: ShownChoice): Pin => choice.pin;

/** The choices offered now, in the order shown (pinned ones first or last). */
export function offeredChoices(nodeId: string, node: TalkStep, context: CallContext, seed: number): { index: number; say: string }[] {
  return choiceOrder(nodeId, node, context, seed).map(({ index, say }) => ({ index, say }));
}

/** The team directory in the order shown at a transfer or escalation. */
export function directoryOrder(def: CallDefinition, nodeId: string, seed: number): RoutingView['directory'] {
  return seededOrder(def.teams, seed, `${nodeId}:directory`).map(({ id, name, handles, hours }) => ({ id, name, handles, hours }));
}

/** The handover summaries in the order shown. */
export function handoverOrder(node: RouteStep, nodeId: string, seed: number): RoutingView['handovers'] {
  return seededOrder(
    (node.handover ?? []).map((h, index) => ({ index, say: h.say })),
    seed,
    `${nodeId}:handover`,
  );
}

/** The wrap-up's dispositions in the order shown: an ending's, or the hang-up's (`nodeId` null). */
export function dispositionOrder(dispositions: readonly { code: string; label: string }[], nodeId: string | null, seed: number): { code: string; label: string }[] {
  return seededOrder(dispositions, seed, nodeId === null ? 'hung-up:dispositions' : `${nodeId}:dispositions`).map(({ code, label }) => ({ code, label }));
}

/** The results of a search for `query` at a look-up step, best first (none before a search). */
export function searchResults(def: CallDefinition, nodeId: string, query: string | null, seed: number): string[] {
  return query === null ? [] : searchArticles(def.searchIndex, query, seed, nodeId);
}

function nodeView(def: CallDefinition, nodeId: string, node: ScenarioNode, context: CallContext, seed: number): Partial<CallView> & { phase: CallPhase } {
  const { scenario } = def;
  const spoken = { customerLine: node.customer ?? null, narration: node.narration ?? null };
  switch (node.type) {
    case undefined:
    case 'talk':
      return { phase: 'talk', ...spoken, choices: offeredChoices(nodeId, node, context, seed) };
    case 'idv':
      return { phase: 'idv', ...spoken, idv: idvQuestions(scenario, node, context) };
    case 'hold':
      return {
        phase: 'hold',
        customerLine: holdLine(node, context),
        narration: context.holdChecks === 0 ? (node.narration ?? null) : null,
        hold: {
          reason: node.reason,
          total: node.seconds,
          done: context.holdElapsed,
          sinceCheckBack: context.holdSinceCheck,
          nextCheckBackCovers: Math.min(CHECK_BACK_COVERS, node.seconds - context.holdElapsed),
        },
      };
    case 'lookup': {
      const byId = new Map(def.articles.map((a) => [a.id, a]));
      const results = searchResults(def, nodeId, context.kbQuery, seed);
      return {
        phase: 'lookup',
        ...spoken,
        knowledge: {
          task: node.task,
          query: context.kbQuery,
          results: results.map((id) => ({ id, title: byId.get(id)?.title ?? id })),
          opened: context.kbOpened.flatMap((id) => {
            const a = byId.get(id);
            return a === undefined ? [] : [{ id, title: a.title, body: a.body, source: a.source, asOf: a.asOf }];
          }),
        },
      };
    }
    case 'transfer':
    case 'escalate':
      return {
        phase: node.type,
        ...spoken,
        routing: {
          kind: node.type,
          available: node.type === 'escalate' ? node.available : null,
          directory: directoryOrder(def, nodeId, seed),
          handovers: handoverOrder(node, nodeId, seed),
        },
      };
    case 'callback':
      return { phase: 'callback', ...spoken, callback: { who: node.who, when: node.when } };
    case 'ending':
      return {
        phase: 'wrapup',
        ...spoken,
        wrapup: {
          outcome: node.outcome,
          summary: node.summary,
          dispositions: dispositionOrder(node.wrapup.dispositions, nodeId, seed),
        },
      };
  }
}

export function buildCallView(def: CallDefinition, snapshot: ViewableState, seed: number): CallView {
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
        dispositions: dispositionOrder(HANG_UP_DISPOSITIONS, null, seed),
      },
    };
  }
  const node = scenario.nodes[state];
  if (node === undefined) throw new Error(`call view: the machine is in "${state}", which the scenario lacks`);
  return { ...EMPTY, ...common, ...nodeView(def, state, node, context, seed), nodeId: state };
}
