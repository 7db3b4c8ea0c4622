/**
 * Sending the call to the classroom server: checked there with the same pipeline as any upload
 * (POST /api/scenarios/check), then a session started with it (POST /api/sessions with the file as
 * an upload), whose code and trainer page come back. Every refusal is shown in the server's words.
 */
import { CreatedSessionSchema } from '../shared/classroom-http.ts';

export type SendResult =
  | { readonly ok: true; readonly code: string; readonly trainerUrl: string; readonly title: string }
  | { readonly ok: false; readonly message: string; readonly details: readonly string[] };

function uploadName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/[^\w. -]/g, '-').slice(0, 120) || 'call.yaml';
}

async function post(server: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(path, server), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
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
