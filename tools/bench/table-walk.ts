/**
 * The floor for the engine benchmark: the same run walked straight over the scenario data with no
 * state machine — look up the step, pick the choice, add up the numbers. Not used by the game.
 */
import type { Scenario } from '../../src/core/model/scenario-schema.ts';
import type { CallEvent } from '../../src/shared/call-events.ts';

export function tableWalk(scenario: Scenario, events: readonly CallEvent[]): { node: string; mood: number; patience: number; talk: number } {
  let node = scenario.start;
  let mood = scenario.customer.mood;
  let patience = scenario.customer.patience;
  let talk = 0;
  for (const event of events) {
    const here = scenario.nodes[node];
    if (here === undefined) break;
    if (event.type === 'agent.choose' && (here.type ?? 'talk') === 'talk' && 'choices' in here) {
      const choice = here.choices[event.index]!;
      mood += choice.mood ?? 0;
      patience += choice.patience ?? 0;
      talk += choice.seconds ?? 3;
      node = choice.next;
    } else if (event.type === 'agent.idv' && here.type === 'idv') {
      node = event.verdict === 'pass' ? here.pass : here.fail;
    } else if ((event.type === 'agent.continue' || event.type === 'hold.resume') && 'next' in here) {
      node = here.next;
    }
  }
  return { node, mood, patience, talk };
}
