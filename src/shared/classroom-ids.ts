/** Branded ids of the classroom: a join code, a trainer key, a player token and ids. */
import { z } from 'zod';

/** Characters a projector can show without confusion: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** 25^7 ≈ 6.1 billion codes; codes made before issue 12 had 6 characters and still work. */
export const JOIN_CODE_LENGTH = 7;

export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6,${JOIN_CODE_LENGTH}}$`), `a join code is ${JOIN_CODE_LENGTH} letters and digits, as shown on the projector`)
  .brand<'JoinCode'>();
export type JoinCode = z.infer<typeof JoinCodeSchema>;

const secret = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, `${what} is not valid`);

/** Only the trainer's link carries this key; it starts, locks, ends and deletes the session. */
export const TrainerKeySchema = secret('the trainer key').brand<'TrainerKey'>();
export type TrainerKey = z.infer<typeof TrainerKeySchema>;

/** Kept in the trainee's browser: rejoining with it gives back the same name and scores. */
export const PlayerTokenSchema = secret('the player token').brand<'PlayerToken'>();
export type PlayerToken = z.infer<typeof PlayerTokenSchema>;

export const PlayerIdSchema = z.string().regex(/^p[0-9a-z]{1,12}$/, 'a player id is not valid').brand<'PlayerId'>();
export type PlayerId = z.infer<typeof PlayerIdSchema>;

/** Given by the server when a call starts; a submission must carry it, once. */
export const TicketSchema = secret('the call ticket').brand<'Ticket'>();
export type Ticket = z.infer<typeof TicketSchema>;

/** Chosen by the client for each finished call, so a retried submission never counts twice. */
export const SubmissionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a submission id is 8-64 letters, digits, - or _').brand<'SubmissionId'>();
export type SubmissionId = z.infer<typeof SubmissionIdSchema>;
