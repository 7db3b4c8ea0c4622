/**
 * The trainer's workbench (workbench.html): write a call, see its shape, test it from any step,
 * send it to a class. Its code loads only on this page; the game's first load does not carry it.
 */
import '../ui/styles.css';
import './workbench.css';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { CheckAnswer, MapAnswer } from './check-messages.ts';
import type { CallGraph } from './call-graph.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { createEditor } from './editor.ts';
import { CheckerClient } from './checker-client.ts';
import { renderProblems } from './problems-list.ts';
import { drawMap, stepAtLine, type MapView } from './map-view.ts';
import { renderReport } from './report-view.ts';
import { loadDraft, saveDraft } from './draft-store.ts';
import { DiskFiles, download } from './file-access.ts';
import { libraryFiles, libraryText } from './library-copy.ts';
import { NEW_CALL_TEMPLATE, TEMPLATE_FILE } from './template.ts';
import { startForm } from './start-form.ts';
import type { StartChoices } from './start-choices.ts';
import { classroomPanel } from './classroom-panel.ts';
import { sideTabs } from './side-tabs.ts';

/** Read-only state for the end-to-end tests and the benchmark. */
export interface WorkbenchHooks {
  /** Per check shown: milliseconds from the last edit to its diagnostics on screen, and inside the worker. */
  checks: { afterEditMs: number; workerMs: number; diagnostics: number }[];
  analysed: number;
}

declare global {
  interface Window {
    __WB__?: WorkbenchHooks;
  }
}

const hooks: WorkbenchHooks = { checks: [], analysed: 0 };
window.__WB__ = hooks;

const root = document.getElementById('workbench')!;
const disk = new DiskFiles();
const draft = loadDraft();
let file = draft?.file ?? TEMPLATE_FILE;
let savedTo: string | null = draft?.savedTo ?? null;
let savedText: string | null = draft?.savedText ?? null;
let graph: CallGraph | null = null;
let map: MapView | null = null;
let lastDiagnostics: readonly Diagnostic[] = [];
let cursorBeforePlay = 1;

const fileName = h('strong', { 'data-testid': 'file-name' });
const fileWhere = h('span', { class: 'hint', 'data-testid': 'file-where' });
const problems = h('section', { class: 'wb-problems-box', 'aria-live': 'polite', 'aria-label': 'Problems' });
const mapHolder = h('div', { class: 'wb-map-holder', 'data-testid': 'map' });
const mapNote = h('p', { class: 'hint', 'data-testid': 'map-note' });
const reportHolder = h('div', { class: 'wb-report' }, h('p', { class: 'hint' }, 'Working out the path report…'));
const playHolder = h('div', { class: 'wb-play-holder', hidden: true });
const startHolder = h('div', {}, h('p', { class: 'hint' }, 'The test form appears once the call has no errors.'));
const editorHolder = h('div', { class: 'wb-editor' });
const storageWarning = h('p', { class: 'wb-warning', role: 'alert', hidden: true });

/** Sets text only when it changes: rewriting the same words at every key would lay the page out again. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function describeWhere(text: string): void {
  setText(fileName, file);
  const unsaved = savedText !== text;
  setText(fileWhere, savedTo === null
    ? 'Not on disk yet: a draft is kept in this browser as you type (it survives a reload). Use “Save to disk” to keep a file.'
    : `Last ${savedTo}.${unsaved ? ' Changed since: the newest version is the draft kept in this browser.' : ''}`);
}

const checker = new CheckerClient({
  checked: (answer) => showCheck(answer),
  mapped: (answer) => showMap(answer),
  analysed: (answer) => {
    hooks.analysed += 1;
    renderReport(reportHolder, answer.report, answer.strategies, answer.ms);
    // The analysis adds warnings of its own (surface strategies, checker and engine disagreeing).
    analysisWarnings = answer.warnings;
    showProblems(withAnalysis(lastDiagnostics));
  },
  failed: (message) => replaceChildren(problems, h('p', { class: 'wb-warning', role: 'alert' }, message)),
});

/** The last path analysis's warnings, kept while the call checks clean so they do not flicker away at every key. */
let analysisWarnings: readonly Diagnostic[] = [];
function withAnalysis(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.some((d) => d.severity === 'error')) return diagnostics;
  return [...diagnostics, ...analysisWarnings.filter((w) => !diagnostics.some((d) => d.code === w.code && d.line === w.line))];
}

