import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/scenario/parse.ts';
import { validateShape } from '../../../src/scenario/validate-shape.ts';
import { validateGraph } from '../../../src/scenario/validate-graph.ts';
import {
  applyFlags,
  exploreStateSpace,
  reachableNodes,
  statesReachingAnEnding,
} from '../../../src/scenario/state-space.ts';
import type { Scenario } from '../../../src/core/model/scenario-schema.ts';
import { pathStats } from '../../../src/scenario/path-stats.ts';
import { ending, scenarioText } from './scenario-text.ts';

function scenarioOf(text: string): Scenario {
  const parsed = parseSource(text, 't.yaml');
  const shape = validateShape(parsed.data, 't.yaml', parsed.locate);
  if (shape.scenario === undefined) throw new Error(JSON.stringify(shape.diagnostics, null, 2));
  return shape.scenario;
}

const FLAGGED = scenarioText(`
  greet:
    choices:
      - { say: I'll note that., next: ask, set: [noted] }
      - { say: Moving on., next: ask }
  ask:
    choices:
      - { say: As I noted earlier…, next: done, when: { flags: [noted] } }
      - { say: Anything else?, next: done, when: { notFlags: [noted] } }
      - { say: Never offered., next: done, when: { idv: passed } }
${ending('done')}`);

