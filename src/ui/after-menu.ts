/**
 * Resolves once the first real screen (the menu, or a classroom's join page) is on show, and the
 * browser has had a moment to make it usable: heavy chunks such as the Phaser desk load after it.
 */
export function whenMenuUsable(root: HTMLElement, idleMs = 200): Promise<void> {
  const shown = (): boolean => root.querySelector('[data-screen]:not([data-screen="loading"]), .screen:not(.loading)') !== null;
  const idle = (): Promise<void> =>
    new Promise((resolve) => ('requestIdleCallback' in window ? window.requestIdleCallback(() => resolve(), { timeout: idleMs }) : setTimeout(resolve, idleMs)));
  if (shown()) return idle();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      void idle().then(resolve);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}