/** The problems list as last drawn: most checks while typing find the same problems, and the list is left alone. */
let listed: string | null = null;
function showProblems(diagnostics: readonly Diagnostic[]): void {
  // The editor's marks first: they are what the trainer is looking at.
  editor.showDiagnostics(diagnostics);
  const list = JSON.stringify(diagnostics);
  if (list === listed && problems.querySelector('[data-testid="problems-summary"]') !== null) return;
  listed = list;
  renderProblems(problems, diagnostics, (line, col) => editor.jumpTo(line, col));
}

function showCheck(answer: CheckAnswer): void {
  lastDiagnostics = answer.diagnostics;
  showProblems(withAnalysis(answer.diagnostics));
  // Timed to the next frame: when the diagnostics are on screen, not merely in the page.
  const editAt = checker.lastEditAt;
  requestAnimationFrame(() => hooks.checks.push({ afterEditMs: performance.now() - editAt, workerMs: answer.ms, diagnostics: answer.diagnostics.length }));
}

/** The map as last drawn, so a check that changes nothing in it (most edits) draws nothing. */
let drawn = '';
function showMap(answer: MapAnswer): void {
  if (answer.map === null) {
    mapNote.textContent = graph === null ? 'The map appears when the call’s steps and fields check out.' : 'The call has errors in its fields: the map shows the last version it could draw.';
    mapNote.classList.add('stale');
    return;
  }
  const shown = answer.map.graph;
  graph = shown;
  mapNote.classList.remove('stale');
  const counts = [
    `${shown.steps.length} steps`,
    `${shown.steps.filter((s) => s.unreachable).length} unreachable`,
    `${shown.steps.filter((s) => s.deadEnd).length} dead ends`,
    `${shown.steps.filter((s) => s.hangUpRisk).length} with hang-up risk`,
    `${shown.links.filter((l) => l.trap).length} traps`,
  ];
  const hasErrors = lastDiagnostics.some((d) => d.severity === 'error');
  setText(mapNote, `${counts.join(' · ')}. Click a step to go to its text.${hasErrors ? ' Fix the errors to test the call or see its report.' : ''}`);
  const drawing = JSON.stringify([shown, answer.map.layout]);
  if (drawing !== drawn || map === null) {
    drawn = drawing;
    map = drawMap(shown, answer.map.layout, (step) => editor.jumpTo(step.line));
    replaceChildren(mapHolder, map.element);
    map.highlight(stepAtLine(shown, editor.cursorLine()));
  }
  if (answer.map.start === null) return;
  renderStartForm(answer.map.start);
  checker.analyseLatest(editor.text(), file);
}

let draftTimer: ReturnType<typeof setTimeout> | null = null;
function edited(text: string): void {
  checker.edited(text, file);
  describeWhere(text);
  if (draftTimer !== null) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => keepDraft(text), 250);
}

function keepDraft(text: string): void {
  const ok = saveDraft({ text, file, savedTo, savedText });
  storageWarning.hidden = ok;
  storageWarning.textContent = ok ? '' : 'This browser would not keep a draft (storage is full or blocked): save to disk so nothing is lost.';
}

const editor = createEditor(editorHolder, draft?.text ?? NEW_CALL_TEMPLATE, edited);
/** The map outlines the step the cursor is in, and the test form starts there. */
const followCursor = () => {
  if (graph === null) return;
  const step = stepAtLine(graph, editor.cursorLine());
  map?.highlight(step);
  const select = startHolder.querySelector<HTMLSelectElement>('select[name="step"]');
  if (select !== null && step !== null && [...select.options].some((o) => o.value === step)) select.value = step;
};
editor.view.dom.addEventListener('keyup', followCursor);
editor.view.dom.addEventListener('mouseup', followCursor);

/** Replaces the text (a new call, a file, a library copy); the old text stays in the undo history. */
function load(text: string, name: string, where: string | null): void {
  file = name;
  savedTo = where;
  savedText = where === null ? null : text;
  graph = null;
  map = null;
  analysisWarnings = [];
  replaceChildren(mapHolder);
  editor.setText(text);
  checker.now(text, file);
  keepDraft(text);
  describeWhere(text);
}

async function saveToDisk(): Promise<void> {
  const text = editor.text();
  const to = await disk.save(text, file.split('/').pop() ?? file);
  if (to === null) return;
  savedTo = to;
  savedText = text;
  keepDraft(text);
  describeWhere(text);
}

