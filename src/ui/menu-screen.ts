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

export function menuScreen(deps: MenuDeps): HTMLElement {
  const skill = h('select', { id: 'skill-filter' }, h('option', { value: '' }, 'All skills'), Object.entries(SKILLS).map(([k, label]) => h('option', { value: k }, label)));
  const level = h('select', { id: 'level-filter' }, h('option', { value: '' }, 'Any difficulty'), [1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, `Difficulty ${n}`)));
  const list = h('ul', { class: 'cards', 'aria-label': 'Calls' });
  const update = (): number => {
    const shown = deps.entries.filter((e) => {
      const s = e.summary;
      if (s === null) return skill.value === '' && level.value === '';
      return (skill.value === '' || s.skills.includes(skill.value as SkillKey)) && (level.value === '' || String(s.difficulty) === level.value);
    });
    const empty = deps.entries.length === 0 ? 'No calls to show here yet.' : 'No call matches these filters.';
    replaceChildren(list, shown.length ? shown.map((e) => card(e, deps)) : h('li', { class: 'empty' }, empty));
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
  return h('div', { class: 'screen menu', 'data-screen': 'menu' },
    h('header', {}, h('h1', {}, 'Hold the Line'), h('p', {}, 'Pick a call. The phone rings when you are ready.'), deps.banner ? h('p', { class: 'banner' }, deps.banner) : null,
      deps.note ? h('p', { class: 'banner', role: 'status', 'data-testid': 'session-note' }, deps.note) : null,
      deps.startShift === undefined ? null : h('p', { class: 'row' },
        h('button', { type: 'button', class: 'action primary', 'data-testid': 'start-shift', onclick: deps.startShift }, 'Work a shift'),
        h('span', { class: 'hint' }, 'Three calls from the queue, with the team’s wallboard between them and a report at the end.'))),
    careerPanel(deps.entries, deps.play, list),
    h('div', { class: 'filters row' },
      h('label', { for: 'skill-filter' }, 'Skill'), skill,
      h('label', { for: 'level-filter' }, 'Difficulty'), level,
      h('label', { for: 'open-file', class: 'action file-label' }, 'Open a scenario file…'), picker,
      h('span', { class: 'hint' }, 'or drop a file anywhere')),
    list);
}
