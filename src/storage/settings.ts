/** The trainee's sound and reading settings, kept in localStorage between visits. */
import { z } from 'zod';

export const SettingsSchema = z.object({
  muted: z.boolean(),
  volume: z.number().min(0).max(1),
  readAloud: z.boolean(),
  /** Single-key shortcuts on the call desk; settings saved before this existed keep them on. */
  shortcuts: z.boolean().default(true),
  /** Live pace: silence while deciding counts as dead air. Off by default (untimed play is the accessible default). */
  livePace: z.boolean().default(false),
  /** Office ambience during calls. Off by default. */
  ambience: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ muted: false, volume: 0.7, readAloud: false, shortcuts: true, livePace: false, ambience: false });
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
