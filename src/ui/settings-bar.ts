/** Mute, volume and read-aloud: always in the top bar, saved between visits. */
import type { Settings } from '../core/ports/settings.ts';
import { h } from './dom.ts';

export function settingsBar(settings: Settings, change: (next: Settings) => void): HTMLElement {
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
  return h('div', { class: 'settings row', role: 'group', 'aria-label': 'Sound settings' },
    mute, h('label', { for: 'volume' }, 'Volume'), volume,
    read, h('label', { for: 'read-aloud' }, 'Read the customer aloud'));
}
