/** The scenario picker: filter by skill and difficulty; each card shows skills, difficulty, target AHT and the best result. */
import { SKILLS, type SkillKey } from '../core/model/skills.ts';
import type { BestResult } from '../core/ports/best-results.ts';
import type { LibraryEntry } from './library.ts';
import { h, replaceChildren } from './dom.ts';
import { formatDuration, formatPercent } from './format.ts';
import { announce } from './announcer.ts';
import { careerPanel } from './career-menu.ts';

export interface MenuDeps {
  readonly entries: readonly LibraryEntry[];
  readonly best: Record<string, BestResult>;
  readonly banner: string | null;
  /** A classroom's note about calls this page could not load (what to do), shown under the banner. */
  readonly note?: string | null;
  readonly play: (entry: LibraryEntry) => void;
  /** The pointer or focus is on a call's button: start loading it (it is played on click). */
  readonly prepare?: (entry: LibraryEntry) => void;
  readonly showDiagnostics: (entry: LibraryEntry) => void;
  readonly openFile: (file: File) => void;
  /** Starts a shift of calls from the queue (absent in a classroom, where the trainer sets the calls). */
  readonly startShift?: () => void;
}

function card(entry: LibraryEntry, deps: MenuDeps): HTMLElement {
  const s = entry.summary;
  if (s === null) {
    const errors = entry.diagnostics.filter((d) => d.severity === 'error').length;
    return h('li', { class: 'card broken' }, h('h2', {}, entry.file), h('p', {}, `This file has ${errors} error${errors === 1 ? '' : 's'} and cannot be played.`),
      h('button', { type: 'button', class: 'action', onclick: () => deps.showDiagnostics(entry) }, 'Show the problems'));
  }
  const best = deps.best[s.id];
  return h('li', { class: 'card' },
    h('h2', {}, s.title),
    h('p', { class: 'summary' }, s.summary),
    h('ul', { class: 'tags', 'aria-label': 'Skills' }, s.skills.map((k) => h('li', {}, SKILLS[k]))),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Difficulty'), h('dd', {}, h('span', { 'aria-hidden': 'true' }, '●'.repeat(s.difficulty) + '○'.repeat(5 - s.difficulty)), h('span', { class: 'visually-hidden' }, `${s.difficulty} of 5`)),
      h('dt', {}, 'Target AHT'), h('dd', {}, formatDuration(s.ahtSeconds)),
      h('dt', {}, 'Your best'), h('dd', {}, best ? `QA ${formatPercent(best.qa)} · ${best.csat}★ · ${formatDuration(best.aht)}${best.fatal ? ' · fatal' : ''}` : 'not played yet')),
    h('button', { type: 'button', class: 'action primary', 'data-scenario': s.id, onclick: () => deps.play(entry), onpointerenter: () => deps.prepare?.(entry), onfocus: () => deps.prepare?.(entry), 'aria-label': `Take the call: ${s.title}` }, 'Take the call'));
}

export interface MenuView {
  readonly element: HTMLElement;
  /**
   * The calls changed while the menu is on screen (a trainer added one): the cards, the career panel
   * and the note follow in place, keeping the filters, the scroll position and keyboard focus.
   */
  setCalls(entries: readonly LibraryEntry[], note: string | null): void;
}

/** How the focused element is found again after the menu is redrawn (null: it has no such mark). */
function focusMark(el: Element | null): string | null {
  if (!(el instanceof HTMLElement)) return null;
  if (el.dataset.scenario !== undefined) return `[data-scenario="${CSS.escape(el.dataset.scenario)}"]`;
  if (el.dataset.testid !== undefined) return `[data-testid="${CSS.escape(el.dataset.testid)}"]`;
  return el.id === '' ? null : `#${CSS.escape(el.id)}`;
}

