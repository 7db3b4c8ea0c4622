/**
 * The game's DOM layer: menu, call desk and results over the Phaser canvas. The page's entry wires
 * the ports in (storage, sounds, the classroom's tickets, the desk); the screen flow machine says
 * which screen may follow which; the engine and the call screens load with the first call.
 */
import type { PlayContext, RunningGame, SessionCallsChecked } from '../core/ports/play-context.ts';
import type { GamePorts } from '../core/ports/game-ports.ts';
import { NO_DESK, type DeskDisplay } from '../core/ports/desk.ts';
import type { CallSession } from '../core/engine/call-session.ts';
import { randomSeed } from './random-seed.ts';
import { startShiftMode, type ShiftMode, type ShiftScreens } from './shift-mode.ts';
import { h } from './dom.ts';
import { loadEntry, loadLibrary, warmLibrary, type LibraryEntry } from './library.ts';
import { menuView, type MenuView } from './menu-screen.ts';
import { confirmContent, diagnosticsContent, showOverlay } from './overlays.ts';
import { settingsBar } from './settings-bar.ts';
import { startScreenFlow, type ScreenEvent } from './screen-flow.ts';
import { wireDevelopmentStorage } from './development/store-access.ts';
import { announce, ensureAnnouncer } from './announcer.ts';
import { keepFocus } from './focus-keeper.ts';
import { screenShown } from './screen-change.ts';
import { completeSessionCalls } from './missing-session-calls.ts';
import { withOpenedCall } from './uploaded-calls.ts';

const callKit = () => import('./call-kit.ts');
const warmCallPath = () => Promise.all([callKit(), warmLibrary()]).catch(() => undefined);
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 200));
const development = () => import('./development/index.ts');

