/**
 * The call as a graph for the map: a box per step with what kind it is and the line it starts on,
 * an arrow per way on, and the marks a trainer looks for — endings, traps, ID&V steps, steps where
 * the caller may already be out of patience, steps no run reaches, and steps from which no run can
 * finish. Pure: made in the checking worker from the checked scenario.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { Locate } from '../scenario/parse.ts';
import type { StateSpace } from '../scenario/state-space.ts';
import { reachableNodes, statesReachingAnEnding } from '../scenario/state-space.ts';

export type StepKind = 'talk' | 'idv' | 'hold' | 'lookup' | 'transfer' | 'escalate' | 'callback' | 'ending';

export interface GraphStep {
  readonly id: string;
  readonly kind: StepKind;
  /** 1-based line of the step's key in the file. */
  readonly line: number;
  /** The customer's line, shortened, or the ending's outcome. */
  readonly caption: string;
  readonly outcome: string | null;
  readonly unreachable: boolean;
  /** No ending can be reached from here, whatever the trainee does. */
  readonly deadEnd: boolean;
  /** The lowest patience a caller can arrive here with (from the choices' patience changes); at 0 they hang up. */
  readonly worstPatience: number;
  readonly hangUpRisk: boolean;
  readonly start: boolean;
}

export interface GraphLink {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly trap: boolean;
}

export interface CallGraph {
  readonly steps: readonly GraphStep[];
  readonly links: readonly GraphLink[];
  /** False when the checker stopped exploring (too many states): reachability marks are then left off. */
  readonly explored: boolean;
}

/** Patience at or under this on arrival is marked as a hang-up risk. */
export const HANG_UP_RISK_PATIENCE = 15;

function shorten(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

interface Way {
  readonly to: string;
  readonly label: string;
  readonly trap: boolean;
  readonly patience: number;
}

function waysOn(id: string, scenario: Scenario): Way[] {
  const node = scenario.nodes[id];
  if (node === undefined) return [];
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((c, i) => ({ to: c.next, label: `${i + 1}. ${shorten(c.say, 24)}`, trap: c.trap !== undefined, patience: c.patience ?? 0 }));
    case 'idv':
      return [{ to: node.pass, label: 'pass', trap: false, patience: 0 }, { to: node.fail, label: 'fail', trap: false, patience: 0 }];
    case 'ending':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const right = { to: node.next, label: node.type === 'lookup' ? 'right article' : 'right team', trap: false, patience: node.patience ?? 0 };
      const wrongNext = node.wrong?.next;
      return wrongNext === undefined ? [right] : [right, { to: wrongNext, label: 'wrong', trap: true, patience: node.wrong?.patience ?? 0 }];
    }
    default:
      return [{ to: node.next, label: node.type === 'hold' ? 'resume' : 'continue', trap: false, patience: 0 }];
  }
}

/** Lowest patience on arrival at each step, relaxing over the graph (patience never goes below 0 or above 100). */
function worstPatience(scenario: Scenario, ways: Map<string, Way[]>): Map<string, number> {
  const worst = new Map<string, number>([[scenario.start, scenario.customer.patience]]);
  const ids = Object.keys(scenario.nodes);
  for (let round = 0; round < ids.length; round += 1) {
    let changed = false;
    for (const id of ids) {
      const here = worst.get(id);
      if (here === undefined || here <= 0) continue;
      for (const way of ways.get(id) ?? []) {
        const arrive = Math.max(0, Math.min(100, here + way.patience));
        const known = worst.get(way.to);
        if (known === undefined || arrive < known) {
          worst.set(way.to, arrive);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return worst;
}

export function callGraph(scenario: Scenario, locate: Locate, space: StateSpace | undefined): CallGraph {
  const ids = Object.keys(scenario.nodes);
  const ways = new Map(ids.map((id) => [id, waysOn(id, scenario)]));
  const explored = space !== undefined && !space.truncated;
  const reached = explored ? reachableNodes(space) : new Set(ids);
  const finishing = new Set<string>();
  if (explored) {
    const good = statesReachingAnEnding(scenario, space);
    space.states.forEach((state, i) => { if (good[i] === true) finishing.add(state.node); });
  }
  const patience = worstPatience(scenario, ways);
  const steps = ids.map((id): GraphStep => {
    const node = scenario.nodes[id]!;
    const kind = (node.type ?? 'talk') as StepKind;
    const worst = patience.get(id) ?? scenario.customer.patience;
    const caption = shorten(node.customer ?? ('task' in node ? node.task : 'reason' in node ? node.reason : ''));
    return {
      id,
      kind,
      line: locate(['nodes', id]).line,
      caption,
      outcome: node.type === 'ending' ? node.outcome : null,
      unreachable: explored && !reached.has(id),
      deadEnd: explored && reached.has(id) && !finishing.has(id),
      worstPatience: worst,
      hangUpRisk: kind !== 'ending' && worst <= HANG_UP_RISK_PATIENCE,
      start: id === scenario.start,
    };
  });
  const links = ids.flatMap((id) => (ways.get(id) ?? []).filter((w) => w.to in scenario.nodes).map((w) => ({ from: id, to: w.to, label: w.label, trap: w.trap })));
  return { steps, links, explored };
}