export function menuView(deps: MenuDeps): MenuView {
  let entries = deps.entries;
  const skill = h('select', { id: 'skill-filter' }, h('option', { value: '' }, 'All skills'), Object.entries(SKILLS).map(([k, label]) => h('option', { value: k }, label)));
  const level = h('select', { id: 'level-filter' }, h('option', { value: '' }, 'Any difficulty'), [1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, `Difficulty ${n}`)));
  const list = h('ul', { class: 'cards', 'aria-label': 'Calls' });
  /** One card per entry, made once, so a redraw moves no card that stays (a moved card would lose focus). */
  const cards = new Map<LibraryEntry, HTMLElement>();
  const cardOf = (e: LibraryEntry) => cards.get(e) ?? cards.set(e, card(e, deps)).get(e)!;
  const update = (): number => {
    const shown = entries.filter((e) => {
      const s = e.summary;
      if (s === null) return skill.value === '' && level.value === '';
      return (skill.value === '' || s.skills.includes(skill.value as SkillKey)) && (level.value === '' || String(s.difficulty) === level.value);
    });
    if (shown.length === 0) {
      replaceChildren(list, h('li', { class: 'empty' }, entries.length === 0 ? 'No calls to show here yet.' : 'No call matches these filters.'));
      return 0;
    }
    const wanted = new Set(shown.map(cardOf));
    for (const child of [...list.children]) if (!wanted.has(child as HTMLElement)) child.remove();
    shown.forEach((e, i) => {
      const there = list.children[i] ?? null;
      if (there !== cardOf(e)) list.insertBefore(cardOf(e), there);
    });
    return shown.length;
  };
  const filtered = (): void => {
    const count = update();
    announce(count === 0 ? 'No call matches these filters.' : `${count} call${count === 1 ? '' : 's'} shown.`);
  };
  skill.addEventListener('change', filtered);
  level.addEventListener('change', filtered);
  update();
  const picker = h('input', { type: 'file', id: 'open-file', accept: '.yaml,.yml,.json', class: 'visually-hidden' });
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) deps.openFile(file);
  });
  // Not a live region: the classroom strip says once what changed; this stays for whoever reads the menu.
  // The note is in the page only while there is something to say.
  const note = h('div', { class: 'session-note' });
  const showNote = (text: string | null | undefined) => replaceChildren(note, text ? h('p', { class: 'banner', 'data-testid': 'session-note' }, text) : null);
  showNote(deps.note);
  const career = careerPanel(entries, deps.play, list);
  const element = h('div', { class: 'screen menu', 'data-screen': 'menu' },
    h('header', {}, h('h1', {}, 'Hold the Line'), h('p', {}, 'Pick a call. The phone rings when you are ready.'), deps.banner ? h('p', { class: 'banner' }, deps.banner) : null,
      note,
      deps.startShift === undefined ? null : h('p', { class: 'row' },
        h('button', { type: 'button', class: 'action primary', 'data-testid': 'start-shift', onclick: deps.startShift }, 'Work a shift'),
        h('span', { class: 'hint' }, 'Three calls from the queue, with the team’s wallboard between them and a report at the end.'))),
    career.element,
    h('div', { class: 'filters row' },
      h('label', { for: 'skill-filter' }, 'Skill'), skill,
      h('label', { for: 'level-filter' }, 'Difficulty'), level,
      h('label', { for: 'open-file', class: 'action file-label' }, 'Open a scenario file…'), picker,
      h('span', { class: 'hint' }, 'or drop a file anywhere')),
    list);

  const setCalls = (next: readonly LibraryEntry[], nextNote: string | null): void => {
    const focused = element.contains(document.activeElement) ? focusMark(document.activeElement) : null;
    const scroll = document.scrollingElement?.scrollTop ?? 0;
    entries = next;
    showNote(nextNote);
    update();
    // The panel redraws and puts the cards in career order now (dropping the list's pending changes), so focus is put back before anyone looks.
    career.setCalls(next);
    if (focused !== null && !element.contains(document.activeElement)) element.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
    if (document.scrollingElement !== null) document.scrollingElement.scrollTop = scroll;
  };
  return { element, setCalls };
}
