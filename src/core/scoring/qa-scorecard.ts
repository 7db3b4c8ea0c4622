/** The weighted QA scorecard: sections, critical cap, fatal breaches. Rules in docs/scoring.md. */
import type { QaMark, Scorecard } from '../../shared/scorecard.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import { QA_BANDS, QA_SECTIONS, QA_SECTION_KEYS } from '../model/qa-sections.ts';
import { BREACHES } from '../model/breaches.ts';
import type { CallContext } from '../engine/call-context.ts';
import { qaItemsFor } from './qa-items.ts';
import { MARK_VALUE, countedQa, itemMark, sectionScore, weightedQa } from './qa-arithmetic.ts';

export function qaBand(score: number): 'red' | 'amber' | 'green' {
  return score >= QA_BANDS.greenFrom ? 'green' : score >= QA_BANDS.amberFrom ? 'amber' : 'red';
}

export function qaScorecard(scenario: Scenario, context: CallContext): Scorecard['qa'] {
  const items = qaItemsFor(scenario, context).map((item) => ({
    id: item.id,
    text: item.text,
    section: item.section,
    critical: item.critical === true,
    mark: itemMark(item, context),
  }));
  const sections = QA_SECTION_KEYS.map((key) => {
    const own = items.filter((item) => item.section === key);
    const applicable = own.filter((item) => item.mark !== 'na');
    const score = sectionScore(applicable.reduce((sum, item) => sum + MARK_VALUE[item.mark as Exclude<QaMark, 'na'>], 0), applicable.length);
    return {
      id: key,
      label: QA_SECTIONS[key].label,
      weight: scenario.qa.weights?.[key] ?? QA_SECTIONS[key].weight,
      score,
      items: own.map(({ id, text, mark, critical }) => ({ id, text, mark, critical })),
    };
  }).filter((section) => section.items.length > 0);
  const scored = sections.filter((s) => s.score !== null && s.weight > 0);
  const totalWeight = scored.reduce((sum, s) => sum + s.weight, 0);
  const raw = weightedQa(scored.reduce((sum, s) => sum + s.weight * (s.score ?? 0), 0), totalWeight);
  const fatal = context.breaches.map((b) => ({ code: b.code, text: BREACHES[b.code].text, at: b.at }));
  const critical = items.filter((item) => item.critical && item.mark === 'missed').map(({ id, text }) => ({ id, text }));
  const score = countedQa(raw, fatal.length > 0, critical.length > 0);
  return { score, raw, band: qaBand(score), sections, fatal, critical };
}
