/** The parts of a validated scenario that the checks walk over: links between steps and effects. */
import type { Effects, Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import { nodeTypeOf } from '../core/model/node-type.ts';
import { getOrInsert } from '../shared/get-or-insert.ts';

type Path = readonly (string | number)[];

/** A link from one step to another, as written. */
export interface StepLink {
  readonly from: string;
  readonly to: string;
  readonly path: Path;
  /** "choice 2 of step `greet`", "the `pass` of step `check-id`". */
  readonly words: string;
}

export function linksOf(id: string, node: ScenarioNode): StepLink[] {
  const base = ['nodes', id] as const;
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) => ({
        from: id,
        to: choice.next,
        path: [...base, 'choices', index, 'next'],
        words: `choice ${index + 1} of step \`${id}\``,
      }));
    case 'idv':
      return (['pass', 'fail'] as const).map((edge) => ({
        from: id,
        to: node[edge],
        path: [...base, edge],
        words: `the \`${edge}\` of step \`${id}\``,
      }));
    case 'ending':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const links = [{ from: id, to: node.next, path: [...base, 'next'], words: `step \`${id}\`` }];
      if (node.wrong?.next !== undefined) {
        links.push({ from: id, to: node.wrong.next, path: [...base, 'wrong', 'next'], words: `the \`wrong\` route of step \`${id}\`` });
      }
      return links;
    }
    default:
      return [{ from: id, to: node.next, path: [...base, 'next'], words: `step \`${id}\`` }];
  }
}

/** A place that carries effects: a choice, or an action or ending step itself. */
export interface EffectSite {
  readonly node: string;
  readonly path: Path;
  readonly effects: Effects;
  /** The choice's index, for a choice. */
  readonly choice?: number;
  readonly trap?: string;
  readonly why?: string;
  readonly words: string;
}

export function effectSitesOf(id: string, node: ScenarioNode): EffectSite[] {
  const base = ['nodes', id] as const;
  const type = nodeTypeOf(node);
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) => ({
        node: id,
        path: [...base, 'choices', index],
        effects: choice,
        choice: index,
        ...(choice.trap === undefined ? {} : { trap: choice.trap }),
        ...(choice.why === undefined ? {} : { why: choice.why }),
        words: `Choice ${index + 1} of step \`${id}\``,
      }));
    case 'idv':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const sites: EffectSite[] = [{ node: id, path: base, effects: node, words: `The ${type} step \`${id}\`` }];
      if (node.wrong !== undefined) {
        sites.push({
          node: id,
          path: [...base, 'wrong'],
          effects: node.wrong,
          ...(node.wrong.trap === undefined ? {} : { trap: node.wrong.trap }),
          words: `The \`wrong\` route of the ${type} step \`${id}\``,
        });
      }
      return sites;
    }
    default:
      return [{ node: id, path: base, effects: node, words: `The ${type} step \`${id}\`` }];
  }
}

/** Per scenario object: its effect sites, listed once (a scenario is never changed once read, and four checks walk them). */
const sitesByScenario = new WeakMap<Scenario, readonly EffectSite[]>();

export function allEffectSites(scenario: Scenario): readonly EffectSite[] {
  return getOrInsert(sitesByScenario, scenario, (s) => Object.entries(s.nodes).flatMap(([id, node]) => effectSitesOf(id, node)));
}
