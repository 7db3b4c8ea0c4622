/**
 * Records what a screen-reader user would get from the page: every change of text in a live region
 * (role status/alert/log or aria-live), every key pressed, every focus move (with the focused
 * element's name, or BODY when focus fell to the page), and every change of the customer's mood word.
 * Installed before the page loads; read back with `readLog`.
 */
import type { Page } from '@playwright/test';

export type LogEntry =
  | { readonly kind: 'say'; readonly text: string; readonly region: string; readonly created: boolean }
  | { readonly kind: 'key'; readonly key: string }
  /** `byPage`: the page's own script moved focus (not the user's Tab or click, nor the test's). */
  | { readonly kind: 'focus'; readonly name: string; readonly tag: string; readonly byPage: boolean }
  | { readonly kind: 'mood'; readonly word: string };

export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: unknown[] = [];
    (window as unknown as { __a11yLog: unknown[] }).__a11yLog = log;
    const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
    const regionOf = (node: Node | null): Element | null => {
      const el = node === null ? null : node instanceof Element ? node : node.parentElement;
      return el?.closest(LIVE) ?? null;
    };
    const nameOf = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const label = el.getAttribute('aria-label');
      if (label) return label;
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
        const own = el.labels?.[0]?.textContent ?? el.closest('label')?.textContent ?? '';
        return own.trim();
      }
      return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    };
    const last = new WeakMap<Element, string>();
    let mood = '';
    const watch = new MutationObserver((records) => {
      const seen = new Set<Element>();
      for (const r of records) {
        const region = regionOf(r.target);
        if (region !== null && !seen.has(region)) {
          seen.add(region);
          // Any change of the words is spoken again, even to the same words with a space added.
          const raw = region.textContent ?? '';
          const text = raw.replace(/\s+/g, ' ').trim();
          if (text !== '' && raw !== last.get(region)) log.push({ kind: 'say', text, region: region.id || region.getAttribute('data-testid') || region.className, created: false });
          last.set(region, raw);
        }
        // A region put into the page with its words already in it (rarely spoken by screen readers).
        for (const added of Array.from(r.addedNodes)) {
          if (!(added instanceof Element)) continue;
          for (const fresh of [added, ...Array.from(added.querySelectorAll(LIVE))]) {
            if (!fresh.matches(LIVE) || seen.has(fresh)) continue;
            seen.add(fresh);
            const text = (fresh.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (text !== '') log.push({ kind: 'say', text, region: fresh.id || fresh.className, created: true });
            last.set(fresh, fresh.textContent ?? '');
          }
        }
      }
      const meter = document.querySelector('[data-testid="softphone"] [role="meter"]');
      const word = meter?.getAttribute('aria-valuetext') ?? '';
      if (word !== '' && word !== mood) {
        mood = word;
        log.push({ kind: 'mood', word });
      }
    });
    const start = () => watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start);
    document.addEventListener('keydown', (e) => log.push({ kind: 'key', key: e.key }), true);
    // The page's own focus() calls go through this world's prototype; the test's and the user's do not.
    let byPage = false;
    const focus = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
      byPage = true;
      try { focus.call(this, options); } finally { byPage = false; }
    };
    document.addEventListener('focusin', (e) => {
      const el = e.target as Element;
      log.push({ kind: 'focus', name: nameOf(el), tag: el.tagName.toLowerCase(), byPage });
    });
    document.addEventListener('focusout', () => {
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) log.push({ kind: 'focus', name: 'BODY', tag: 'body', byPage: true });
      }, 0);
    });
  });
}

export async function readLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() => (window as unknown as { __a11yLog: LogEntry[] }).__a11yLog.slice());
}

/** The log as lines a reader can follow: what was pressed, where focus went, what was said. */
export function formatLog(log: readonly LogEntry[]): string {
  return log.map((e) => {
    switch (e.kind) {
      case 'key': return `key   ${e.key}`;
      case 'focus': return `${e.byPage ? 'FOCUS' : 'focus'} ${e.tag} “${e.name}”${e.byPage ? '' : ' (user)'}`;
      case 'mood': return `mood  ${e.word}`;
      case 'say': return `${e.created ? 'NEW  ' : 'SAY  '} [${e.region}] ${e.text}`;
    }
  }).join('\n');
}

/**
 * Spoken entries followed, before the user's next key press or move, by a focus move the page made
 * (which would cut them off). The user moving focus themselves is the user moving on.
 */
export function cutOff(log: readonly LogEntry[]): string[] {
  const cut: string[] = [];
  let pending: string[] = [];
  for (const e of log) {
    if (e.kind === 'key' || (e.kind === 'focus' && !e.byPage)) pending = [];
    else if (e.kind === 'say' && !e.created) pending.push(e.text);
    else if (e.kind === 'focus' && pending.length > 0) {
      cut.push(...pending.map((t) => `${t} (cut by focus on “${e.name}”)`));
      pending = [];
    }
  }
  return cut;
}
