/**
 * The game's DOM layer: menu, call desk and results over the Phaser canvas. The classroom client
 * starts it with its own PlayContext; solo play uses SOLO_PLAY.
 */
import type { PlayContext } from '../core/ports/play-context.ts';
import { CallSession } from '../core/engine/call-session.ts';
import { scoreRun } from '../core/scoring/score.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { Scorecard } from '../shared/scorecard.ts';
import { createSoundBoard } from '../audio/sound-board.ts';
import { loadSettings, saveSettings } from '../storage/settings.ts';
import { clearSavedCall, loadSavedCall, saveCall } from '../storage/saved-call.ts';
import { randomSeed } from './random-seed.ts';
import { startShiftMode, type ShiftMode, type ShiftScreens } from './shift-mode.ts';
import { loadBestResults, recordResult } from '../storage/best-results.ts';
import { h } from './dom.ts';
import { loadEntry, loadLibrary, type LibraryEntry } from './library.ts';
import { menuScreen } from './menu-screen.ts';
import { mountCallScreen } from './call-screen.ts';
import { resultsScreen } from './results-screen.ts';
import { confirmContent, diagnosticsContent, showOverlay } from './overlays.ts';
import { settingsBar } from './settings-bar.ts';
import { deskRelay, NO_DESK, type DeskDisplay } from './desk-display.ts';
import { startClassroomCall } from '../net/classroom-call.ts';
import { ensureAnnouncer } from './announcer.ts';
import { keepFocus } from './focus-keeper.ts';
import { screenShown } from './screen-change.ts';

/** Read-only state for the end-to-end tests. */
export interface TestHooks {
  screen: string;
  runLog: RunLog | null;
  scorecard: Scorecard | null;
}

declare global {
  interface Window {
    __HTL__?: TestHooks;
  }
}