export function startApp(root: HTMLElement, context: PlayContext, ports: GamePorts): RunningGame {
  const { sounds, savedCall, bestResults, observer } = ports;
  let settings = ports.settings.load();
  sounds.setMuted(settings.muted);
  sounds.setVolume(settings.volume);
  wireDevelopmentStorage(ports.development);
  sounds.setAmbience(settings.ambience);
  let deskDisplay: DeskDisplay = NO_DESK;
  let deskAsked = false;
  // What the desk was last told: shown as soon as the Phaser desk arrives, so the first call gets its scene.
  let lastDesk: Parameters<DeskDisplay['show']>[0] = null;
  /** Phaser loads once, when the first call is on screen (the desk draws only during calls). */
  const loadDesk = () => {
    if (deskAsked) return;
    deskAsked = true;
    void ports.desk().then((d) => { deskDisplay = d; d.show(lastDesk); }).catch(() => { deskDisplay = NO_DESK; });
  };
  const flow = startScreenFlow();

  const screen = h('main', { id: 'screen' });
  ensureAnnouncer();
  keepFocus(root);
  root.replaceChildren(h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Hold the Line'), h('button', { type: 'button', class: 'action small', onclick: () => showPlanScreen() }, 'My development plan'), settingsBar(settings, (next) => {
    settings = next;
    ports.settings.save(next);
    sounds.setMuted(next.muted);
    sounds.setVolume(next.volume);
    sounds.setAmbience(next.ambience);
  }, context.pace)), screen);

  let library: LibraryEntry[] = [];
  /** A classroom's calls that loaded here with errors, and what the trainee should know about calls still missing. */
  let brokenSessionCalls: readonly LibraryEntry[] = [];
  let sessionNote: string | null = null;
  /** The classroom's calls by content hash, in its order (the trainer can add calls while it runs); null offers the whole library. */
  let sessionHashes = context.scenarioHashes;
  /** The menu while it is on screen, so calls the trainer adds appear on it in place. */
  let menuOnScreen: MenuView | null = null;
  let unmount: () => void = () => undefined;
  /** Draws a screen if the flow allows the move; false when it does not (nothing changes). */
  const show = (event: ScreenEvent, el: HTMLElement): boolean => {
    if (!flow.go(event)) return false;
    unmount();
    unmount = () => undefined;
    screen.replaceChildren(el);
    observer?.screen(flow.current());
    el.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    screenShown(screen);
    return true;
  };
  const focusHeading = () => screen.querySelector<HTMLElement>('h1')?.focus();
  /** The calls this game offers: the classroom's, by content hash and in its order, or the whole library. */
  const offered = (): LibraryEntry[] => {
    const hashes = sessionHashes;
    if (hashes === null) return library;
    return [...hashes.flatMap((hash) => library.find((e) => e.hash === hash) ?? []), ...brokenSessionCalls];
  };
  const showDiagnostics = (entry: LibraryEntry) => showOverlay(root, (close) => diagnosticsContent(entry.file, entry.diagnostics, close));
  const cannotPlay = (entry: LibraryEntry) => (entry.summary === null
    ? showDiagnostics(entry)
    : showOverlay(root, (close) => confirmContent('This call cannot be played', `"${entry.summary!.title}" did not load as it was checked. Reload the page and try again.`, 'OK', null, () => undefined, close)));

  function showMenu(): void {
    shift = null;
    const playable = offered().filter((e) => e.summary !== null);
    const menu = menuView({
      entries: offered(), best: bestResults.load(), banner: context.banner, note: sessionNote, play: (e) => void play(e, null), prepare: (e) => void e.definition(), showDiagnostics, openFile: (f) => void openFile(f),
      startShift: context.scenarioHashes === null && playable.length > 0
        ? () => { shift = startShiftMode(playable.map((e) => e.summary!.id), randomSeed(), shiftScreens); }
        : undefined,
    });
    if (!show({ type: 'menu' }, menu.element)) return;
    menuOnScreen = menu;
    unmount = () => { menuOnScreen = null; };
  }

  let shift: ShiftMode | null = null;
  const shiftScreens: ShiftScreens = {
    show: (_name, el) => { if (show({ type: 'shift.show' }, el)) focusHeading(); },
    playCall: (id) => {
      const entry = library.find((e) => e.summary?.id === id);
      if (entry === undefined) return false;
      void play(entry, null);
      return true;
    },
    backToMenu: () => showMenu(),
  };

  function openPlan(): void {
    const holder = h('div');
    if (!show({ type: 'plan.open' }, holder)) return;
    void development().then((dev) => dev.showPlan(holder)).then(() => { showMenu(); void offerResume(); });
  }

  /** Leaving a call in progress asks first; the call stays saved, so it can be resumed afterwards. */
  function showPlanScreen(): void {
    if (flow.current() !== 'call') return openPlan();
    showOverlay(root, (close) => confirmContent('Leave this call?',
      'Your call is saved where it is. You can resume it when you come back from your development plan.',
      'Leave and open my plan', 'Stay on the call', (yes) => { if (yes) openPlan(); }, close));
  }

  async function finish(entry: LibraryEntry, session: CallSession): Promise<void> {
    const kit = await callKit();
    const run = session.runLog();
    savedCall.clear();
    const scored = kit.scoreRun(session.definition, run);
    if (!scored.ok) {
      show({ type: 'call.failed' }, h('div', { class: 'screen' }, h('h1', {}, 'This call could not be scored'), h('p', {}, scored.error), h('button', { type: 'button', class: 'action', onclick: showMenu }, 'Back to the calls')));
      return;
    }
    observer?.run(run);
    observer?.scorecard(scored.scorecard);
    bestResults.record(scored.scorecard);
    context.callFinished(run, scored.scorecard);
    const inShift = shift;
    const shiftProblem = inShift === null ? null : inShift.record(scored.scorecard);
    const title = session.definition.scenario.title;
    const dev = await development();
    // Nothing lost: the call goes into the development record now, and again with the rating.
    const stored = await dev.storeFinishedCall({ run, scorecard: scored.scorecard, scenarioTitle: title });
    const ratingHolder = h('div');
    if (!show({ type: 'call.over' }, ratingHolder)) return;
    const rating = await dev.rateYourself(ratingHolder, { scenarioTitle: title });
    const rated = await dev.storeRating(stored, rating);
    show({ type: 'rating.done' }, kit.resultsScreen(title, scored.scorecard, scored.transcript, {
      playAgain: () => void play(entry, null),
      chooseAnother: showMenu,
      continueShift: inShift === null || shiftProblem !== null ? undefined : () => inShift.continueShift(),
      reflect: () => {
        const holder = h('div');
        if (!show({ type: 'reflect' }, holder)) return;
        void dev.showDevelopment(holder, { entry: rated.entry, saveProblem: rated.problem }).then(() => (inShift === null ? showMenu() : inShift.continueShift()));
      },
    }, rated.problem));
    focusHeading();
  }

  async function play(entry: LibraryEntry, resumed: CallSession | null): Promise<void> {
    const [kit, definition] = await Promise.all([callKit(), entry.definition()]);
    if (definition === null) return cannotPlay(entry);
    // In a classroom the server draws the call's seed with its single-use ticket; solo, the browser does.
    const session = resumed ?? new kit.CallSession(definition, (await ports.tickets.startCall(definition.hash))?.seed ?? randomSeed(), (context.pace ?? (settings.livePace ? 'live' : 'untimed')) === 'live' ? 'live' : undefined);
    const holder = h('div');
    if (!show({ type: 'call.start' }, holder)) return;
    observer?.run(session.runLog());
    observer?.scorecard(null);
    unmount = kit.mountCallScreen(holder, {
      session, sounds, desk: { show: (s) => { lastDesk = s; deskDisplay.show(s); } }, readAloud: () => settings.readAloud, shortcuts: () => settings.shortcuts,
      onEvent: (s) => { observer?.run(s.runLog()); savedCall.save(s.runLog()); },
      onOver: (s) => void finish(entry, s),
    });
    setTimeout(loadDesk, 0);
  }

  async function openFile(file: File): Promise<void> {
    const entry = await loadEntry(await file.text(), file.name);
    if (entry.summary === null) return showDiagnostics(entry);
    library = withOpenedCall(library, entry, sessionHashes);
    await play(entry, null);
  }

  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) void openFile(file);
  });

  const discardSaved = (title: string, text: string) =>
    showOverlay(root, (close) => confirmContent(title, text, 'OK, discard it', null, () => savedCall.clear(), close));

  /** A call saved part-way is offered again only on the exact version it was played on (same content hash). */
  async function offerResume(): Promise<void> {
    const saved = savedCall.load();
    if (saved === null) return;
    const entry = library.find((e) => e.hash === saved.scenarioHash);
    if (entry === undefined) {
      const changed = library.find((e) => e.summary?.id === saved.scenarioId)?.summary;
      return changed === undefined || changed === null
        ? discardSaved('Your saved call cannot be resumed', `You were on a call from scenario "${saved.scenarioId}", which is not in the library now (or has errors). The call will be discarded.`)
        : discardSaved('Your saved call cannot be resumed', `The scenario "${changed.title}" has changed since your call was saved, so the call cannot continue. It will be discarded.`);
    }
    const summary = entry.summary!;
    showOverlay(root, (close) => confirmContent('Resume your call?', `Resume your call with ${summary.customerName}?`, 'Yes, resume', 'No, discard it', (yes) => {
      if (!yes) return savedCall.clear();
      void Promise.all([callKit(), entry.definition()]).then(([kit, definition]) => {
        if (definition === null) return cannotPlay(entry);
        const resumed = kit.CallSession.resume(definition, saved);
        if (resumed.ok) void play(entry, resumed.session);
        else showOverlay(root, (c) => confirmContent('The call cannot be resumed', resumed.error, 'OK', null, () => savedCall.clear(), c));
      });
    }, close));
  }

  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Checking the call library' });
  screen.replaceChildren(h('div', { class: 'screen loading' }, h('h1', {}, 'Hold the Line'), h('p', {}, 'Checking the call library…'), progress));
  observer?.screen(flow.current());
  let libraryLoaded: () => void = () => undefined;
  const libraryReady = new Promise<void>((resolve) => (libraryLoaded = resolve));
  void loadLibrary(context.extraScenarios, (done, total) => { progress.max = total; progress.value = done; }).then(async (entries) => {
    const sessionCalls = await completeSessionCalls(sessionHashes ?? [], entries, context.sessionFile);
    library = [...entries, ...sessionCalls.added];
    brokenSessionCalls = sessionCalls.broken;
    sessionNote = sessionCalls.note;
    flow.go({ type: 'library.ready' });
    libraryLoaded();
    showMenu();
    // The menu's note is not a live region (the classroom strip tells of later changes), so what it says at the start is said once here.
    if (sessionNote !== null) announce(sessionNote);
    void offerResume();
    // Behind the menu: what taking a call needs, and one call built (so the compiler is warm for the one chosen).
    // The Phaser desk waits for the first call: its start-up would hold up whatever the trainee chooses on the menu.
    void warmCallPath().then(() => whenIdle(() => void offered().find((e) => e.summary !== null)?.definition()));
  });

  /** Changes of the session's calls are checked one after another, once the library is loaded. */
  let checking: Promise<unknown> = libraryReady;
  const sessionCallsChanged = (hashes: readonly string[]): Promise<SessionCallsChecked> => {
    const checked = checking.then(async (): Promise<SessionCallsChecked> => {
      const found = await completeSessionCalls(hashes, library, context.sessionFile);
      library = [...library, ...found.added];
      brokenSessionCalls = found.broken;
      sessionNote = found.note;
      sessionHashes = hashes;
      menuOnScreen?.setCalls(offered(), sessionNote);
      return { playable: hashes.filter((hash) => library.some((e) => e.hash === hash)), note: found.note, onCall: flow.current() === 'call' };
    });
    checking = checked.catch(() => undefined);
    return checked;
  };
  return { sessionCallsChanged };
}
