/**
 * The benchmark's story written as ink (inkle's narrative scripting language) for inkjs: a knot per
 * step that says the customer's line, checks for a hang-up on arrival, and offers the step's
 * decisions as sticky choices whose conditions and effects are ink logic — the same work the
 * project's engine does. Bench-only.
 */
import { HUNG_UP, MARK_RANK, type Decision, type StoryModel, type Summary, RANK_MARK } from './story-model.ts';

const knot = (id: string) => `k_${id.replace(/[^a-zA-Z0-9]/g, '_')}`;
const flagVar = (flag: string) => `f_${flag.replace(/[^a-zA-Z0-9]/g, '_')}`;
const qaVar = (item: string) => `qa_${item.replace(/[^a-zA-Z0-9]/g, '_')}`;
/** Text without ink's markup characters. */
const plain = (text: string) => text.replace(/[{}[\]|#<>~*+\-=/\\]/g, ' ').trim() || '…';
const IDV = { 'not-done': 0, passed: 1, failed: 2 } as const;

function condition(d: Decision): string {
  const parts = [
    ...(d.when?.flags ?? []).map(flagVar),
    ...(d.when?.notFlags ?? []).map((f) => `not ${flagVar(f)}`),
    ...(d.when?.idv === undefined ? [] : [`idv == ${IDV[d.when.idv]}`]),
  ];
  return parts.length === 0 ? '' : ` {${parts.join(' && ')}}`;
}

function effects(d: Decision): string[] {
  const lines: string[] = [];
  for (const f of d.clear) lines.push(`~ ${flagVar(f)} = false`);
  for (const f of d.set) lines.push(`~ ${flagVar(f)} = true`);
  if (d.idv !== null) lines.push(`~ idv = ${IDV[d.idv]}`);
  if (d.mood !== 0) lines.push(`~ mood = MAX(-5, MIN(5, mood + ${d.mood}))`);
  if (d.holdPenalty !== 0) lines.push(`~ patience = MAX(0, MIN(100, patience - ${d.holdPenalty}))`);
  if (d.patience !== 0) lines.push(`~ patience = MAX(0, MIN(100, patience + ${d.patience}))`);
  for (const [item, mark] of Object.entries(d.qa)) lines.push(`~ ${qaVar(item)} = MAX(${qaVar(item)}, ${MARK_RANK[mark]})`);
  return lines;
}

export function inkSource(model: StoryModel): string {
  const ids = [...model.nodes.keys()];
  const out = [
    `VAR at = ${ids.indexOf(model.start)}`,
    `VAR mood = ${model.mood}`,
    `VAR patience = ${model.patience}`,
    'VAR idv = 0',
    ...model.flags.map((f) => `VAR ${flagVar(f)} = false`),
    ...model.qaItems.map((item) => `VAR ${qaVar(item)} = 0`),
    `-> ${knot(model.start)}`,
  ];
  ids.forEach((id, i) => {
    const node = model.nodes.get(id)!;
    out.push(`=== ${knot(id)} ===`, `~ at = ${i}`);
    if (!node.final) out.push(`{patience <= 0: -> ${knot(HUNG_UP)}}`);
    out.push(plain(node.line));
    for (const d of node.decisions) {
      out.push(`+${condition(d)} [${plain(d.label)}]`, ...effects(d).map((line) => `  ${line}`), `  -> ${d.next === null ? 'END' : knot(d.next)}`);
    }
  });
  return out.join('\n');
}

/** What an ink story's variables say at the end, in the benchmark's common form. */
export function inkSummary(model: StoryModel, read: (name: string) => unknown): Summary {
  const ids = [...model.nodes.keys()];
  const qa: Record<string, NonNullable<(typeof RANK_MARK)[number]>> = {};
  for (const item of model.qaItems) {
    const mark = RANK_MARK[Number(read(qaVar(item)))];
    if (mark !== undefined) qa[item] = mark;
  }
  return {
    at: ids[Number(read('at'))]!,
    mood: Number(read('mood')),
    patience: Number(read('patience')),
    flags: model.flags.filter((f) => read(flagVar(f)) === true),
    qa,
    idv: (['not-done', 'passed', 'failed'] as const)[Number(read('idv'))]!,
  };
}
