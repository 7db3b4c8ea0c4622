/** Port: the trainee's sound and reading settings, and where they are kept between visits. */
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

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
}
