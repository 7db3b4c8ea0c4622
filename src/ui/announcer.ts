/**
 * The page's one status region: a polite live region that is always in the page (created empty, so
 * screen readers register it before anything is said in it). Every screen speaks through `announce`;
 * a message is set a moment after the region is cleared, so saying the same words twice is heard twice.
 */
const REGION_ID = 'announcer';
let pending: ReturnType<typeof setTimeout> | null = null;

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

/** Says `text` once, politely. Messages given in the same moment are joined and said together. */
export function announce(text: string): void {
  const message = text.trim();
  if (message === '') return;
  const region = ensureAnnouncer();
  if (pending !== null) {
    clearTimeout(pending);
    const queued = region.dataset.queued ?? '';
    region.dataset.queued = queued === '' ? message : `${queued} ${message}`;
  } else {
    region.dataset.queued = message;
    region.textContent = '';
  }
  pending = setTimeout(() => {
    pending = null;
    region.textContent = region.dataset.queued ?? '';
    delete region.dataset.queued;
  }, 120);
}
