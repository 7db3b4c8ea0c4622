/**
 * A verdict worker's first burst should not be its slowest: when it learns a call, it checks a
 * batch of made-up submit messages for it (seeded random play-throughs, sent through the same
 * parse, schema, hashing and replay as a trainee's), so V8 has compiled that code before the first
 * real submissions arrive. Done once per call, at most WARM_UP_BUDGET_MS of work however big the call.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { mulberry32 } from '../../core/seeded-random.ts';
import { ConfigRunner } from '../../scenario/config-runner.ts';
import { RandomWalker } from '../../scenario/sample-runs.ts';
import { checkSubmitText } from './submission-check.ts';
import { safeVerdict } from './prepared-submission.ts';

/** Made-up submissions checked per call learnt: enough for V8 to optimise the hot code, a few tens of ms of work. */
export const WARM_UP_CHECKS = 150;
/** However big an uploaded call is, its warm-up stops after this long. */
const WARM_UP_BUDGET_MS = 150;

/** Checks `count` made-up submissions of `def`; how many came out counted (a test reads it: the path warmed is the real one). */
export function warmUp(def: CallDefinition, count = WARM_UP_CHECKS): number {
  const walker = new RandomWalker(new ConfigRunner(def), def);
  const random = mulberry32(0x5eed);
  let counted = 0;
  const deadline = performance.now() + WARM_UP_BUDGET_MS;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const walk = walker.walk(random);
    if (walk === null) continue;
    const run = { scenarioId: def.scenario.id, scenarioHash: def.hash, seed: i, events: walk.events() };
    const replayed = safeVerdict(def, run);
    if (!replayed.ok) continue;
    const { qa, csatStars, ahtTotal, fcr } = replayed.kpis;
    const submission = { submissionId: `warm-up-${i}`.padEnd(12, '0'), ticket: 'w'.repeat(43), run, claimed: { qa, csatStars, ahtTotal, fcr } };
    const checked = checkSubmitText(Buffer.from(JSON.stringify({ type: 'submit', submission })), (hash) => (hash === def.hash ? def : undefined));
    if (checked.ok && checked.prepared.verdict?.ok === true) counted++;
  }
  return counted;
}
