/** Small DOM helpers for the classroom pages. Text (nicknames above all) is only ever set with textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node as T;
}

export function showError(target: HTMLElement, error: unknown): void {
  target.textContent = error instanceof Error ? error.message : String(error);
  target.hidden = false;
}

/** Query string and #hash values: the trainer key rides in the hash so it never reaches a server log. */
export function pageParams(): { code: string; key: string | null } {
  const code = (new URLSearchParams(location.search).get('code') ?? '').toUpperCase();
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  return { code, key };
}
