/** The classroom's HTTP calls from the browser, answers checked with the shared schemas. */
import { z } from 'zod';
import { IssuedTicketSchema, JoinedSchema, TRAINER_KEY_HEADER, type IssuedTicket, type Joined } from '../shared/classroom-http.ts';

export class ClassroomError extends Error {}

async function request(path: string, init: RequestInit = {}, trainerKey?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (trainerKey !== undefined) headers[TRAINER_KEY_HEADER] = trainerKey;
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ClassroomError('Cannot reach the classroom server. Check the connection and try again.');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string; details?: string[] };
  if (!res.ok) throw new ClassroomError([body.error ?? `The server answered ${res.status}.`, ...(body.details ?? [])].join('\n'));
  return body;
}

export const api = {
  get: (path: string, trainerKey?: string) => request(path, {}, trainerKey),
  post: (path: string, body: unknown, trainerKey?: string) => request(path, { method: 'POST', body: JSON.stringify(body) }, trainerKey),
  delete: (path: string, trainerKey?: string) => request(path, { method: 'DELETE' }, trainerKey),
  async join(code: string, nickname: string, token: string | undefined): Promise<Joined> {
    return JoinedSchema.parse(await request(`/api/sessions/${encodeURIComponent(code)}/join`, { method: 'POST', body: JSON.stringify(token === undefined ? { nickname } : { nickname, token }) }));
  },
  /** A call starts: this player's single-use ticket and seed for it. */
  async ticket(code: string, token: string, scenarioHash: string): Promise<IssuedTicket> {
    return IssuedTicketSchema.parse(await request(`/api/sessions/${encodeURIComponent(code)}/tickets`, { method: 'POST', body: JSON.stringify({ token, scenarioHash }) }));
  },
  /** A session's scenario file (a trainer's upload), so a trainee's game can load it. */
  async scenarioFile(code: string, hash: string): Promise<{ file: string; text: string }> {
    return ScenarioFileSchema.parse(await request(`/api/sessions/${encodeURIComponent(code)}/scenarios/${encodeURIComponent(hash)}`));
  },
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

const ScenarioFileSchema = z.object({ file: z.string().min(1).max(200), text: z.string() });

export const ScenarioListSchema = z.object({ scenarios: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string(), difficulty: z.number(), hash: z.string() })) });
