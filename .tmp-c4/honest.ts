// Surface strategies with an honest ID&V (ask the policy, mark truly, right verdict): checks the talk steps' balance.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load.ts';
import { sharedLibrary } from '../src/server/knowledge-files.ts';
import { buildCallView } from '../src/core/engine/call-view.ts';
import { qaScorecard } from '../src/core/scoring/qa-scorecard.ts';
import { firstContactResolution } from '../src/core/scoring/fcr.ts';
import { ConfigRunner } from '../src/scenario/config-runner.ts';
import { mulberry32 } from '../src/scenario/seeded-random.ts';
import { answerMatches } from '../src/core/engine/idv-check.ts';
const file = process.argv[2]!;
const def = loadScenario(readFileSync(file, 'utf8'), file, sharedLibrary()).definition!;
const runner = new ConfigRunner(def);
for (const strategy of ['first', 'longest', 'shortest', 'random'] as const) {
  let good = 0, total = 0; const outcomes: Record<string, number> = {};
  for (let seed = 1; seed <= 200; seed++) {
    const random = mulberry32(seed ^ 0x5bd1e995);
    const pick = <T,>(items: readonly T[], size: (i: T) => number): T | undefined => items.length === 0 ? undefined : strategy === 'first' ? items[0] : strategy === 'random' ? items[Math.floor(random() * items.length)] : items.reduce((b, i) => (strategy === 'longest' ? size(i) > size(b) : size(i) < size(b)) ? i : b);
    let state = runner.initial();
    for (let step = 0; step < 400 && !state.done; step++) {
      const view = buildCallView(def, state, seed);
      let ev: any = null;
      switch (view.phase) {
        case 'ringing': ev = { type: 'call.answer' }; break;
        case 'talk': { const c = pick(view.choices, (c) => c.say.length); ev = c && { type: 'agent.choose', index: c.index }; break; }
        case 'idv': {
          const qs = view.idv ?? []; const next = qs.find((q) => q.policy && !q.asked);
          if (next) { ev = { type: 'idv.ask', key: next.key }; break; }
          const node: any = def.scenario.nodes[view.nodeId!];
          const marks = Object.fromEntries(qs.filter((q) => q.asked).map((q) => [q.key, answerMatches(def.scenario, q.key, node.answers[q.key]) ? 'match' : 'mismatch']));
          ev = { type: 'agent.idv', verdict: Object.values(marks).every((m) => m === 'match') ? 'pass' : 'fail', marks }; break;
        }
        case 'hold': ev = { type: 'hold.resume' }; break;
        case 'lookup': { const kb = view.knowledge!; if (kb.query === null) { ev = { type: 'kb.search', query: kb.task.slice(0, 80) }; break; }
          const bl = (id: string) => def.articles.find((a) => a.id === id)?.body.length ?? 0; const ch = pick(kb.results, (r) => bl(r.id));
          ev = ch && (!kb.opened.some((a) => a.id === ch.id) ? { type: 'kb.open', article: ch.id } : { type: 'kb.use', article: ch.id }); break; }
        case 'transfer': case 'escalate': { const r = view.routing!; const t = pick(r.directory, (t) => t.handles.length); const h = pick(r.handovers, (h) => h.say.length); ev = t && { type: 'agent.transfer', team: t.id, mode: 'warm', handover: h?.index ?? null }; break; }
        case 'callback': ev = { type: 'agent.continue' }; break;
        case 'wrapup': { const w = view.wrapup!; const d = pick(w.dispositions, (d) => d.label.length); ev = d && { type: 'wrap.submit', disposition: d.code, notes: w.summary }; break; }
      }
      if (!ev) break; const n = runner.send(state, ev); if (!n) break; state = n;
    }
    const qa = qaScorecard(def.scenario, state.context).score; total += qa;
    if (qa >= 80 && firstContactResolution(state.context).value === 'yes') good++;
    const end = state.context.endingNode ?? 'hung-up'; outcomes[end] = (outcomes[end] ?? 0) + 1;
  }
  console.log(strategy.padEnd(9), 'good', (good / 2).toFixed(1) + '%', 'meanQA', (total / 200).toFixed(1), JSON.stringify(outcomes));
}
