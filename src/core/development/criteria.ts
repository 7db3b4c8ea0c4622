/**
 * Which of the unit's learning outcomes (LO) and assessment criteria (AC) each kind of portfolio
 * entry is evidence for, so every entry an assessor reads carries its references.
 */
import { CURRICULUM, type CurriculumKey } from '../model/curriculum.ts';

export const UNIT_TITLE = 'Principles of personal effectiveness in a contact centre';
export const QUALIFICATION = 'Level 2 Certificate in Contact Centre Operations';

export const ENTRY_CRITERIA = Object.freeze({
  /** A scored call with the trainee's self-rating before the scorecard: self-assessment against KPIs. */
  call: ['LO2', 'AC3'],
  /** A day's practice calls taken together, against the service's targets. */
  shift: ['LO5', 'AC4'],
  /** What? So what? Now what? */
  reflection: ['LO1', 'LO2', 'LO4', 'AC1'],
  /** A SMART goal from data or feedback. */
  goal: ['LO1', 'LO5', 'AC1'],
  /** Plan-do-review of a goal. */
  review: ['LO1', 'AC1'],
  /** Feedback received from a trainer or a peer. */
  feedback: ['LO3', 'AC2'],
  /** Self-assessment accuracy over time. */
  calibration: ['LO2', 'AC3'],
} as const satisfies Record<string, readonly CurriculumKey[]>);

export type EntryKind = keyof typeof ENTRY_CRITERIA;

export const criteriaFor = (kind: EntryKind): readonly CurriculumKey[] => ENTRY_CRITERIA[kind];

/** "LO2, AC3" — the short form printed on an entry. */
export const criteriaText = (kind: EntryKind): string => ENTRY_CRITERIA[kind].join(', ');

/** Every reference used, with its wording, for the portfolio's key. */
export const criteriaKey = (): { key: CurriculumKey; text: string }[] =>
  (Object.keys(CURRICULUM) as CurriculumKey[]).map((key) => ({ key, text: CURRICULUM[key] }));
