/**
 * Sending the call to the classroom server: checked there with the same pipeline as any upload
 * (POST /api/scenarios/check), then a session started with it (POST /api/sessions with the file as
 * an upload), whose code and trainer page come back. Or added to a session the trainer already
 * runs (POST /api/sessions/CODE/calls with the trainer key, checked there the same way). Every
 * refusal is shown in the server's words.
 */
import { AddedSessionCallSchema, CreatedSessionSchema, TRAINER_KEY_HEADER } from '../shared/classroom-http.ts';

export type SendResult =
  | { readonly ok: true; readonly code: string; readonly trainerUrl: string; readonly title: string }
  | { readonly ok: false; readonly message: string; readonly details: readonly string[] };

function uploadName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/[^\w. -]/g, '-').slice(0, 120) || 'call.yaml';
}

export type AddResult =
  | { readonly ok: true; readonly code: string; readonly title: string; readonly alreadyThere: boolean; readonly calls: number }
  | { readonly ok: false; readonly message: string; readonly details: readonly string[] };

async function post(server: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(path, server), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  let json: unknown = null;
  try { json = await response.json(); } catch { json = null; }
  return { status: response.status, json };
}

function details(json: unknown): string[] {
  const body = json as { diagnostics?: { line?: number; message?: string }[]; details?: string[] } | null;
  if (Array.isArray(body?.diagnostics)) return body.diagnostics.map((d) => `line ${d.line ?? '?'}: ${d.message ?? ''}`);
  return Array.isArray(body?.details) ? body.details.map(String) : [];
}

export async function sendToClassroom(server: string, sessionTitle: string, file: string, text: string): Promise<SendResult> {
  const upload = { file: uploadName(file), text };
  try {
    const checked = await post(server, '/api/scenarios/check', upload);
    if (checked.status === 404) return { ok: false, message: `No classroom server answers at ${server}. Start it with “npm start” and use its address.`, details: [] };
    const verdict = checked.json as { ok?: boolean; error?: string } | null;
    if (verdict?.ok !== true) return { ok: false, message: verdict?.error ?? 'The classroom server refused the call.', details: details(checked.json) };
    const created = await post(server, '/api/sessions', { title: sessionTitle, uploads: [upload] });
    const session = CreatedSessionSchema.safeParse(created.json);
    if (!session.success) {
      const error = (created.json as { error?: string } | null)?.error;
      return { ok: false, message: error ?? `The classroom server did not start a session (HTTP ${created.status}).`, details: details(created.json) };
    }
    return { ok: true, code: session.data.code, trainerUrl: new URL(session.data.trainerPath, server).toString(), title: sessionTitle };
  } catch (error) {
    return { ok: false, message: `Could not reach the classroom server at ${server}: ${error instanceof Error ? error.message : String(error)}`, details: [] };
  }
}

/**
 * The trainer key as typed: the key itself, or the trainer page's whole address (the key rides in
 * its #key=… part), so the trainer can paste either.
 */
export function trainerKeyFrom(typed: string): string {
  const text = typed.trim();
  const hash = text.indexOf('#');
  if (hash < 0) return text;
  return new URLSearchParams(text.slice(hash + 1)).get('key') ?? '';
}

/** Adds the call to a running session, checked there like any upload; the session's code is not case-sensitive. */
export async function addToSession(server: string, code: string, typedKey: string, file: string, text: string): Promise<AddResult> {
  const joinCode = code.trim().toUpperCase();
  const key = trainerKeyFrom(typedKey);
  if (joinCode === '' || key === '') return { ok: false, message: 'Give the session’s code and your trainer key (or paste the trainer page’s address).', details: [] };
  try {
    const sent = await post(server, `/api/sessions/${encodeURIComponent(joinCode)}/calls`, { file: uploadName(file), text }, { [TRAINER_KEY_HEADER]: key });
    if (sent.status === 404 && sent.json === null) return { ok: false, message: `No classroom server answers at ${server}. Start it with “npm start” and use its address.`, details: [] };
    const added = AddedSessionCallSchema.safeParse(sent.json);
    if (!added.success) {
      const error = (sent.json as { error?: string } | null)?.error;
      return { ok: false, message: error ?? `The classroom server did not add the call (HTTP ${sent.status}).`, details: details(sent.json) };
    }
    return { ok: true, code: joinCode, title: added.data.added.title, alreadyThere: added.data.alreadyThere, calls: added.data.scenarios.length };
  } catch (error) {
    return { ok: false, message: `Could not reach the classroom server at ${server}: ${error instanceof Error ? error.message : String(error)}`, details: [] };
  }
}
