/**
 * The draft kept in this browser (localStorage), written as the trainer types, so a reload or a
 * crash loses nothing. It remembers the file's name and where it was last saved to disk.
 */
import { z } from 'zod';

const KEY = 'htl.workbench.draft';

const DraftSchema = z.object({
  text: z.string(),
  file: z.string().min(1),
  /** How the file last reached the disk, in words ("saved as …", "downloaded as …"); null when never. */
  savedTo: z.string().nullable(),
  /** The text as last saved to disk, to tell the trainer when there are unsaved changes. */
  savedText: z.string().nullable(),
  at: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

export function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = DraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (storage full or blocked), so the page can say so. */
export function saveDraft(draft: Omit<Draft, 'at'>): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...draft, at: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}
