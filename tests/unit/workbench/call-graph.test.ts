import { describe, expect, it } from 'vitest';
import { EMPTY_LIBRARY } from '../../../src/core/model/library.ts';
import { HANG_UP_RISK_PATIENCE } from '../../../src/workbench/call-graph.ts';
import { mapSource } from '../../../src/workbench/map-source.ts';
import { layOut } from '../../../src/workbench/map-layout.ts';
import { NEW_CALL_TEMPLATE } from '../../../src/workbench/template.ts';

function graphOf(text: string) {
  const { graph, loaded } = mapSource(text, 'call.yaml', EMPTY_LIBRARY);
  if (graph === null) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return graph;
}

// A step nothing leads to, and a pair of steps that only lead to each other.
const WITH_FAULTS = NEW_CALL_TEMPLATE.replace('        next: done\n  done:', `        next: done
      - say: Let me just check something else first.
        next: loop-a
  loop-a:
    customer: Still there?
    choices:
      - say: One more moment.
        next: loop-b
  loop-b:
    customer: Hello?
    choices:
      - say: Nearly there.
        next: loop-a
  orphan:
    customer: Nobody gets here.
    choices:
      - say: Goodbye.
        next: done
  done:`);

describe('the map of a call', () => {
  it('is not drawn while a field is misspelt', () => {
    expect(mapSource(NEW_CALL_TEMPLATE.replace('customer: The new one', 'custommer: The new one'), 'call.yaml', EMPTY_LIBRARY).graph).toBeNull();
  });

  it('has a box per step at its line, and an arrow per way on, traps marked', () => {
    const graph = graphOf(NEW_CALL_TEMPLATE);
    const lines = NEW_CALL_TEMPLATE.split('\n');
    expect(graph.steps.map((s) => s.id)).toEqual(['greet', 'check', 'new-address', 'done', 'not-verified']);
    for (const step of graph.steps) expect(lines[step.line - 1]).toBe(`  ${step.id}:`);
    expect(graph.steps.find((s) => s.id === 'check')?.kind).toBe('idv');
    expect(graph.steps.find((s) => s.id === 'done')?.outcome).toBe('resolved');
    expect(graph.links.filter((l) => l.trap)).toEqual([expect.objectContaining({ from: 'new-address', to: 'done' })]);
    expect(graph.links.filter((l) => l.from === 'check').map((l) => l.label)).toEqual(['pass', 'fail']);
  });

  it('is drawn for a call whose errors are a step no run reaches and a loop with no way out, and marks both', () => {
    const { loaded } = mapSource(WITH_FAULTS, 'call.yaml', EMPTY_LIBRARY);
    expect(loaded.definition).toBeUndefined();
    const graph = graphOf(WITH_FAULTS);
    const marked = (id: string) => graph.steps.find((s) => s.id === id)!;
    expect(marked('orphan').unreachable).toBe(true);
    expect(marked('loop-a').deadEnd).toBe(true);
    expect(marked('loop-b').deadEnd).toBe(true);
    expect(marked('new-address').deadEnd).toBe(false);
    expect(marked('new-address').unreachable).toBe(false);
  });

  it('marks hang-up risk where the choices can bring patience down to the threshold', () => {
    const calm = graphOf(NEW_CALL_TEMPLATE);
    expect(calm.steps.some((s) => s.hangUpRisk)).toBe(false);
    // Starting at 30, the rude greeting (-20) leaves 10 at the ID&V step.
    const tense = graphOf(NEW_CALL_TEMPLATE.replace('patience: 60 }', 'patience: 30 }'));
    const check = tense.steps.find((s) => s.id === 'check')!;
    expect(check.worstPatience).toBe(10);
    expect(check.worstPatience).toBeLessThanOrEqual(HANG_UP_RISK_PATIENCE);
    expect(check.hangUpRisk).toBe(true);
    expect(tense.steps.find((s) => s.id === 'greet')!.hangUpRisk).toBe(false);
  });

  it('lays every step out in its own place, arrows running from box to box', () => {
    const graph = graphOf(WITH_FAULTS);
    const layout = layOut(graph);
    const spots = new Set(Object.values(layout.boxes).map((b) => `${Math.round(b.x)},${Math.round(b.y)}`));
    expect(spots.size).toBe(graph.steps.length);
    expect(layout.boxes.check!.y).toBeGreaterThan(layout.boxes.greet!.y);
    expect(layout.links.every((l) => l.points.length >= 2)).toBe(true);
  });
});
