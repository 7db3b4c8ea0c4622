/**
 * A large synthetic call for benchmarks: `size` steps in a forward-branching graph with ID&V, holds,
 * look-ups, flags, conditions and QA marks, like a real call but bigger. Deterministic.
 */
import type { Scenario, ScenarioNode } from '../../src/core/model/scenario-schema.ts';

export function generatedScenario(size = 300): Scenario {
  const nodes: Record<string, ScenarioNode> = {};
  const id = (i: number) => (i >= size - 3 ? `end-${(i % 3) + 1}` : `n${i}`);
  const items = ['greeting', 'listen', 'empathy', 'resolve', 'recap', 'notes-ok'].map((name, i) => ({
    id: name,
    section: (['opening', 'discovery', 'empathy', 'resolution', 'closing', 'compliance'] as const)[i]!,
    text: `Does ${name}`,
    ...(i === 5 ? { whenUntouched: 'na' as const } : {}),
  }));
  for (let i = 0; i < size - 3; i += 1) {
    const here = `n${i}`;
    const far = (step: number) => id(Math.min(i + step, size - 3 + (i % 3)));
    if (i === 4) {
      nodes[here] = { type: 'idv', customer: 'It is Alex Byrne, LS1 4AB.', answers: { name: 'Alex Byrne', postcode: 'LS1 4AB' }, pass: far(1), fail: far(2) };
    } else if (i % 37 === 20) {
      nodes[here] = { type: 'hold', reason: 'Checking the account', seconds: 90, next: far(1), qa: { met: ['resolve'] } };
    } else if (i % 29 === 10) {
      nodes[here] = { type: 'lookup', task: `Find the policy for step ${i}`, right: [`article-${i}`], next: far(1) };
    } else {
      nodes[here] = {
        customer: `Customer line number ${i}, with a few words to say about the problem.`,
        choices: [
          { say: `A careful answer at step ${i} that listens and helps.`, next: far(1), mood: 1, qa: { met: [items[i % 5]!.id] } },
          { say: `A quicker answer at step ${i}.`, next: far(5), patience: -1, set: [`f${i % 7}`] },
          { say: `A shortcut at step ${i}.`, next: far(8), qa: { partial: [items[(i + 1) % 5]!.id] } },
          { say: `Only after the flag at step ${i}.`, next: far(3), when: { flags: [`f${(i + 3) % 7}`] }, mood: -1 },
        ],
      };
    }
  }
  for (const [k, outcome] of [[1, 'resolved'], [2, 'follow-up'], [3, 'unresolved']] as const) {
    nodes[`end-${k}`] = {
      type: 'ending',
      outcome,
      summary: `Ending ${k}.`,
      wrapup: { dispositions: [{ code: 'done', label: 'Done', correct: true }, { code: 'other', label: 'Other' }], notesMustMention: [['ref']] },
    };
  }
  return {
    format: 2,
    kb: Array.from({ length: size }, (_, i) => i)
      .filter((i) => i % 29 === 10)
      .flatMap((i) => [
        { id: `article-${i}`, title: `Article ${i}`, body: `Policy text for step ${i}.`, source: 'Generated', asOf: '2026-01-01' },
        { id: `article-${i}-old`, title: `Article ${i} (old)`, body: `Old policy text for step ${i}.`, source: 'Generated', asOf: '2020-01-01' },
      ]),
    id: `generated-${size}`,
    title: `Generated ${size}-step call`,
    summary: 'A synthetic call for benchmarks.',
    skills: ['call-control'],
    difficulty: 3,
    direction: 'inbound',
    outcomes: ['LO4'],
    targets: { ahtSeconds: 600 },
    customer: { name: 'Alex Byrne', role: 'holder', mood: 0, patience: 100 },
    crm: { fields: [{ key: 'name', label: 'Name', value: 'Alex Byrne' }, { key: 'postcode', label: 'Postcode', value: 'LS1 4AB' }] },
    idv: { ask: ['name', 'postcode'] },
    qa: { items },
    start: 'n0',
    nodes,
  };
}
