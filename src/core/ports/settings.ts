/** Port: the trainee's sound and reading settings, and where they are kept between visits. */
import { z } from 'zod';

export const SettingsSchema = z.object({
  muted: z.boolean(),
  volume: z.number().min(0).max(1),
  readAloud: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ muted: false, volume: 0.7, readAloud: false });

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
}
