/** The QA items a call is judged on: the scenario's own, plus the engine's where they apply. */
import type { QaItem, Scenario } from '../model/scenario-schema.ts';
import type { CallContext } from '../engine/call-context.ts';

export const AUTO_QA_ITEMS = Object.freeze({
  idvVerdict: { id: 'auto-idv-verdict', section: 'idv', text: "Reaches the right ID&V verdict on the caller's answers" },
  holdCheckBack: { id: 'auto-hold-check-back', section: 'hold-transfer', text: 'Checks back at least once a minute while the customer is on hold' },
  disposition: { id: 'auto-disposition', section: 'notes', text: 'Chooses the right disposition code' },
  notes: { id: 'auto-notes', section: 'notes', text: 'Notes record the facts the next person will need' },
} as const satisfies Record<string, QaItem>);

/** Items for this call: engine items only when their situation arose (an ID&V step, a hold, notes asked for). */
export function qaItemsFor(scenario: Scenario, context: CallContext): QaItem[] {
  const items: QaItem[] = [...scenario.qa.items];
  if (context.idvVerdictRight !== null) items.push(AUTO_QA_ITEMS.idvVerdict);
  if (context.holdLongestGap !== null) items.push(AUTO_QA_ITEMS.holdCheckBack);
  if (context.disposition !== null) items.push(AUTO_QA_ITEMS.disposition);
  if (context.notesCoverage !== null) items.push(AUTO_QA_ITEMS.notes);
  return items;
}
