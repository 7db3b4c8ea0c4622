/**
 * A call's QA score alone: the number `qaScorecard` puts on the card, worked out with the same
 * rules in the same order (so the same floating-point sums) but without building the card's
 * sections, items and texts. The checker scores tens of thousands of runs and reads only this.
 */
import type { QaMark } from '../../shared/scorecard.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import { CRITICAL_CAP, QA_SECTIONS, QA_SECTION_KEYS, type QaSectionKey } from '../model/qa-sections.ts';
import type { CallContext } from '../engine/call-context.ts';
import { qaItemsFor } from './qa-items.ts';

const MARK_VALUE: Record<Exclude<QaMark, 'na'>, number> = { met: 1, partial: 0.5, missed: 0 };
const SECTION_INDEX = new Map<string, number>(QA_SECTION_KEYS.map((key, index) => [key, index]));

/** Per section: the sum of its applicable items' values, and how many there were (reused by every call). */
const sums = new Float64Array(QA_SECTION_KEYS.length);
const counts = new Int32Array(QA_SECTION_KEYS.length);

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function qaScore(scenario: Scenario, context: CallContext): number {
  sums.fill(0);
  counts.fill(0);
  let criticalMissed = false;
  const items = qaItemsFor(scenario, context);
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const mark = context.qa[item.id] ?? (item.whenUntouched === 'na' ? 'na' : 'missed');
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
    if (counts[s] === 0) continue;
    const key: QaSectionKey = QA_SECTION_KEYS[s]!;
    const weight = scenario.qa.weights?.[key] ?? QA_SECTIONS[key].weight;
    if (weight <= 0) continue;
    weighted += weight * round1((100 * sums[s]!) / counts[s]!);
    totalWeight += weight;
  }
  const raw = totalWeight === 0 ? 100 : round1(weighted / totalWeight);
  if (context.breaches.length > 0) return 0;
  return criticalMissed ? Math.min(raw, CRITICAL_CAP) : raw;
}
