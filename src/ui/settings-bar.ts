/** Mute, volume and read-aloud: always in the top bar, saved between visits. */
import type { Settings } from '../core/ports/settings.ts';
import { h } from './dom.ts';

/** `fixedPace`: the classroom's trainer chose the pace, so the trainee's own switch shows it and cannot change it. */
export function settingsBar(settings: Settings, change: (next: Settings) => void, fixedPace?: 'live' | 'untimed'): HTMLElement {
  let current = { ...settings };
  const set = (patch: Partial<Settings>) => {
    current = { ...current, ...patch };
    change(current);
  };
  const mute = h('button', { type: 'button', class: 'action small', 'aria-pressed': String(current.muted) }, current.muted ? 'Sound: off' : 'Sound: on');
  mute.addEventListener('click', () => {
    set({ muted: !current.muted });
    mute.setAttribute('aria-pressed', String(current.muted));
    mute.textContent = current.muted ? 'Sound: off' : 'Sound: on';
  });
  const volume = h('input', { type: 'range', id: 'volume', min: 0, max: 100, step: 5, value: Math.round(current.volume * 100) });
  volume.addEventListener('input', () => set({ volume: Number(volume.value) / 100 }));
  const read = h('input', { type: 'checkbox', id: 'read-aloud', checked: current.readAloud });
  read.addEventListener('change', () => set({ readAloud: read.checked }));
  const keys = h('input', { type: 'checkbox', id: 'shortcut-keys', checked: current.shortcuts, 'aria-describedby': 'shortcut-keys-hint' });
  keys.addEventListener('change', () => set({ shortcuts: keys.checked }));
  const office = h('input', { type: 'checkbox', id: 'office-sounds', checked: current.ambience });
  office.addEventListener('change', () => set({ ambience: office.checked }));
  const pace = h('input', { type: 'checkbox', id: 'live-pace', checked: fixedPace === undefined ? current.livePace : fixedPace === 'live', disabled: fixedPace !== undefined, 'aria-describedby': 'live-pace-hint' });
  pace.addEventListener('change', () => set({ livePace: pace.checked }));
  return h('div', { class: 'settings row', role: 'group', 'aria-label': 'Settings' },
    mute, h('label', { for: 'volume' }, 'Volume'), volume,
    read, h('label', { for: 'read-aloud' }, 'Read the customer aloud'),
    keys, h('label', { for: 'shortcut-keys' }, 'Shortcut keys'),
    h('span', { id: 'shortcut-keys-hint', class: 'visually-hidden' }, 'On the call: A answers, 1 to 9 pick an option, C checks back and R resumes a hold, only while focus is on the call.'),
    office, h('label', { for: 'office-sounds' }, 'Office sounds'),
    pace, h('label', { for: 'live-pace' }, 'Live pace'),
    h('span', { id: 'live-pace-hint', class: 'visually-hidden' }, fixedPace === undefined
      ? 'From the next call, long silences while you decide count as dead air and try the customer’s patience.'
      : 'Set by your trainer for every call of this class.'));
}
