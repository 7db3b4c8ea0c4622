/**
 * A test call from the workbench: the call checked and built from the editor's text, started at
 * the chosen step, played in the game's own call desk, with the watch panel updated after every
 * turn. When it is over (or at any point) the run can be saved as a walkthrough file.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { CallSession } from '../core/engine/call-session.ts';
import { startFrom, type StartPoint } from '../core/engine/start-from.ts';
import { scoreRun } from '../core/scoring/score.ts';
import type { SoundBoard } from '../core/ports/sounds.ts';
import { mountCallScreen } from '../ui/call-screen.ts';
import { NO_DESK } from '../core/ports/desk.ts';
import { randomSeed } from '../ui/random-seed.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { formatPercent, formatStars } from '../ui/format.ts';
import { renderWatch } from './watch-panel.ts';
import { watchState, type WatchState } from './watch.ts';
import { makeWalkthrough, walkthroughFileName, type WalkthroughFile } from './walkthrough-file.ts';

export interface TestCall {
  readonly definition: CallDefinition;
  readonly start: StartPoint | null;
  readonly source: string;
  readonly file: string;
}

export interface PlayDeps {
  /** Saves a finished walkthrough (to disk or a download) and says where it went. */
  readonly saveWalkthrough: (walkthrough: WalkthroughFile, name: string) => Promise<string | null>;
  readonly back: () => void;
  /** The game's sounds (the page's entry wires the audio adapter in). */
  readonly sounds: SoundBoard;
}

export function playTest(holder: HTMLElement, test: TestCall, deps: PlayDeps): { error: string } | { stop: () => void } {
  let played = test.definition;
  if (test.start !== null) {
    const started = startFrom(test.definition, test.start);
    if (!started.ok) return { error: started.error };
    played = started.definition;
  }
  const session = new CallSession(played, randomSeed());
  const turns: WatchState[] = [];
  const desk = h('div', { class: 'wb-desk' });
  const watch = h('div', { class: 'wb-watch-body' });
  const after = h('div', { class: 'wb-after', 'aria-live': 'polite' });
  const where = test.start === null ? 'from the start' : `from “${test.start.step}”`;
  const title = h('input', { type: 'text', value: `${test.definition.scenario.id} ${where.replace(/[“”]/g, '')}`, 'aria-label': 'Walkthrough title', 'data-testid': 'walkthrough-title' });
  const saved = h('p', { class: 'hint', 'data-testid': 'walkthrough-saved' });
  const save = async (): Promise<void> => {
    const outcome = session.over ? scoreRun(played, session.runLog()) : null;
    const walkthrough = makeWalkthrough({
      title: title.value.trim() || 'Test run',
      file: test.file,
      source: test.source,
      start: test.start,
      seed: session.seed,
      events: session.events,
      turns,
      outcome: outcome?.ok === true ? outcome.scorecard.outcome : null,
    });
    const to = await deps.saveWalkthrough(walkthrough, walkthroughFileName(walkthrough.title));
    if (to !== null) saved.textContent = `Walkthrough ${to}. Put it in tests/walkthroughs/ and \`npm test\` replays it.`;
  };
  const { sounds } = deps;
  replaceChildren(holder,
    h('div', { class: 'wb-play' },
      h('div', { class: 'wb-play-bar' },
        h('button', { type: 'button', class: 'action', 'data-testid': 'back-to-editor', onclick: () => deps.back() }, '← Back to the editor'),
        h('span', { class: 'hint' }, `Test call ${where}, in the game’s call desk. Nothing is recorded to your development plan.`)),
      h('div', { class: 'wb-play-grid' },
        desk,
        h('aside', { class: 'panel wb-watch', 'aria-label': 'Watch' },
          h('h2', {}, 'Watch'), watch,
          h('h3', {}, 'Save as a walkthrough'),
          h('p', { class: 'hint' }, 'A walkthrough file replays this run in the project’s tests, so the call keeps behaving this way.'),
          title,
          h('button', { type: 'button', class: 'action', 'data-testid': 'save-walkthrough', onclick: () => void save() }, 'Save walkthrough'),
          saved, after))));
  const record = (s: CallSession) => {
    turns.push(watchState(s.snapshot.value, s.snapshot.context));
    renderWatch(watch, turns);
  };
  renderWatch(watch, turns);
  const unmount = mountCallScreen(desk, {
    session,
    sounds,
    desk: NO_DESK,
    readAloud: () => false,
    onEvent: record,
    onOver: (s) => {
      const scored = scoreRun(played, s.runLog());
      replaceChildren(desk, h('div', { class: 'panel wb-over', 'data-testid': 'test-over' },
        h('h2', {}, 'The test call is over'),
        scored.ok
          ? h('p', {}, `Outcome ${scored.scorecard.outcome} · CSAT ${formatStars(scored.scorecard.csat.stars)} · QA ${formatPercent(scored.scorecard.qa.score)}`)
          : h('p', {}, `It could not be scored: ${scored.error}`),
        h('button', { type: 'button', class: 'action primary', onclick: () => deps.back() }, 'Back to the editor')));
    },
  });
  return {
    stop: () => {
      unmount();
      sounds.stopAll();
      session.stop();
    },
  };
}
