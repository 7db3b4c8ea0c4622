/**
 * The few parts of the trainee's view a surface strategy reads, built with the view's own ordering
 * functions (`call-view.ts`) but without the rest of the screen — the clock, labels, article
 * bodies — so thousands of strategy runs stay cheap. Same options, same order as `buildCallView`.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { RunnerState } from '../core/engine/call-runner.ts';
import { CALL_STATES } from '../core/engine/call-setup.ts';
import { HANG_UP_DISPOSITIONS, HANG_UP_SUMMARY } from '../core/engine/hang-up.ts';
import { getOrInsert } from '../shared/get-or-insert.ts';
import { idvQuestionKeys } from '../core/engine/idv-check.ts';
import {
  choiceOrderKey,
  directoryOrder,
  choicesOffered,
  orderChoices,
  dispositionOrder,
  handoverOrder,
  searchResults,
  type CallPhase,
} from '../core/engine/call-view.ts';

export interface StrategyView {
  readonly phase: CallPhase;
  readonly choices: readonly { readonly index: number; readonly say: string }[];
  readonly idv: readonly { readonly key: string; readonly policy: boolean; readonly asked: boolean }[] | null;
  readonly hold: { readonly total: number; readonly done: number } | null;
  readonly knowledge: {
    readonly task: string;
    readonly query: string | null;
    readonly results: readonly { readonly id: string }[];
    readonly opened: readonly { readonly id: string }[];
  } | null;
  readonly routing: {
    readonly directory: readonly { readonly id: string; readonly handles: string }[];
    readonly handovers: readonly { readonly index: number; readonly say: string }[];
  } | null;
  readonly wrapup: { readonly summary: string; readonly dispositions: readonly { readonly code: string; readonly label: string }[] } | null;
}

type Parts = Partial<Omit<StrategyView, 'phase'>>;

/** A view of `phase` with the parts given and no other (every field written, in one order: thousands are made per check). */
function viewOf(phase: CallPhase, parts: Parts = {}): StrategyView {
  return {
    phase,
    choices: parts.choices ?? [],
    idv: parts.idv ?? null,
    hold: parts.hold ?? null,
    knowledge: parts.knowledge ?? null,
    routing: parts.routing ?? null,
    wrapup: parts.wrapup ?? null,
  };
}

const idvKeysFrom = ({ scenario }: CallDefinition): readonly { readonly key: string; readonly policy: boolean }[] => {
  const policy = scenario.idv?.ask ?? [];
  return idvQuestionKeys(scenario).map((key) => ({ key, policy: policy.includes(key) }));
};
const idvKeysByCall = new WeakMap<CallDefinition, readonly { readonly key: string; readonly policy: boolean }[]>();
/** The ID&V questions shown, policy ones first: the same at every step of a call. */
function idvKeysOf(def: CallDefinition): readonly { readonly key: string; readonly policy: boolean }[] {
  return getOrInsert(idvKeysByCall, def, idvKeysFrom);
}

const articleIds = new WeakMap<CallDefinition, ReadonlySet<string>>();
const articleIdsFrom = ({ articles }: CallDefinition): ReadonlySet<string> => new Set(articles.map((a) => a.id));
function articlesOf(def: CallDefinition): ReadonlySet<string> {
  return getOrInsert(articleIds, def, articleIdsFrom);
}

/**
 * The last search's results as ids, remembered for one (call, step, query, seed): a run at one
 * seed reads them again at every step of its look-up (open, then use), and they cannot change.
 */
let lastSearch: { def: CallDefinition; nodeId: string; query: string; seed: number; results: readonly { readonly id: string }[] } | null = null;
function searchResultsOnce(def: CallDefinition, nodeId: string, query: string | null, seed: number): readonly { readonly id: string }[] {
  if (query === null) return [];
  const last = lastSearch;
  if (last !== null && last.def === def && last.nodeId === nodeId && last.query === query && last.seed === seed) return last.results;
  const results = searchResults(def, nodeId, query, seed).map((id) => ({ id }));
  lastSearch = { def, nodeId, query, seed, results };
  return results;
}

/**
 * What the trainee would see at one state of a call, at any seed: the seed only orders what is
 * shown (and picks the search's ties), so everything the state decides is read once, here, and
 * the order is applied per seed. The state is read when the menu is made, never later, so a menu
 * made at a working context that moves on stays right.
 */
export type StrategyMenu = (seed: number) => StrategyView;

const RINGING = viewOf('ringing');
const DONE = viewOf('done');
const CALLBACK = viewOf('callback');
const always = (view: StrategyView): StrategyMenu => () => view;

export function strategyMenu(def: CallDefinition, state: RunnerState): StrategyMenu {
  const { scenario } = def;
  const { value, context } = state;
  if (value === CALL_STATES.ringing) return always(RINGING);
  if (value === CALL_STATES.done) return always(DONE);
  if (value === CALL_STATES.hungUp) {
    return (seed) => viewOf('wrapup', { wrapup: { summary: HANG_UP_SUMMARY, dispositions: dispositionOrder(HANG_UP_DISPOSITIONS, null, seed) } });
  }
  const node = scenario.nodes[value];
  if (node === undefined) throw new Error(`strategy view: the call is at "${value}", which the scenario lacks`);
  switch (node.type) {
    case undefined:
    case 'talk': {
      const offered = choicesOffered(node, context);
      const key = choiceOrderKey(value, context);
      return (seed) => viewOf('talk', { choices: orderChoices(offered, seed, key) });
    }
    case 'idv':
      return always(viewOf('idv', { idv: idvKeysOf(def).map(({ key, policy }) => ({ key, policy, asked: context.idvAsked.includes(key) })) }));
    case 'hold':
      return always(viewOf('hold', { hold: { total: node.seconds, done: context.holdElapsed } }));
    case 'lookup': {
      const known = articlesOf(def);
      const { task } = node;
      const query = context.kbQuery;
      const opened = context.kbOpened.filter((id) => known.has(id)).map((id) => ({ id }));
      return (seed) => viewOf('lookup', { knowledge: { task, query, results: searchResultsOnce(def, value, query, seed), opened } });
    }
    case 'transfer':
    case 'escalate': {
      const phase = node.type;
      return (seed) => viewOf(phase, { routing: { directory: directoryOrder(def, value, seed), handovers: handoverOrder(node, value, seed) } });
    }
    case 'callback':
      return always(CALLBACK);
    case 'ending': {
      const { summary } = node;
      const { dispositions } = node.wrapup;
      return (seed) => viewOf('wrapup', { wrapup: { summary, dispositions: dispositionOrder(dispositions, value, seed) } });
    }
  }
}

/** The view at `state` for a run at `seed`: its menu, ordered for the seed. */
export function strategyView(def: CallDefinition, state: RunnerState, seed: number): StrategyView {
  return strategyMenu(def, state)(seed);
}
