/** The seeded generator lives in the core (the engine's presentation order and the shift use it too). */
export { mulberry32, pick, type Random } from '../core/seeded-random.ts';
