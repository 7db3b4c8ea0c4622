/**
 * A trainee's submit message checked in one go, where it costs the server's event loop least (a
 * verdict worker, during a burst): parsed, validated with the schema the socket uses for it, the
 * run serialised and hashed once (for the store and the same-run rule), and, when the worker
 * already knows the call, its verdict. The room then only applies its own rules (ticket, rate,
 * same run) to what comes back. A message that is not valid gets the socket's own wording.
 */
import { z } from 'zod';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { RunLog } from '../../shared/call-events.ts';
import { SubmissionSchema, type Submission } from '../../shared/classroom-http.ts';
import { serialisedRun } from '../rooms/room-hashes.ts';
import { runVerdict } from './run-verdict.ts';

/** How a submit message starts when a client serialises it (the trainee page and the bench do): anything else takes the general path. */
const SUBMIT_MESSAGE_HEAD = Buffer.from('{"type":"submit",');

/** Whether a message's bytes start as a submit message does (read without decoding the rest). */
export function isSubmitMessage(bytes: Uint8Array): boolean {
  return bytes.length > SUBMIT_MESSAGE_HEAD.length && SUBMIT_MESSAGE_HEAD.compare(bytes, 0, SUBMIT_MESSAGE_HEAD.length) === 0;
}

/** The socket's submit message (the `submit` branch of ClientMessageSchema). */
export const SubmitMessageSchema = z.strictObject({ type: z.literal('submit'), submission: SubmissionSchema });

/** What the room needs besides the submission: the run's content hash and JSON, and its verdict when already worked out. */
export interface SubmissionFacts {
  readonly runHash: string;
  readonly runJson: string;
  readonly verdict: CallVerdict | null;
}

export type CheckedSubmit = ({ readonly ok: true; readonly submission: Submission } & SubmissionFacts) | { readonly ok: false; readonly problem: string };

/** The verdict, with a replay that throws turned into a refusal. */
export function safeVerdict(def: CallDefinition, run: RunLog): CallVerdict {
  try {
    return runVerdict(def, run);
  } catch (error) {
    return { ok: false, error: `the replay failed (${(error as Error).message})` };
  }
}

/** `message` as received: its UTF-8 bytes (decoded here), or the text. */
export function checkSubmitText(message: string | Uint8Array, definitionOf: (hash: string) => CallDefinition | undefined): CheckedSubmit {
  let json: unknown;
  try {
    json = JSON.parse(typeof message === 'string' ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString('utf8'));
  } catch {
    return { ok: false, problem: 'That message is not valid JSON.' };
  }
  const parsed = SubmitMessageSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `That message is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` };
  const { submission } = parsed.data;
  const { runHash, runJson } = serialisedRun(submission.run);
  const def = definitionOf(submission.run.scenarioHash);
  return { ok: true, submission, runHash, runJson, verdict: def === undefined ? null : safeVerdict(def, submission.run) };
}
