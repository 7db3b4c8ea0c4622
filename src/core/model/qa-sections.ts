/**
 * QA scorecard sections and their default weights (they add to 100). A scenario may override the
 * weights; sections whose items are all not-applicable drop out and the rest are re-normalised.
 */
export const QA_SECTIONS = Object.freeze({
  opening: { label: 'Opening', weight: 5 },
  idv: { label: 'ID&V and data protection', weight: 15 },
  discovery: { label: 'Discovery and listening', weight: 15 },
  empathy: { label: 'Empathy and de-escalation', weight: 15 },
  resolution: { label: 'Accuracy and resolution', weight: 20 },
  compliance: { label: 'Compliance statements', weight: 10 },
  'hold-transfer': { label: 'Hold and transfer etiquette', weight: 5 },
  closing: { label: 'Closing', weight: 10 },
  notes: { label: 'Notes and disposition', weight: 5 },
} as const);

export type QaSectionKey = keyof typeof QA_SECTIONS;
export const QA_SECTION_KEYS = Object.freeze(Object.keys(QA_SECTIONS) as [QaSectionKey, ...QaSectionKey[]]);

/** A critical item missed caps the call's QA score here. */
export const CRITICAL_CAP = 60;
/** QA colour bands: below AMBER_FROM is red, from GREEN_FROM is green. */
export const QA_BANDS = Object.freeze({ amberFrom: 80, greenFrom: 90 });
