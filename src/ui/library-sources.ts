/**
 * The scenario files' text, in their own chunk so the code loads first. In `npm run dev`, editing a
 * file in scenarios/ changes this module; nothing accepts the update, so Vite reloads the page and
 * the library is checked again (a call in progress is offered for resume, or reported as changed).
 */
export const SOURCES = import.meta.glob('/scenarios/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The shared knowledge base and team directory (kb/), which every call's look-ups and transfers use. */
export const KB_SOURCES = import.meta.glob('/kb/**/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
