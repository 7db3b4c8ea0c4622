/**
 * The five areas a trainee rates themself on after a call, each mapped onto the QA sections and
 * KPIs that measure it. The same registry drives the rate-yourself form, calibration and goals.
 */
import type { QaSectionKey } from '../model/qa-sections.ts';
import type { BreachCode } from '../model/breaches.ts';

export interface SelfRatingArea {
  readonly label: string;
  /** What the trainee is asked to judge, in their words. */
  readonly prompt: string;
  readonly sections: readonly QaSectionKey[];
  /** Fatal breaches that put this area's measured score to 0. */
  readonly breaches: readonly BreachCode[];
  /** A concrete behaviour to suggest when no missed QA item names one. */
  readonly defaultBehaviour: string;
}

export const SELF_RATING_AREAS = Object.freeze({
  'idv-data': {
    label: 'ID&V and data protection',
    prompt: 'Did I verify the caller before saying anything about the account, and protect their data?',
    sections: ['idv'],
    breaches: ['data-before-idv', 'third-party-disclosure', 'unauthorised-change', 'card-read-back', 'card-in-notes'],
    defaultBehaviour: 'Ask every ID&V question and confirm the answers before saying any account detail',
  },
  'listening-empathy': {
    label: 'Listening and empathy',
    prompt: 'Did I find out what the caller needed and acknowledge how they felt?',
    sections: ['discovery', 'empathy'],
    breaches: ['abusive-language'],
    defaultBehaviour: 'Acknowledge the caller’s feelings and ask one open question before offering a fix',
  },
  resolution: {
    label: 'Resolution',
    prompt: 'Did I resolve the need correctly, first time?',
    sections: ['resolution'],
    breaches: [],
    defaultBehaviour: 'Confirm the caller’s need is met and state what happens next before closing',
  },
  'control-time': {
    label: 'Call control and time',
    prompt: 'Did I keep the call moving, handle holds well and close within the target time?',
    sections: ['hold-transfer', 'closing'],
    breaches: [],
    defaultBehaviour: 'Check back at least once a minute on hold and recap the next steps before closing',
  },
  compliance: {
    label: 'Compliance statements',
    prompt: 'Did I give every statement the rules require, and avoid every breach?',
    sections: ['compliance'],
    breaches: ['data-before-idv', 'third-party-disclosure', 'unauthorised-change', 'card-read-back', 'card-in-notes', 'abusive-language'],
    defaultBehaviour: 'State each required compliance statement word for word before the call ends',
  },
} as const satisfies Record<string, SelfRatingArea>);

export type AreaKey = keyof typeof SELF_RATING_AREAS;
export const AREA_KEYS = Object.freeze(Object.keys(SELF_RATING_AREAS) as [AreaKey, ...AreaKey[]]);

/** The 1-5 scale a trainee rates on, and the measured score each step stands for. */
export const RATING_SCALE = Object.freeze([
  { rating: 1, label: 'Well below standard', from: 0 },
  { rating: 2, label: 'Below standard', from: 50 },
  { rating: 3, label: 'Nearly there', from: 70 },
  { rating: 4, label: 'Meets the standard', from: 80 },
  { rating: 5, label: 'Excellent', from: 90 },
] as const);

/** A measured 0-100 area score as a 1-5 rating on the same scale the trainee used. */
export function ratingFor(score: number): 1 | 2 | 3 | 4 | 5 {
  let rating: 1 | 2 | 3 | 4 | 5 = 1;
  for (const step of RATING_SCALE) if (score >= step.from) rating = step.rating;
  return rating;
}
