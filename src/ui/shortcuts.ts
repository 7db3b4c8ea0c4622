/**
 * Single-key shortcuts on the call desk (a answers, 1-9 pick an option, c and r check back and resume
 * a hold). They act only while focus is on the call's own controls, never in a text field, a list or a
 * radio group, and never when the trainee has turned them off: a screen reader's browse keys and the
 * top bar's buttons stay safe.
 */
export interface ShortcutScope {
  /** The call's controls: keys pressed with focus outside this element do nothing. */
  readonly region: HTMLElement;
  readonly enabled: () => boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The button a key press stands for, or null when the key should be left alone. */
export function shortcutTarget(e: KeyboardEvent, scope: ShortcutScope): HTMLButtonElement | null {
  if (!scope.enabled()) return null;
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return null;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target === null || !scope.region.contains(target)) return null;
  if (TYPING.has(target.tagName) || target.isContentEditable) return null;
  const key = e.key.toLowerCase();
  if (key.length !== 1) return null;
  return scope.region.querySelector<HTMLButtonElement>(`button[data-key="${CSS.escape(key)}"]`);
}

/** Listens for shortcuts on the document; returns the function that stops listening. */
export function listenForShortcuts(scope: ShortcutScope): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const button = shortcutTarget(e, scope);
    if (button === null) return;
    e.preventDefault();
    button.click();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
