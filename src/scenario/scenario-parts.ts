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

/** Where a link is written in its step: a choice's `next`, an ID&V step's `pass`/`fail`, a step's `next` or `wrong.next`. */
type LinkPlace = { readonly choice: number } | 'pass' | 'fail' | 'next' | 'wrong';

/**
 * A link whose path and words are made only when read: a checker reads them only to report a
 * link that points nowhere, and a call has thousands of links.
 */
class Link implements StepLink {
  constructor(
    readonly from: string,
    readonly to: string,
    private readonly place: LinkPlace,
  ) {}

  get path(): Path {
    const { from, place } = this;
    if (typeof place === 'object') return ['nodes', from, 'choices', place.choice, 'next'];
    return place === 'wrong' ? ['nodes', from, 'wrong', 'next'] : ['nodes', from, place];
  }

  get words(): string {
    const { from, place } = this;
    if (typeof place === 'object') return `choice ${place.choice + 1} of step \`${from}\``;
    if (place === 'pass' || place === 'fail') return `the \`${place}\` of step \`${from}\``;
    return place === 'wrong' ? `the \`wrong\` route of step \`${from}\`` : `step \`${from}\``;
  }
}

export function linksOf(id: string, node: ScenarioNode): StepLink[] {
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) => new Link(id, choice.next, { choice: index }));
    case 'idv':
      return [new Link(id, node.pass, 'pass'), new Link(id, node.fail, 'fail')];
    case 'ending':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const links = [new Link(id, node.next, 'next')];
      if (node.wrong?.next !== undefined) links.push(new Link(id, node.wrong.next, 'wrong'));
      return links;
    }
    default:
      return [new Link(id, node.next, 'next')];
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

/** Where a site's effects are written: on a choice, on the step itself, or on its `wrong` route. */
type SitePlace = { readonly choice: number } | 'step' | 'wrong';

/** An effect site whose path and words are made only when read (to report a finding about it). */
class Site implements EffectSite {
  readonly choice: number | undefined;

  constructor(
    readonly node: string,
    readonly effects: Effects,
    private readonly type: string,
    private readonly place: SitePlace,
    readonly trap: string | undefined,
    readonly why: string | undefined,
  ) {
    this.choice = typeof place === 'object' ? place.choice : undefined;
  }

  get path(): Path {
    const { node, place } = this;
    if (typeof place === 'object') return ['nodes', node, 'choices', place.choice];
    return place === 'wrong' ? ['nodes', node, 'wrong'] : ['nodes', node];
  }

  get words(): string {
    const { node, place, type } = this;
    if (typeof place === 'object') return `Choice ${place.choice + 1} of step \`${node}\``;
    return place === 'wrong' ? `The \`wrong\` route of the ${type} step \`${node}\`` : `The ${type} step \`${node}\``;
  }
}

export function effectSitesOf(id: string, node: ScenarioNode): EffectSite[] {
  const type = nodeTypeOf(node);
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) => new Site(id, choice, type, { choice: index }, choice.trap, choice.why));
    case 'idv':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const sites: EffectSite[] = [new Site(id, node, type, 'step', undefined, undefined)];
      if (node.wrong !== undefined) sites.push(new Site(id, node.wrong, type, 'wrong', node.wrong.trap, undefined));
      return sites;
    }
    default:
      return [new Site(id, node, type, 'step', undefined, undefined)];
  }
}

/** Per scenario object: its effect sites, listed once (a scenario is never changed once read, and four checks walk them). */
const sitesByScenario = new WeakMap<Scenario, readonly EffectSite[]>();

export function allEffectSites(scenario: Scenario): readonly EffectSite[] {
  return getOrInsert(sitesByScenario, scenario, (s) => Object.entries(s.nodes).flatMap(([id, node]) => effectSitesOf(id, node)));
}