describe('static state space', () => {
  it('tracks flags, so a choice is only explored where its `when` holds', () => {
    const space = exploreStateSpace(scenarioOf(FLAGGED));
    const describe = space.states.map((s) => `${s.node}[${s.flags.join(',')}]`);
    expect(describe.sort()).toEqual(['ask[]', 'ask[noted]', 'done[]', 'done[noted]', 'greet[]']);
    const fromAsk = space.edges.filter((e) => space.states[e.from]?.node === 'ask');
    expect(fromAsk.map((e) => [space.states[e.from]?.flags.join(','), e.choice]).sort()).toEqual([
      ['', 1],
      ['noted', 0],
    ]);
  });

  it('keeps flags past the 30th apart too (they are held in a second number)', () => {
    // 35 flags are read by a `when`; sorted, the z- flags come last, in the second number of the mask.
    // Steps never reached whose choices read f0 to f31, eight to a step: the z- flags are the 33rd to 35th.
    const unused = Array.from({ length: 4 }, (_, s) => [
      `  unused${s}:`,
      '    choices:',
      ...Array.from({ length: 8 }, (_, i) => `      - { say: Only with f${s * 8 + i}., next: done, when: { flags: [f${s * 8 + i}] } }`),
    ].join('\n')).join('\n');
    const space = exploreStateSpace(
      scenarioOf(
        scenarioText(`
  pick:
    choices:
      - { say: Set it., next: gate, set: [z-one, z-three] }
      - { say: Leave it., next: gate }
  gate:
    choices:
      - { say: With it., next: done, when: { flags: [z-one], notFlags: [z-two] } }
      - { say: Without it., next: done, when: { notFlags: [z-one] } }
      - { say: Clear it., next: gate, clear: [z-one], when: { flags: [z-three] } }
${unused}
${ending('done')}`),
      ),
    );
    const at = (node: string) => space.states.filter((s) => s.node === node).map((s) => s.flags.join(',')).sort();
    expect(at('gate')).toEqual(['', 'z-one,z-three', 'z-three']);
    const offered = space.edges
      .filter((e) => space.states[e.from]?.node === 'gate')
      .map((e) => `${space.states[e.from]?.flags.join(',')}:${e.choice}`)
      .sort();
    expect(offered).toEqual([':1', 'z-one,z-three:0', 'z-one,z-three:2', 'z-three:1', 'z-three:2']);
  });

  it('clears before it sets, like the engine', () => {
    expect(applyFlags(['a', 'b'], { clear: ['a'], set: ['c'] })).toEqual(['b', 'c']);
    expect(applyFlags(['a'], { clear: ['a'], set: ['a'] })).toEqual(['a']);
    expect(applyFlags(['b'], { set: ['a'] })).toEqual(['a', 'b']);
  });

  it('counts a pass as truly passed only when every answer matches the record', () => {
    const text = (postcode: string) =>
      scenarioText(
        `
  check:
    type: idv
    answers: { accountNumber: " 111 ", postcode: "${postcode}" }
    pass: after
    fail: after
  after:
    choices:
      - { say: Right then., next: done }
      - { say: Thanks for confirming., next: done, when: { idv: passed } }
${ending('done')}`,
        { idvAsk: ['accountNumber', 'postcode'] },
      );
    const verdicts = (postcode: string) =>
      exploreStateSpace(scenarioOf(text(postcode)))
        .states.filter((s) => s.node === 'after')
        .map((s) => `${s.idv}:${s.idvTrue}`)
        .sort();
    // Case and spaces don't matter when comparing with the CRM value "AB1 2CD".
    expect(verdicts('ab12cd')).toEqual(['failed:false', 'passed:true']);
    // A wrong answer: passing the caller does not make them truly passed.
    expect(verdicts('ZZ9 9ZZ')).toEqual(['failed:false', 'passed:false']);
  });

  it('keeps apart only what a `when` (or the compliance check) reads, so unread flags and verdicts add no states', () => {
    const unread = scenarioOf(
      scenarioText(
        `
  greet:
    choices:
      - { say: Noted., next: check, set: [noted, logged] }
      - { say: Moving on., next: check }
  check:
    type: idv
    answers: { accountNumber: "111", postcode: "AB1 2CD" }
    pass: wrap
    fail: wrap
  wrap:
    choices:
      - { say: As noted., next: done, when: { flags: [noted] } }
      - { say: Bye., next: done }
${ending('done')}`,
        { idvAsk: ['accountNumber', 'postcode'] },
      ),
    );
    const space = exploreStateSpace(unread);
    expect(space.tracksIdv).toBe(false);
    // "logged" is never read and nothing reads the verdict: wrap and done each with and without "noted".
    const at = (node: string) => space.states.filter((s) => s.node === node).map((s) => s.flags.join(',')).sort();
    expect(at('wrap')).toEqual(['', 'noted']);
    expect(at('done')).toEqual(['', 'noted']);
    // The ways through are the same as if every flag and verdict were kept apart: 2 without the
    // note (pass or fail, then "Bye"), 4 with it (pass or fail, then either closing).
    expect(pathStats(unread, space).paths).toBe(6);
    expect(space.edges.length).toBe(2 + 4 + 1 + 2);
  });

  it('finds the states from which no ending can be reached', () => {
    const scenario = scenarioOf(
      scenarioText(`
  start:
    choices:
      - { say: Go on., next: spin }
      - { say: Finish., next: done }
  spin:
    choices:
      - { say: Round again., next: spin }
${ending('done')}`),
    );
    const space = exploreStateSpace(scenario);
    expect(space.acyclic).toBe(false);
    const reaches = statesReachingAnEnding(scenario, space);
    const stuck = space.states.filter((_, i) => reaches[i] !== true).map((s) => s.node);
    expect(stuck).toEqual(['spin']);
    expect([...reachableNodes(space)].sort()).toEqual(['done', 'spin', 'start']);
  });

  it('knows a call with no way round, and still finds the states that lead only to a dead end', () => {
    // No step leads back to itself, but `stall` offers nothing once `rushed` is set: from there,
    // and from the choice that sets it, no ending can be reached.
    const scenario = scenarioOf(
      scenarioText(`
  start:
    choices:
      - { say: Quickly., next: stall, set: [rushed] }
      - { say: Calmly., next: stall }
  stall:
    choices:
      - { say: Carry on., next: done, when: { notFlags: [rushed] } }
${ending('done')}`),
    );
    const space = exploreStateSpace(scenario);
    expect(space.acyclic).toBe(true);
    const reaches = statesReachingAnEnding(scenario, space);
    const stuck = space.states.filter((_, i) => reaches[i] !== true).map((s) => `${s.node}[${s.flags.join(',')}]`);
    expect(stuck).toEqual(['stall[rushed]']);
    const clean = scenarioOf(FLAGGED);
    const cleanSpace = exploreStateSpace(clean);
    expect(cleanSpace.acyclic).toBe(true);
    expect(statesReachingAnEnding(clean, cleanSpace).every((good) => good)).toBe(true);
  });

  it('stops at the state limit and says the check is incomplete, without false alarms', () => {
    const toggles = Array.from({ length: 8 }, (_, i) => `      - { say: Toggle ${i}., next: hub, set: [f${i}] }`).join('\n');
    const all = Array.from({ length: 8 }, (_, i) => `f${i}`).join(', ');
    const scenario = scenarioOf(
      scenarioText(`
  hub:
    choices:
${toggles}
      - { say: Done., next: done }
  orphan:
    choices:
      - { say: Nobody gets here., next: done, when: { flags: [${all}] } }
${ending('done')}`),
    );
    const full = exploreStateSpace(scenario);
    expect(full.truncated).toBe(false);
    expect(full.states.length).toBe(2 ** 8 * 2); // every flag combination, at the hub and at the end

    const capped = exploreStateSpace(scenario, 100);
    expect(capped.truncated).toBe(true);
    expect(capped.states.length).toBe(100);
    const parsed = parseSource('x: 1', 't.yaml');
    const codes = validateGraph(scenario, capped, 't.yaml', parsed.locate).map((d) => d.code);
    expect(codes).toEqual(['HTL0058']); // and no "unreachable" for steps it did not get to
    expect(validateGraph(scenario, full, 't.yaml', parsed.locate).map((d) => d.code)).toEqual(['HTL0050']);
  });
});
