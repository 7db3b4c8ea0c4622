/**
 * The unit's learning outcomes (LO) and assessment criteria (AC), numbered in the order the
 * revision notes give them, in our own words. Scenarios name the ones they exercise.
 */
export const CURRICULUM = Object.freeze({
  LO1: 'Describe the cycle for improving personal effectiveness (self-assess, set goals, act, review)',
  LO2: 'Explain how self-evaluation identifies development needs',
  LO3: 'Identify how team members support each other to improve',
  LO4: 'Analyse how effective communication contributes to personal and team success',
  LO5: 'Apply SMART goal-setting to improve own contact-centre metrics',
  AC1: 'Outlines a structured improvement process: find gaps, set objectives, review outcomes',
  AC2: 'Explains how huddles, peer feedback and coaching improve personal performance',
  AC3: 'Applies it realistically to a contact centre: call monitoring, quality scores, customer feedback',
  AC4: 'Links individual effectiveness to team and service-level targets',
} as const);

export type CurriculumKey = keyof typeof CURRICULUM;
export const CURRICULUM_KEYS = Object.freeze(Object.keys(CURRICULUM) as [CurriculumKey, ...CurriculumKey[]]);
