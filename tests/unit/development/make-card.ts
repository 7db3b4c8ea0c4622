/** Builds scorecards for table-driven tests: each section's score and missed items as the test says. */
import type { Scorecard } from '../../../src/shared/scorecard.ts';
import { QA_SECTIONS, type QaSectionKey } from '../../../src/core/model/qa-sections.ts';

export interface CardSpec {
  /** Section score 0-100; sections left out are not applicable on the call. */
  sections?: Partial<Record<QaSectionKey, number>>;
  /** Items missed, by section: [id, text]. */
  missed?: Partial<Record<QaSectionKey, [string, string][]>>;
  fatal?: string[];
  fcr?: 'yes' | 'no' | 'excluded';
  aht?: number;
  target?: number;
  stars?: number;
  qa?: number;
}

export function makeCard(spec: CardSpec = {}): Scorecard {
  const sectionScores = spec.sections ?? {};
  const sections = (Object.keys(sectionScores) as QaSectionKey[]).map((id) => ({
    id,
    label: QA_SECTIONS[id].label,
    weight: QA_SECTIONS[id].weight,
    score: sectionScores[id]!,
    items: [
      { id: `${id}-ok`, text: `Does the ${id} part`, mark: 'met' as const, critical: false },
      ...(spec.missed?.[id] ?? []).map(([iid, text]) => ({ id: iid, text, mark: 'missed' as const, critical: false })),
    ],
  }));
  return {
    scenarioId: 'test',
    scenarioHash: '0'.repeat(64),
    outcome: spec.fcr === 'excluded' ? 'refused' : spec.fcr === 'no' ? 'unresolved' : 'resolved',
    endingSummary: 'The test call ended.',
    aht: { talk: spec.aht ?? 200, hold: 0, wrap: 0, total: spec.aht ?? 200, target: spec.target ?? 300 },
    fcr: { value: spec.fcr ?? 'yes', reason: 'test' },
    csat: { stars: spec.stars ?? 4, why: 'test', comment: '' },
    qa: {
      score: spec.fatal?.length ? 0 : (spec.qa ?? 85),
      raw: spec.qa ?? 85,
      band: 'amber',
      sections,
      fatal: (spec.fatal ?? []).map((code) => ({ code, text: `breach ${code}`, at: 10 })),
      critical: [],
    },
    keyMoments: [{ at: 12, step: 1, text: 'You greeted the caller.', impact: 5 }],
  };
}

export const NOW = '2026-11-23T10:00:00.000Z';
