/** The classroom's pages (classroom/NAME.html), built with the game by vite.config.ts. */
export const CLASSROOM_PAGES = Object.freeze(['trainer', 'projector', 'debrief', 'join'] as const);
