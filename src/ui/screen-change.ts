/**
 * When the game changes screen: the tab's title names the new screen (what a screen reader reads
 * first when coming back to the tab), and focus that fell to the page body moves to the new screen's
 * main heading. Screens that place focus themselves (the call desk) are left alone.
 */
const APP = 'Hold the Line';

function retitle(screen: HTMLElement): void {
  const heading = screen.querySelector('h1')?.textContent?.trim() ?? '';
  document.title = heading === '' || heading === APP ? `${APP} — contact-centre call trainer` : `${heading} — ${APP}`;
}

export function screenShown(screen: HTMLElement): void {
  requestAnimationFrame(() => {
    retitle(screen);
    const active = document.activeElement;
    if (active === null || active === document.body) {
      const heading = screen.querySelector<HTMLElement>('h1');
      if (heading !== null) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  });
  // Some screens fill in a moment later (the development plan loads its own code).
  setTimeout(() => retitle(screen), 600);
}
