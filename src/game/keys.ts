/** Scene and registry keys of the canvas desk. */
export const SCENE_KEYS = Object.freeze({ boot: 'Boot', preloader: 'Preloader', desk: 'Desk' } as const);
export const ASSET_KEYS = Object.freeze({ deskState: 'desk-state' } as const);
