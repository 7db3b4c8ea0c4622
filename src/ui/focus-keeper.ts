/**
 * Keeps keyboard focus from falling to the page body. When the focused element is removed (a button
 * that closed its panel, a card that was accepted, a screen that was replaced), focus moves to the
 * nearest part of the page that is still there: its first heading, else the screen's main heading.
 * Screens that place focus themselves do so at once, before this looks.
 */
const SCREEN_HEADING = 'h1, h2, [role="heading"]';

function focusable(el: HTMLElement): HTMLElement {
  if (!el.matches('button, input, select, textarea, a[href], [tabindex]')) el.setAttribute('tabindex', '-1');
  return el;
}

/** Where focus should go when the element last focused has gone: nearest survivor's heading. */
export function fallbackFocus(lost: readonly HTMLElement[], page: HTMLElement): HTMLElement | null {
  const survivor = lost.find((el) => el.isConnected && page.contains(el));
  const scope = survivor ?? page;
  const heading = scope.querySelector<HTMLElement>(SCREEN_HEADING) ?? page.querySelector<HTMLElement>(SCREEN_HEADING);
  return heading === null ? null : focusable(heading);
}

export function keepFocus(page: HTMLElement): () => void {
  let ancestors: HTMLElement[] = [];
  const onFocus = (e: FocusEvent): void => {
    const chain: HTMLElement[] = [];
    for (let el = e.target instanceof HTMLElement ? e.target.parentElement : null; el !== null && el !== document.body; el = el.parentElement) chain.push(el);
    ancestors = chain;
  };
  const watcher = new MutationObserver(() => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    if (ancestors.length === 0 || document.querySelector('dialog[open]') !== null) return;
    const target = fallbackFocus(ancestors, page);
    ancestors = [];
    target?.focus();
  });
  document.addEventListener('focusin', onFocus);
  watcher.observe(page, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocus);
    watcher.disconnect();
  };
}
