/**
 * The development loop's screens, for the game to call: rate yourself (after wrap-up, before the
 * scorecard), the after-call development screen, the plan, and the portfolio report.
 */
export { rateYourself } from './rate-yourself.ts';
export { showDevelopment, type DevelopmentInput } from './after-call.ts';
export { showPlan } from './plan.ts';
export { showPortfolio } from './portfolio.ts';
export type { SelfRating } from '../../core/development/self-rating.ts';
export { storeFinishedCall, storeRating, type StoredCall } from './record-call.ts';
