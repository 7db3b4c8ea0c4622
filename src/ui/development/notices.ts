/** The storage messages every development screen shows when they apply — never a silent failure. */
import { h } from '../dom.ts';

export function storageNotices(warning: string | null, saveProblem: string | null, quarantined: number): HTMLElement[] {
  const notes: HTMLElement[] = [];
  if (warning !== null) notes.push(h('p', { class: 'alert', role: 'alert', 'data-testid': 'storage-warning' }, warning));
  if (saveProblem !== null && saveProblem !== warning) notes.push(h('p', { class: 'alert', role: 'alert' }, saveProblem));
  if (quarantined > 0) {
    notes.push(h('p', { class: 'alert', role: 'alert', 'data-testid': 'quarantine-notice' },
      `${quarantined} saved ${quarantined === 1 ? 'entry' : 'entries'} could not be read and ${quarantined === 1 ? 'was' : 'were'} set aside, not deleted. See “Set-aside data” on your plan to download ${quarantined === 1 ? 'it' : 'them'}.`));
  }
  return notes;
}
