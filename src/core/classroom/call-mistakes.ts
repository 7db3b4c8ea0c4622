/**
 * The mistakes on one call: each agent step that brought a fatal breach or marked a critical QA
 * item missed, with the choice said. The server keeps these with the result for the debrief.
 */
import type { CallMistake } from '../../shared/classroom-results.ts';
import type { CallStep } from '../scoring/call-steps.ts';
import { BREACHES } from '../model/breaches.ts';

export function callMistakes(steps: readonly CallStep[]): CallMistake[] {
  const found: CallMistake[] = [];
  for (const step of steps) {
    const fatal = step.breaches.map((code) => BREACHES[code]?.text ?? code);
    const critical = step.marks.filter((m) => m.critical && m.mark === 'missed').map((m) => m.text);
    if (fatal.length > 0) found.push({ choice: step.agent, severity: 'fatal', items: fatal, teach: step.trap });
    else if (critical.length > 0) found.push({ choice: step.agent, severity: 'critical', items: critical, teach: step.trap ?? step.why });
  }
  return found;
}
