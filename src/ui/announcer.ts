/**
 * The page's one status region: a polite live region that is always in the page (created empty, so
 * screen readers register it before anything is said in it). Every screen speaks through `announce`.
 * Messages given in the same moment are joined and set together once the current task is done (after
 * any focus move it made), and words equal to the last message get an invisible change so they are
 * heard again.
 */
const REGION_ID = 'announcer';
let queued: string[] = [];

export function ensureAnnouncer(doc: Document = document): HTMLElement {
  const found = doc.getElementById(REGION_ID);
  if (found !== null) return found;
  const region = doc.createElement('div');
  region.id = REGION_ID;
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.testid = 'announcer';
  doc.body.append(region);
  return region;
}

function flush(): void {
  const message = queued.join(' ');
  queued = [];
  const region = ensureAnnouncer();
  region.textContent = region.textContent === message ? `${message}\u00a0` : message;
}

/** Says `text` once, politely. */
export function announce(text: string): void {
  const message = text.trim();
  if (message === '') return;
  if (queued.length === 0) queueMicrotask(flush);
  queued.push(message);
}