export function startApp(root: HTMLElement, context: PlayContext, desk: Promise<DeskDisplay> = Promise.resolve(NO_DESK)): void {
  let settings = loadSettings();
  const sounds = createSoundBoard(settings);
  const hooks: TestHooks = { screen: 'loading', runLog: null, scorecard: null };
  window.__HTL__ = hooks;
  const deskDisplay = deskRelay(desk);

  const screen = h('main', { id: 'screen' });
  ensureAnnouncer();
  keepFocus(root);
  root.replaceChildren(h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Hold the Line'), h('button', { type: 'button', class: 'action small', onclick: () => showPlanScreen() }, 'My development plan'), settingsBar(settings, (next) => {
    settings = next;
    saveSettings(next);
    sounds.setMuted(next.muted);
    sounds.setVolume(next.volume);
    sounds.setAmbience(next.ambience);
  })), screen);

  let library: LibraryEntry[] = [];
  let unmount: () => void = () => undefined;
  const show = (name: string, el: HTMLElement) => {
    unmount();
    unmount = () => undefined;
    screen.replaceChildren(el);
    hooks.screen = name;
    el.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    screenShown(screen);
  };
  const offered = (): LibraryEntry[] => {
    const ids = context.scenarioIds;
    if (ids === null) return library;
    return ids.flatMap((id) => {
      const matches = library.filter((e) => e.definition?.scenario.id === id);
      const uploaded = matches.filter((e) => e.file.startsWith('uploaded/'));
      return uploaded.length > 0 ? uploaded : matches;
    });
  };
  const showDiagnostics = (entry: LibraryEntry) => showOverlay(root, (close) => diagnosticsContent(entry.file, entry.diagnostics, close));

  function showMenu(): void {
    shift = null;
    const playable = offered().filter((e) => e.definition !== null);
    show('menu', menuScreen({
      entries: offered(), best: loadBestResults(), banner: context.banner, play: (e) => play(e, null), showDiagnostics, openFile,
      startShift: context.scenarioIds === null && playable.length > 0
        ? () => { shift = startShiftMode(playable.map((e) => e.definition!.scenario.id), randomSeed(), shiftScreens); }
        : undefined,
    }));
  }

  const development = () => import('./development/index.ts');

  let shift: ShiftMode | null = null;
  const shiftScreens: ShiftScreens = {
    show: (name, el) => { show(name, el); screen.querySelector<HTMLElement>('h1')?.focus(); },
    playCall: (id) => {
      const entry = library.find((e) => e.definition?.scenario.id === id && !e.file.startsWith('uploaded/'));
      if (entry === undefined) return false;
      play(entry, null);
      return true;
    },
    backToMenu: () => showMenu(),
  };

  function openPlan(): void {
    const holder = h('div');
    show('plan', holder);
    void development().then((dev) => dev.showPlan(holder)).then(() => { showMenu(); offerResume(); });
  }

  /** Leaving a call in progress asks first; the call stays saved, so it can be resumed afterwards. */
  function showPlanScreen(): void {
    if (hooks.screen !== 'call') return openPlan();
    showOverlay(root, (close) => confirmContent('Leave this call?',
      'Your call is saved where it is. You can resume it when you come back from your development plan.',
      'Leave and open my plan', 'Stay on the call', (yes) => { if (yes) openPlan(); }, close));
  }

  async function finish(entry: LibraryEntry, session: CallSession): Promise<void> {
    const run = session.runLog();
    clearSavedCall();
    const scored = scoreRun(entry.definition!, run);
    if (!scored.ok) {
      show('error', h('div', { class: 'screen' }, h('h1', {}, 'This call could not be scored'), h('p', {}, scored.error), h('button', { type: 'button', class: 'action', onclick: showMenu }, 'Back to the calls')));
      return;
    }
    hooks.runLog = run;
    hooks.scorecard = scored.scorecard;
    recordResult(scored.scorecard);
    context.callFinished(run, scored.scorecard);
    const inShift = shift;
    const shiftProblem = inShift === null ? null : inShift.record(scored.scorecard);
    const title = entry.definition!.scenario.title;
    const dev = await development();
    // Nothing lost: the call goes into the development record now, and again with the rating.
    const stored = await dev.storeFinishedCall({ run, scorecard: scored.scorecard, scenarioTitle: title });
    const ratingHolder = h('div');
    show('rate-yourself', ratingHolder);
    const rating = await dev.rateYourself(ratingHolder, { scenarioTitle: title });
    const rated = await dev.storeRating(stored, rating);
    show('results', resultsScreen(title, scored.scorecard, scored.transcript, {
      playAgain: () => play(entry, null),
      chooseAnother: showMenu,
      continueShift: inShift === null || shiftProblem !== null ? undefined : () => inShift.continueShift(),
      reflect: () => {
        const holder = h('div');
        show('development', holder);
        void dev.showDevelopment(holder, { entry: rated.entry, saveProblem: rated.problem }).then(() => (inShift === null ? showMenu() : inShift.continueShift()));
      },
    }, rated.problem));
    screen.querySelector<HTMLElement>('h1')?.focus();
  }

  function play(entry: LibraryEntry, session: CallSession | null): void {
    const def = entry.definition;
    if (def === null) return showDiagnostics(entry);
    if (session === null) {
      // In a classroom the server draws the call's seed with its single-use ticket; solo, the browser does.
      void startClassroomCall(def.hash).then((ticket) => play(entry, new CallSession(def, ticket?.seed ?? randomSeed(), (context.pace ?? (settings.livePace ? 'live' : 'untimed')) === 'live' ? 'live' : undefined)));
      return;
    }
    const live = session;
    hooks.runLog = live.runLog();
    hooks.scorecard = null;
    const holder = h('div');
    show('call', holder);
    unmount = mountCallScreen(holder, {
      session: live, sounds, desk: deskDisplay, readAloud: () => settings.readAloud, shortcuts: () => settings.shortcuts,
      onEvent: (s) => { hooks.runLog = s.runLog(); saveCall(s.runLog()); },
      onOver: (s) => void finish(entry, s),
    });
  }

  async function openFile(file: File): Promise<void> {
    const entry = await loadEntry(await file.text(), file.name);
    if (entry.definition === null) return showDiagnostics(entry);
    library = [...library.filter((e) => e.definition?.scenario.id !== entry.definition!.scenario.id), entry];
    play(entry, null);
  }

  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) void openFile(file);
  });

  function offerResume(): void {
    const saved = loadSavedCall();
    if (saved === null) return;
    const entry = library.find((e) => e.definition?.scenario.id === saved.scenarioId);
    if (entry?.definition == null) {
      showOverlay(root, (close) => confirmContent('Your saved call cannot be resumed', `You were on a call from scenario "${saved.scenarioId}", which is not in the library now (or has errors). The call will be discarded.`, 'OK, discard it', null, () => clearSavedCall(), close));
      return;
    }
    const def = entry.definition;
    if (saved.scenarioHash !== def.hash) {
      showOverlay(root, (close) => confirmContent('Your saved call cannot be resumed', `The scenario "${def.scenario.title}" has changed since your call was saved, so the call cannot continue. It will be discarded.`, 'OK, discard it', null, () => clearSavedCall(), close));
      return;
    }
    showOverlay(root, (close) => confirmContent('Resume your call?', `Resume your call with ${def.scenario.customer.name}?`, 'Yes, resume', 'No, discard it', (yes) => {
      if (!yes) return clearSavedCall();
      const resumed = CallSession.resume(def, saved);
      if (resumed.ok) play(entry, resumed.session);
      else showOverlay(root, (c) => confirmContent('The call cannot be resumed', resumed.error, 'OK', null, () => clearSavedCall(), c));
    }, close));
  }

  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Checking the call library' });
  show('loading', h('div', { class: 'screen loading' }, h('h1', {}, 'Hold the Line'), h('p', {}, 'Checking the call library…'), progress));
  const extras = Object.fromEntries(context.extraScenarios.map((x) => [`uploaded/${x.file}`, x.text]));
  void loadLibrary(extras, (done, total) => { progress.max = total; progress.value = done; }).then((entries) => {
    library = entries;
    showMenu();
    offerResume();
  });
}