const librarySelect = h('select', { 'aria-label': 'A call from the library', 'data-testid': 'library-select' },
  h('option', { value: '' }, 'Copy a call from the library…'),
  libraryFiles().map((f) => h('option', { value: f }, f.replace(/^scenarios\//, ''))));
librarySelect.addEventListener('change', () => {
  const path = librarySelect.value;
  if (path === '') return;
  void libraryText(path).then((text) => {
    librarySelect.value = '';
    if (text === null) return;
    disk.forget();
    load(text, `copy-of-${path.split('/').pop()}`, null);
  });
});

let startChoicesNow = '';
/** Redrawn only when the steps or flags change, so what the trainer set in the form stays. */
function renderStartForm(choices: StartChoices): void {
  const key = JSON.stringify(choices);
  if (key === startChoicesNow || graph === null) return;
  startChoicesNow = key;
  const step = stepAtLine(graph, editor.cursorLine()) ?? '';
  replaceChildren(startHolder, startForm(choices, step, (point) => void play(point)));
}

async function play(point: import('../core/engine/start-from.ts').StartPoint): Promise<void> {
  const status = startHolder.querySelector<HTMLElement>('[data-testid="start-status"]') ?? startHolder.appendChild(h('p', { class: 'hint', role: 'status', 'data-testid': 'start-status' }));
  status.textContent = 'Building the test call…';
  const [{ scenarioOf }, { playTest }, { createSoundBoard }, { loadSettings }] = await Promise.all([
    import('./scenario-for-play.ts'), import('./play-session.ts'), import('../audio/sound-board.ts'), import('../storage/settings.ts'),
  ]);
  const loaded = scenarioOf(editor.text(), file);
  if (loaded === null) {
    status.textContent = 'The call has errors now: fix the problems listed under the editor, then start the test again.';
    return;
  }
  status.textContent = '';
  cursorBeforePlay = editor.cursorLine();
  const scroll = editor.view.scrollDOM.scrollTop;
  root.classList.add('playing');
  playHolder.hidden = false;
  const started = playTest(playHolder, { definition: loaded, start: point, source: editor.text(), file }, {
    sounds: createSoundBoard(loadSettings()),
    saveWalkthrough: async (walkthrough, name) => {
      download(`${JSON.stringify(walkthrough, null, 2)}\n`, name, 'application/json');
      return `downloaded as “${name}” to your browser’s downloads folder`;
    },
    back: () => {
      if ('stop' in started) started.stop();
      playHolder.hidden = true;
      replaceChildren(playHolder);
      root.classList.remove('playing');
      editor.jumpTo(cursorBeforePlay);
      editor.view.scrollDOM.scrollTop = scroll;
    },
  });
  if ('error' in started) {
    root.classList.remove('playing');
    playHolder.hidden = true;
    status.textContent = started.error;
  }
}

root.replaceChildren(
  h('header', { class: 'topbar' },
    h('h1', { class: 'brand wb-title' }, 'Hold the Line · Trainer’s workbench'),
    h('a', { href: './', class: 'wb-link-out' }, 'Open the game')),
  h('div', { class: 'wb-toolbar', role: 'toolbar', 'aria-label': 'File' },
    h('button', { type: 'button', class: 'action', 'data-testid': 'new-call', onclick: () => { disk.forget(); load(NEW_CALL_TEMPLATE, TEMPLATE_FILE, null); } }, 'New call from the template'),
    h('button', { type: 'button', class: 'action', onclick: () => void disk.open().then((f) => { if (f !== null) load(f.text, f.name, `opened from “${f.name}” on your computer`); }) }, 'Open a file…'),
    librarySelect,
    h('button', { type: 'button', class: 'action primary', 'data-testid': 'save-file', onclick: () => void saveToDisk() }, 'Save to disk'),
    h('span', { class: 'wb-file' }, fileName, ' ', fileWhere)),
  storageWarning,
  h('main', { class: 'wb-main' },
    h('section', { class: 'wb-edit', 'aria-label': 'Editor' }, editorHolder, h('h2', { class: 'visually-hidden' }, 'Problems'), problems),
    h('section', { class: 'wb-side', 'aria-label': 'Map, report and testing' },
      sideTabs([
        { id: 'map', label: 'Map and report', body: [h('h2', { class: 'visually-hidden' }, 'Map'), mapNote, mapHolder, h('h2', {}, 'Path report'), reportHolder] },
        { id: 'play', label: 'Play from here', body: [startHolder] },
        { id: 'classroom', label: 'Send to a classroom', body: [h('h2', {}, 'Send to a classroom'), classroomPanel(() => ({ text: editor.text(), file }))] },
      ]))),
  playHolder,
);

describeWhere(editor.text());
checker.now(editor.text(), file);
