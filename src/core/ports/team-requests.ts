/**
 * Port: team mode's HTTP requests (src/server/team/team-routes.ts), as the classroom screens need
 * them. The classroom's network client (src/net/classroom-api.ts) provides it; the page entries
 * pass it in, so the screens never reach the network layer themselves.
 */
export interface TeamRequests {
  get(path: string, trainerKey?: string): Promise<unknown>;
  post(path: string, body: unknown, trainerKey?: string): Promise<unknown>;
}
