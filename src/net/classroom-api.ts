/**
 * The classroom's HTTP calls from the browser: one method a route, each answer parsed with the
 * route's shared schema (src/shared/classroom-http.ts), so a page never reads an answer it did
 * not check. Refusals become a `ClassroomError` carrying the server's message.
 */
import { z } from 'zod';
import {
  AddedSessionCallSchema,
  CheckedFileSchema,
  ControlAnswerSchema,
  CreatedSessionSchema,
  DebriefAnswerSchema,
  DeletedAnswerSchema,
  ErrorBodySchema,
  IssuedTicketSchema,
  JoinedSchema,
  RemovedAnswerSchema,
  ScenarioFileSchema,
  ScenarioListSchema,
  SessionInfoSchema,
  TRAINER_KEY_HEADER,
  type CreateSessionBody,
  type ControlBody,
} from '../shared/classroom-http.ts';
import { teamAnswerSchema } from '../shared/team-http.ts';

export class ClassroomError extends Error {}

const session = (code: string) => `/api/sessions/${encodeURIComponent(code)}`;

async function request<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}, trainerKey?: string): Promise<z.output<S>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (trainerKey !== undefined) headers[TRAINER_KEY_HEADER] = trainerKey;
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ClassroomError('Cannot reach the classroom server. Check the connection and try again.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const refusal = ErrorBodySchema.safeParse(body);
    throw new ClassroomError(refusal.success ? [refusal.data.error, ...(refusal.data.details ?? [])].join('\n') : `The server answered ${res.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ClassroomError('The server’s answer was not in the expected shape; please reload the page.');
  return parsed.data;
}

/** A team route's answer, parsed with that route's schema (src/shared/team-http.ts). */
function teamRequest(method: 'GET' | 'POST', path: string, init: RequestInit, trainerKey?: string): Promise<unknown> {
  const schema = teamAnswerSchema(method, path);
  if (schema === null) return Promise.reject(new ClassroomError(`${method} ${path} is not one of team mode’s routes.`));
  return request(schema, path, init, trainerKey);
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

export const api = {
  scenarios: () => request(ScenarioListSchema, '/api/scenarios'),
  /** Checks a trainer's file with the game's own pipeline: its title, or the problems found. */
  checkFile: (file: string, text: string) => request(CheckedFileSchema, '/api/scenarios/check', post({ file, text })),
  createSession: (body: CreateSessionBody) => request(CreatedSessionSchema, '/api/sessions', post(body)),
  session: (code: string) => request(SessionInfoSchema, session(code)),
  join: (code: string, nickname: string, token: string | undefined) => request(JoinedSchema, `${session(code)}/join`, post(token === undefined ? { nickname } : { nickname, token })),
  /** A call starts: this player's single-use ticket and seed for it. */
  ticket: (code: string, token: string, scenarioHash: string) => request(IssuedTicketSchema, `${session(code)}/tickets`, post({ token, scenarioHash })),
  /** A session's scenario file (a trainer's upload), so a trainee's game can load it. */
  scenarioFile: (code: string, hash: string) => request(ScenarioFileSchema, `${session(code)}/scenarios/${encodeURIComponent(hash)}`),
  /** Adds a call (a file, checked like any upload) to a running session; trainer only. */
  addCall: (code: string, file: string, text: string, trainerKey: string) => request(AddedSessionCallSchema, `${session(code)}/calls`, post({ file, text }), trainerKey),
  control: (code: string, action: ControlBody['action'], trainerKey: string) => request(ControlAnswerSchema, `${session(code)}/control`, post({ action }), trainerKey),
  removePlayer: (code: string, playerId: string, block: boolean, trainerKey: string) =>
    request(RemovedAnswerSchema, `${session(code)}/players/${encodeURIComponent(playerId)}/remove`, post({ block }), trainerKey),
  deleteSession: (code: string, trainerKey: string) => request(DeletedAnswerSchema, session(code), { method: 'DELETE' }, trainerKey),
  debrief: (code: string, trainerKey: string) => request(DebriefAnswerSchema, `${session(code)}/debrief`, {}, trainerKey),
  /**
   * Team mode's routes (src/server/team/team-routes.ts), by path: each answer is parsed with its
   * route's schema (src/shared/team-http.ts) before the page reads it.
   */
  get: (path: string, trainerKey?: string) => teamRequest('GET', path, {}, trainerKey),
  post: (path: string, body: unknown, trainerKey?: string) => teamRequest('POST', path, post(body), trainerKey),
  /** Downloads a trainer-only export as a file. */
  async download(path: string, trainerKey: string, filename: string): Promise<void> {
    const res = await fetch(path, { headers: { [TRAINER_KEY_HEADER]: trainerKey } });
    if (!res.ok) throw new ClassroomError(`The export failed (${res.status}).`);
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};

