/**
 * What the classroom benches share: the HTTP post they set sessions up with (retried when a
 * kept-alive connection was closed under it, and waited out when the join-code guard throttles the
 * one address every simulated client shares), and how a leaderboard push is told apart unparsed.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A leaderboard push's opening bytes, with its sequence number (read without parsing the rest). */
export const LEADERBOARD_HEAD = /^\{"type":"leaderboard","seq":(\d+),/;

export async function post(url: string, body: unknown, headers: Record<string, string> = {}, attempt = 1): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  } catch (error) {
    // A kept-alive connection the server closed just as it was reused (or a server too busy to read
    // the request in time, on a loaded machine): try again on a new one.
    if (attempt < 6) return sleep(300 * attempt).then(() => post(url, body, headers, attempt + 1));
    throw error;
  }
  // Every simulated client shares one address, and a code lookup holds one of that address's 30
  // tokens until it is answered: a loaded instance with many lookups in flight answers 429 for a
  // moment. A throttle, not a refusal: wait and send again.
  if (res.status === 429 && attempt < 12) return sleep(500 * attempt).then(() => post(url, body, headers, attempt + 1));
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}
