/** The trainee's sound and reading settings, kept in localStorage between visits. */
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsStore } from '../core/ports/settings.ts';

export { DEFAULT_SETTINGS, SettingsSchema, type Settings };

const KEY = 'htl.settings.v1';

export function loadSettings(storage: Storage = localStorage): Settings {
  const raw = storage.getItem(KEY);
  if (raw === null) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: Settings, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(settings));
}

/** The settings store the game uses: this browser's localStorage. */
export const BROWSER_SETTINGS: SettingsStore = Object.freeze({ load: () => loadSettings(), save: (settings: Settings) => saveSettings(settings) });
