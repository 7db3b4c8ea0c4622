/** The QA items a call is judged on: the scenario's own, plus the engine's where they apply. */
import type { QaItem, Scenario } from '../model/scenario-schema.ts';
import type { CallContext } from '../engine/call-context.ts';

export const AUTO_QA_ITEMS = Object.freeze({
  idvVerdict: { id: 'auto-idv-verdict', section: 'idv', text: "Reaches the right ID&V verdict on the caller's answers" },
  idvMarks: { id: 'auto-idv-marks', section: 'idv', text: "Compares each of the caller's answers with the record correctly" },
  idvProportionate: { id: 'auto-idv-proportionate', section: 'idv', text: 'Asks only the questions the ID&V policy needs' },
  kbArticle: { id: 'auto-kb-article', section: 'resolution', text: 'Finds and uses the knowledge-base article that answers this customer' },
  transferTeam: { id: 'auto-transfer-team', section: 'hold-transfer', text: 'Transfers or escalates to the team that handles this' },
  transferWarm: { id: 'auto-transfer-warm', section: 'hold-transfer', text: 'Makes a warm transfer, briefing the colleague, where one is due' },
  transferHandover: { id: 'auto-transfer-handover', section: 'hold-transfer', text: 'Hands over who the customer is, the issue, what was done and what is wanted' },
  holdCheckBack: { id: 'auto-hold-check-back', section: 'hold-transfer', text: 'Checks back at least once a minute while the customer is on hold' },
  disposition: { id: 'auto-disposition', section: 'notes', text: 'Chooses the right disposition code' },
  notes: { id: 'auto-notes', section: 'notes', text: 'Notes record the facts the next person will need' },
} as const satisfies Record<string, QaItem>);

/** Items for this call: engine items only when their situation arose (an ID&V step, a hold, notes asked for). */
export function qaItemsFor(scenario: Scenario, context: CallContext): QaItem[] {
  const items: QaItem[] = [...scenario.qa.items];
  if (context.idvVerdictRight !== null) items.push(AUTO_QA_ITEMS.idvVerdict, AUTO_QA_ITEMS.idvMarks);
  if ('auto-idv-proportionate' in context.qa) items.push(AUTO_QA_ITEMS.idvProportionate);
  if (context.kbRight !== null) items.push(AUTO_QA_ITEMS.kbArticle);
  if (context.routeTeamRight !== null) items.push(AUTO_QA_ITEMS.transferTeam);
  if (context.routeWarmRight !== null) items.push(AUTO_QA_ITEMS.transferWarm);
  if (context.routeHandoverRight !== null) items.push(AUTO_QA_ITEMS.transferHandover);
  if (context.holdLongestGap !== null) items.push(AUTO_QA_ITEMS.holdCheckBack);
  if (context.disposition !== null) items.push(AUTO_QA_ITEMS.disposition);
  if (context.notesCoverage !== null) items.push(AUTO_QA_ITEMS.notes);
  return items;
}
