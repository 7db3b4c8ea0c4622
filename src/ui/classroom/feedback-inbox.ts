/**
 * Feedback the classroom delivers (a classmate's review, a trainer's GROW note) goes into the
 * trainee's development record as feedback entries, where the plan lists them, the portfolio
 * prints them and goals can be suggested from them. Saving twice keeps one entry (same id); a
 * withdrawn entry replaces the saved one. A save that fails says so; nothing is dropped silently.
 */
import type { DeliveredFeedback } from '../../shared/team-messages.ts';
import { feedbackEntryFrom } from '../../core/development/classroom-feedback.ts';
import { storeAccess, trySave } from '../development/store-access.ts';

export interface InboxResult {
  /** Entries saved that this page had not saved before. */
  readonly fresh: DeliveredFeedback[];
  readonly problem: string | null;
}

export class FeedbackInbox {
  private readonly seen = new Map<string, boolean>();

  async receive(list: readonly DeliveredFeedback[]): Promise<InboxResult> {
    // Loaded when the first feedback arrives: a trainee who never gets any never loads the plan's storage here.
    const { store, warning } = await storeAccess();
    const fresh: DeliveredFeedback[] = [];
    let problem: string | null = warning;
    for (const d of list) {
      if (this.seen.get(d.id) === d.withdrawn) continue;
      const entry = feedbackEntryFrom(d);
      if (entry === null) {
        problem = 'Some feedback from the classroom could not be read, so it was not added to your plan.';
        continue;
      }
      const failed = await trySave(() => store.saveFeedback(entry));
      if (failed !== null) {
        problem = `Feedback from the classroom could not be saved to your plan: ${failed}`;
        continue;
      }
      if (!this.seen.has(d.id) && !d.withdrawn) fresh.push(d);
      this.seen.set(d.id, d.withdrawn);
    }
    return { fresh, problem };
  }
}
