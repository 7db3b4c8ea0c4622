/**
 * A trainee's submit message checked in one go, where it costs the server's event loop least (a
 * verdict worker, during a burst): parsed, validated with the schema the socket uses for it, and
 * prepared for the room (prepared-submission.ts: hashes, play time, the replay's verdict with the
 * claim checked). The room then only applies its own rules (ticket, rate, same run) to what comes
 * back. A message that is not valid gets the socket's own wording.
 */
import { z } from 'zod';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { SubmissionSchema } from '../../shared/classroom-http.ts';
import type { CallEvent } from '../../shared/call-events.ts';
import { prepareSubmission, type PreparedSubmission } from './prepared-submission.ts';

export { safeVerdict } from './prepared-submission.ts';

/** How a submit message starts when a client serialises it (the trainee page and the bench do): anything else takes the general path. */
const SUBMIT_MESSAGE_HEAD = Buffer.from('{"type":"submit",');

/** Whether a message's bytes start as a submit message does (read without decoding the rest). */
export function isSubmitMessage(bytes: Uint8Array): boolean {
  return bytes.length > SUBMIT_MESSAGE_HEAD.length && SUBMIT_MESSAGE_HEAD.compare(bytes, 0, SUBMIT_MESSAGE_HEAD.length) === 0;
}

/** The socket's submit message (the `submit` branch of ClientMessageSchema). */
export const SubmitMessageSchema = z.strictObject({ type: z.literal('submit'), submission: SubmissionSchema });
type SubmitMessage = z.output<typeof SubmitMessageSchema>;

export type CheckedSubmit = { readonly ok: true; readonly prepared: PreparedSubmission } | { readonly ok: false; readonly problem: string };

const decoder = new TextDecoder();

/** `message` as received: its UTF-8 bytes (decoded here), or the text. `msPerDecision` is the room's plausibility floor. */
export function checkSubmitText(message: string | Uint8Array, definitionOf: (hash: string) => CallDefinition | undefined, msPerDecision?: number): CheckedSubmit {
  let json: unknown;
  try {
    json = JSON.parse(typeof message === 'string' ? message : decoder.decode(message));
  } catch {
    return { ok: false, problem: 'That message is not valid JSON.' };
  }
  const valid = validSubmit(json);
  if (!valid.ok) return valid;
  const { submission } = valid.value;
  return { ok: true, prepared: prepareSubmission(submission, definitionOf(submission.run.scenarioHash), msPerDecision) };
}

/**
 * The schema compiled ahead (zod's `z.compile`), so its checks run as one generated function, and
 * `validate` answers without building a copy of the message: the parsed JSON is then the submission
 * as it is. The copy zod builds (about 12 KB of short-lived objects for a 1 KB message, a third of
 * what a check allocates) was the biggest garbage of a burst in the verdict worker.
 */
const CompiledSubmit = z.compile(SubmitMessageSchema);

/** A search query with spaces around it: the one place the schema's output differs from its input (`.trim()`). */
const untrimmed = (events: readonly CallEvent[]) => events.some((e) => e.type === 'kb.search' && e.query !== e.query.trim());

/** `json` as the schema's output: itself when valid and nothing in it is changed by parsing, else zod's parse (its copy, or its words for what is wrong). */
function validSubmit(json: unknown): { ok: true; value: SubmitMessage } | { ok: false; problem: string } {
  if (CompiledSubmit.validate(json) && !untrimmed(json.submission.run.events)) return { ok: true, value: json as SubmitMessage };
  const parsed = CompiledSubmit.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `That message is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` };
  return { ok: true, value: parsed.data };
}
