/**
 * A call's QA score alone: the number `qaScorecard` puts on the card, worked out with the same
 * arithmetic (`qa-arithmetic.ts`) in the same order (so the same floating-point sums) but without
 * building the card's sections, items and texts. The checker scores tens of thousands of runs and
 * the server's verdict one per submission; both read only this.
 */
import type { Scenario } from '../model/scenario-schema.ts';
import { QA_SECTIONS, QA_SECTION_KEYS, type QaSectionKey } from '../model/qa-sections.ts';
import type { CallContext } from '../engine/call-context.ts';
import { qaItemsFor } from './qa-items.ts';
import { MARK_VALUE, countedQa, itemMark, sectionScore, weightedQa } from './qa-arithmetic.ts';

const SECTION_INDEX = new Map<string, number>(QA_SECTION_KEYS.map((key, index) => [key, index]));

/** Per section: the sum of its applicable items' values, and how many there were (reused by every call). */
const sums = new Float64Array(QA_SECTION_KEYS.length);
const counts = new Int32Array(QA_SECTION_KEYS.length);

export function qaScore(scenario: Scenario, context: CallContext): number {
  sums.fill(0);
  counts.fill(0);
  let criticalMissed = false;
  const items = qaItemsFor(scenario, context);
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const mark = itemMark(item, context);
    if (mark === 'missed' && item.critical === true) criticalMissed = true;
    if (mark === 'na') continue;
    const section = SECTION_INDEX.get(item.section);
    if (section === undefined) continue;
    sums[section]! += MARK_VALUE[mark];
    counts[section]! += 1;
  }
  let weighted = 0;
  let totalWeight = 0;
  for (let s = 0; s < QA_SECTION_KEYS.length; s += 1) {
    const score = sectionScore(sums[s]!, counts[s]!);
    if (score === null) continue;
    const key: QaSectionKey = QA_SECTION_KEYS[s]!;
    const weight = scenario.qa.weights?.[key] ?? QA_SECTIONS[key].weight;
    if (weight <= 0) continue;
    weighted += weight * score;
    totalWeight += weight;
  }
  return countedQa(weightedQa(weighted, totalWeight), context.breaches.length > 0, criticalMissed);
}
