import { describe, expect, it } from 'vitest';
import { EMPTY_LIBRARY } from '../../../src/core/model/library.ts';
import { mapSource } from '../../../src/workbench/map-source.ts';
import { layOut, layoutReuser } from '../../../src/workbench/map-layout.ts';
import { NEW_CALL_TEMPLATE } from '../../../src/workbench/template.ts';

function graphOf(text: string) {
  const { graph, loaded } = mapSource(text, 'call.yaml', EMPTY_LIBRARY);
  if (graph === null) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return graph;
}

const REWORDED = NEW_CALL_TEMPLATE.replace("Good afternoon, you're through to Sam.", 'Hello, Sam speaking.');
const GROWN = NEW_CALL_TEMPLATE.replace('        next: done\n  done:', `        next: done
      - say: One more thing first.
        next: extra
  extra:
    customer: Go on then.
    choices:
      - say: All done.
        next: done
  done:`);

describe('the map as the trainer types', () => {
  it('puts the boxes where a fresh layout would after a change of words, with the new words on the arrows', () => {
    const layOutNext = layoutReuser();
    layOutNext(graphOf(NEW_CALL_TEMPLATE));
    const reworded = graphOf(REWORDED);
    const placed = layOutNext(reworded);
    expect(placed.boxes).toEqual(layOut(reworded).boxes);
    expect(placed.links.map((l) => l.label)).toEqual(reworded.links.map((l) => l.label));
    expect(placed.links.some((l) => l.label.includes('Hello, Sam speaking'))).toBe(true);
  });

  it('lays the call out again when a step is added', () => {
    const layOutNext = layoutReuser();
    layOutNext(graphOf(NEW_CALL_TEMPLATE));
    const grown = graphOf(GROWN);
    const placed = layOutNext(grown);
    expect(Object.keys(placed.boxes)).toContain('extra');
    expect(placed.boxes).toEqual(layOut(grown).boxes);
    expect(placed.links.map((l) => l.points)).toEqual(layOut(grown).links.map((l) => l.points));
  });
});
