/**
 * Compliance lint over the explored calls: personal data said before ID&V or after a fail (or to a
 * third party), and declared breaches, are errors unless the choice is a declared trap — a
 * deliberate lesson the trainee is scored down for. After a pass on a near-miss the breach is the
 * ID&V step's lesson, scored by the engine, so no trap is asked for there.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import type { EffectSite } from './scenario-parts.ts';
import { allEffectSites } from './scenario-parts.ts';
import type { StateSpace, StaticState } from './state-space.ts';
import { applyFlags } from './state-space.ts';
import { AUTHORITY_CHECKED } from './compile.ts';

function routeWords(state: StaticState): string {
  if (state.idv === 'not-done') return 'it can be reached before any ID&V';
  if (state.idv === 'failed') return 'it can be reached after the caller failed ID&V';
  return 'it can be reached after the caller was passed on wrong answers';
}

/** Per step (by index in `nodeIds`): its states, in order. Worked out once per check. */
function statesByStep(space: StateSpace): readonly (readonly number[])[] {
  const byStep: number[][] = space.nodeIds.map(() => []);
  const { stateNode } = space;
  for (let i = 0; i < stateNode.length; i += 1) byStep[stateNode[i]!]!.push(i);
  return byStep;
}

/** The states in which a site's effects happen: a choice when it is taken, a step when entered. */
function statesWhereSiteFires(space: StateSpace, atStep: readonly number[], site: EffectSite): StaticState[] {
  if (site.choice === undefined) return atStep.map((i) => space.states[i]!);
  const { outStart, edgeChoice } = space;
  return atStep.filter((i) => {
    for (let e = outStart[i]!; e < outStart[i + 1]!; e += 1) if (edgeChoice[e] === site.choice) return true;
    return false;
  }).map((i) => space.states[i]!);
}

export function validateCompliance(scenario: Scenario, space: StateSpace, file: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const thirdParty = scenario.customer.role === 'third-party';
  const authority = scenario.customer.role === 'holder' || thirdParty ? undefined : scenario.customer.authority;
  const flag = authority?.checkedFlag ?? AUTHORITY_CHECKED;
  let byStep: readonly (readonly number[])[] | undefined;
  for (const site of allEffectSites(scenario)) {
    if (site.trap !== undefined) continue;
    const breaches = site.effects.breach ?? [];
    if (breaches.length > 0) {
      diagnostics.push(
        makeDiagnostic(
          'HTL0057',
          { what: site.words, breaches: breaches.map((b) => `\`${b}\``).join(', ') },
          file,
          locate([...site.path, 'breach']),
        ),
      );
    }
    const discloses = site.effects.discloses ?? [];
    if (discloses.length === 0) continue;
    const keys = discloses.map((key) => `\`${key}\``).join(', ');
    byStep ??= statesByStep(space);
    const fires = statesWhereSiteFires(space, byStep[space.nodeIds.indexOf(site.node)] ?? [], site);
    if (fires.length === 0) continue;
    const at = locate([...site.path, 'discloses']);
    if (thirdParty) {
      diagnostics.push(makeDiagnostic('HTL0056', { what: site.words, keys }, file, at));
      continue;
    }
    if (authority !== undefined) {
      if (fires.some((state) => !applyFlags(state.flags, site.effects).includes(flag))) {
        diagnostics.push(makeDiagnostic('HTL0069', { what: site.words, keys, flag }, file, at));
      } else if (scenario.idv !== undefined) {
        const unverified = fires.find((state) => !state.idvTrue && state.idv !== 'passed');
        if (unverified !== undefined) diagnostics.push(makeDiagnostic('HTL0055', { what: site.words, keys, route: routeWords(unverified) }, file, at));
      }
      const outside = discloses.filter((key) => !authority.scope.includes(key));
      if (outside.length > 0) {
        diagnostics.push(makeDiagnostic('HTL0070', { what: site.words, keys: outside.map((k) => `\`${k}\``).join(', '), role: scenario.customer.role }, file, at));
      }
      continue;
    }
    // A pass on an answer written not to match (a near-miss) is the ID&V step's own lesson: the
    // engine scores what follows as fatal and names the misread field, so no trap is needed here.
    const unverified = fires.find((state) => !state.idvTrue && state.idv !== 'passed');
    if (unverified !== undefined) {
      diagnostics.push(makeDiagnostic('HTL0055', { what: site.words, keys, route: routeWords(unverified) }, file, at));
    }
  }
  return diagnostics;
}
