/**
 * Team mode for every classroom session: the trainer's team settings, teams within the class, the
 * shared wallboard pushed to every screen as verified calls arrive (coalesced), peer reviews, GROW
 * coaching notes and the feedback each trainee receives. It hears of each accepted call through one
 * hook in the room (`called`) and keeps its own state in the team store; nothing is shown before
 * the store has it.
 */
import type { Room } from '../rooms/room.ts';
import type { RoomBroadcast, RoomClock } from '../rooms/room-ports.ts';
import type { RandomBytes } from '../../core/classroom/join-code.ts';
import { randomFrom } from '../../core/classroom/join-code.ts';
import { scoreRun } from '../../core/scoring/score.ts';
import { callComposite } from '../../core/classroom/composite.ts';
import type { TeamCall } from '../../core/classroom/team-call.ts';
import { assignTeams, teamName } from '../../core/classroom/team-members.ts';
import { teamBoard } from '../../core/classroom/team-wallboard.ts';
import { teamBehaviours, type TeamBehaviours } from '../../core/classroom/team-behaviours.ts';
import { peerPairs } from '../../core/classroom/peer-pairs.ts';
import { DEFAULT_TEAM_SETTINGS, type CoachingNoteBody, type DeliveredFeedback, type ReviewAnswer, type ReviewRequest, type TeamBoard, type TeamRow, type TeamSettings, type TrainerTeamView } from '../../shared/team-messages.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import { RateLimiter } from '../rate-limit.ts';
import type { StoredCoaching, StoredReview, StoredReviewRequest, TeamStore } from './team-store.ts';
import { resolveRef, reviewRequest, type ScoredCall } from './review-view.ts';
import { coachingFeedback, feedbackOf, reviewFeedback } from './delivered-feedback.ts';

export type TeamAnswer<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409 | 429; error: string };
const refuse = <T>(status: 400 | 403 | 404 | 409 | 429, error: string): TeamAnswer<T> => ({ ok: false, status, error });

export interface TeamDeskDeps {
  readonly store: TeamStore;
  readonly clock: RoomClock;
  readonly random: RandomBytes;
  readonly broadcastFor: (code: string) => RoomBroadcast;
  /** The wallboard is pushed at most once per this many ms per session. */
  readonly pushIntervalMs?: number;
}

interface TeamState {
  settings: TeamSettings;
  members: Record<string, number>;
  readonly requests: Map<string, StoredReviewRequest>;
  readonly reviews: Map<string, StoredReview>;
  readonly coaching: StoredCoaching[];
}


export interface TeamDebrief {
  readonly teams: TeamRow[];
  readonly behaviours: TeamBehaviours;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class TeamDesk {
  private readonly calls = new Map<string, Map<string, TeamCall>>();
  /** Each call's scorecard and transcript, by session then submission: worked out when first asked for. */
  private readonly scored = new Map<string, Map<string, ScoredCall | null>>();
  private readonly states = new Map<string, Promise<TeamState>>();
  private readonly timers = new Map<string, () => void>();
  private readonly reviewLimiter: RateLimiter;
  private readonly absorbing = new Map<string, Promise<void>>();
  private lookup: (code: string) => Room | undefined = () => undefined;

  constructor(private readonly deps: TeamDeskDeps) {
    this.reviewLimiter = new RateLimiter(5, 0.2, deps.clock.now);
  }

  /** Where pushes find a session's room (the rooms in memory). */
  attach(lookup: (code: string) => Room | undefined): void {
    this.lookup = lookup;
  }

  /** The room's hook: one accepted call (also every stored call when a room is rebuilt; counted once). */
  called(code: string, call: TeamCall): void {
    let mine = this.calls.get(code);
    if (mine === undefined) this.calls.set(code, (mine = new Map()));
    if (mine.has(call.submissionId)) return;
    mine.set(call.submissionId, call);
    const state = this.states.get(code);
    if (state !== undefined) void state.then((s) => s.settings.teamMode && this.schedulePush(code)).catch(() => undefined);
  }

  /** The sessions whose team state is held here. */
  heldCodes(): string[] {
    return [...this.states.keys()];
  }

  /**
   * Another server instance changed this session's team state: it is read again, and what is new is
   * shown here as if it had happened here (new settings and the wallboard to every screen; review
   * requests, reviews and coaching notes to the trainees concerned). Catch-ups of one session run
   * one after another. A session not held here has nothing to update: it is read when first used.
   */
  absorb(code: string): Promise<void> {
    const next = (this.absorbing.get(code) ?? Promise.resolve()).then(() => this.readAgain(code));
    const settled = next.catch((error: unknown) => console.error(`team state of ${code} could not be read again:`, (error as Error).message));
    this.absorbing.set(code, settled);
    void settled.then(() => this.absorbing.get(code) === settled && this.absorbing.delete(code));
    return settled;
  }

  private async readAgain(code: string): Promise<void> {
    const held = this.states.get(code);
    if (held === undefined) return;
    const state = await held;
    const fresh = await this.deps.store.load(code);
    const settings = fresh.settings ?? DEFAULT_TEAM_SETTINGS;
    const settingsMoved = JSON.stringify(settings) !== JSON.stringify(state.settings);
    state.settings = settings;
    state.members = { ...fresh.members };
    const requests = fresh.requests.filter((r) => !state.requests.has(r.requestId));
    for (const r of requests) state.requests.set(r.requestId, r);
    const reviews = fresh.reviews.filter((r) => state.reviews.get(r.requestId)?.hidden !== r.hidden);
    for (const r of reviews) state.reviews.set(r.requestId, r);
    const known = new Set(state.coaching.map((n) => n.noteId));
    const notes = fresh.coaching.filter((n) => !known.has(n.noteId));
    state.coaching.push(...notes);
    const room = this.lookup(code);
    if (room === undefined || room.deleted) return;
    const broadcast = this.deps.broadcastFor(code);
    if (settingsMoved) broadcast.toAll({ type: 'team', board: await this.board(room) });
    for (const r of requests) {
      const view = this.requestView(room, state, r);
      if (view !== null && !state.reviews.has(r.requestId)) broadcast.toPlayer(r.reviewer as PlayerId, { type: 'review-request', request: view });
    }
    for (const r of reviews) {
      const request = state.requests.get(r.requestId);
      const delivered = this.delivered(room, state, r);
      if (request !== undefined && delivered !== null) broadcast.toPlayer(request.reviewee as PlayerId, { type: 'feedback', feedback: [delivered] });
    }
    for (const n of notes) broadcast.toPlayer(n.playerId as PlayerId, { type: 'feedback', feedback: [coachingFeedback(n)] });
  }

  /**
   * Lets go of everything held for a session whose room left memory (deleted, expired or idle): if
   * the room is built again, its calls come back through `called` and the rest from the store.
   */
  forget(code: string): void {
    this.calls.delete(code);
    this.states.delete(code);
    this.timers.get(code)?.();
    this.timers.delete(code);
    this.scored.delete(code);
  }

  /** The session ended: its cached scorecards and transcripts go (worked out again if a debrief asks). */
  release(code: string): void {
    this.scored.delete(code);
  }

  /** What is held in memory, for one session or all: sessions with team state, calls, cached scorecards, pending pushes. */
  footprint(code?: string): { states: number; calls: number; scored: number; timers: number } {
    const pick = <T>(m: Map<string, T>) => (code === undefined ? [...m.values()] : m.has(code) ? [m.get(code)!] : []);
    return {
      states: pick(this.states).length,
      calls: pick(this.calls).reduce((n, c) => n + c.size, 0),
      scored: pick(this.scored).reduce((n, c) => n + c.size, 0),
      timers: pick(this.timers).length,
    };
  }

  async settings(room: Room): Promise<TeamSettings> {
    return (await this.state(room)).settings;
  }

  /** The trainer changes team mode, teams, names or the huddle: stored, then shown. */
  async saveSettings(room: Room, settings: TeamSettings): Promise<TeamBoard> {
    const state = await this.state(room);
    const members = assignTeams(this.playerIds(room), settings.teams === state.settings.teams ? state.members : {}, settings.teams);
    await this.deps.store.saveSettings(room.code, settings, members);
    state.settings = settings;
    state.members = members;
    const board = await this.board(room);
    this.deps.broadcastFor(room.code).toAll({ type: 'team', board });
    return board;
  }

  async board(room: Room): Promise<TeamBoard> {
    const state = await this.state(room);
    const members = await this.members(room, state);
    const calls = this.currentCalls(room);
    return teamBoard({ code: room.code, seq: calls.length, settings: state.settings, scenarioIds: room.scenarios.map((s) => s.id), members, calls });
  }

  /** What a screen gets on connecting: the wallboard in team mode; a trainee also their open review requests and feedback. */
  async welcome(room: Room, playerId: PlayerId | null, send: (m: ServerMessage) => void): Promise<void> {
    const state = await this.state(room);
    if (state.settings.teamMode) send({ type: 'team', board: await this.board(room) });
    if (playerId === null) return;
    const inbox = await this.inbox(room, playerId);
    for (const request of inbox.requests) send({ type: 'review-request', request });
    if (inbox.feedback.length > 0) send({ type: 'feedback', feedback: inbox.feedback });
  }

  async inbox(room: Room, playerId: PlayerId): Promise<{ requests: ReviewRequest[]; feedback: DeliveredFeedback[] }> {
    const state = await this.state(room);
    const requests = [...state.requests.values()].filter((r) => r.reviewer === playerId && !state.reviews.has(r.requestId));
    const views = requests.flatMap((r) => {
      const view = this.requestView(room, state, r);
      return view === null ? [] : [view];
    });
    return { requests: views, feedback: this.feedbackFor(room, state, playerId) };
  }

  /** The trainer asks each trainee with a call to review a classmate's call. Stored, then sent. */
  async askReviews(room: Room): Promise<TeamAnswer<{ asked: number }>> {
    const state = await this.state(room);
    const calls = this.currentCalls(room);
    const players = this.playerIds(room).map((playerId) => ({ playerId, calls: calls.filter((c) => c.playerId === playerId).map((c) => c.submissionId) }));
    const taken = new Set([...state.requests.values()].map((r) => `${r.reviewer}|${r.submissionId}`));
    const pairs = peerPairs(players, (reviewer, id) => taken.has(`${reviewer}|${id}`));
    if (pairs.length === 0) return refuse(409, 'Peer review needs at least two trainees with a finished call that they have not reviewed yet.');
    const at = this.deps.clock.now();
    const requests: StoredReviewRequest[] = pairs.map((p) => ({ code: room.code, requestId: `r${randomFrom(ID_ALPHABET, 12, this.deps.random)}`, ...p, at }));
    await this.deps.store.addRequests(requests);
    const broadcast = this.deps.broadcastFor(room.code);
    for (const r of requests) {
      state.requests.set(r.requestId, r);
      const view = this.requestView(room, state, r);
      if (view !== null) broadcast.toPlayer(r.reviewer as PlayerId, { type: 'review-request', request: view });
    }
    return { ok: true, value: { asked: requests.length } };
  }

  /** A trainee's review: checked, stored, then delivered to the classmate reviewed. */
  async answerReview(room: Room, playerId: PlayerId, answer: ReviewAnswer): Promise<TeamAnswer<{ requestId: string }>> {
    const state = await this.state(room);
    const request = state.requests.get(answer.requestId);
    if (request === undefined || request.reviewer !== playerId) return refuse(404, 'That review was not asked of you in this session.');
    if (state.reviews.has(request.requestId)) return refuse(409, 'You have already sent this review.');
    if (!this.reviewLimiter.take(`${room.code}|${playerId}`)) return refuse(429, 'Too many reviews sent at once: please wait a moment.');
    const scored = this.scoredCall(room, request.submissionId);
    if (scored === null) return refuse(409, 'That call is no longer in the session.');
    const well = resolveRef(scored.card, answer.wentWell.ref);
    const better = resolveRef(scored.card, answer.evenBetterIf.ref);
    if (well === null || better === null) return refuse(400, 'Tie each comment to one of the call’s QA items or key moments.');
    const review: StoredReview = {
      code: room.code,
      requestId: request.requestId,
      wentWell: { text: answer.wentWell.text, ref: answer.wentWell.ref, about: well.label },
      evenBetterIf: { text: answer.evenBetterIf.text, ref: answer.evenBetterIf.ref, about: better.label },
      qaSection: better.section ?? well.section,
      hidden: false,
      at: this.deps.clock.now(),
    };
    if (!(await this.deps.store.addReview(review))) return refuse(409, 'You have already sent this review.');
    state.reviews.set(review.requestId, review);
    this.deps.broadcastFor(room.code).toPlayer(request.reviewee as PlayerId, { type: 'feedback', feedback: [this.delivered(room, state, review)!] });
    return { ok: true, value: { requestId: review.requestId } };
  }

  /** The trainer hides (or shows again) a review; the classmate's copy is withdrawn (or restored). */
  async hideReview(room: Room, requestId: string, hidden: boolean): Promise<TeamAnswer<{ requestId: string; hidden: boolean }>> {
    const state = await this.state(room);
    const review = state.reviews.get(requestId);
    if (review === undefined) return refuse(404, 'No such review in this session.');
    await this.deps.store.setHidden(room.code, requestId, hidden);
    const next = { ...review, hidden };
    state.reviews.set(requestId, next);
    const request = state.requests.get(requestId);
    const delivered = this.delivered(room, state, next);
    if (request !== undefined && delivered !== null) this.deps.broadcastFor(room.code).toPlayer(request.reviewee as PlayerId, { type: 'feedback', feedback: [delivered] });
    return { ok: true, value: { requestId, hidden } };
  }

  /** The trainer's GROW coaching note on a trainee's call or session: stored, then delivered. */
  async coach(room: Room, body: CoachingNoteBody): Promise<TeamAnswer<{ noteId: string }>> {
    const state = await this.state(room);
    if (room.nicknameOf(body.playerId) === null) return refuse(404, 'No such player in this session.');
    let about = 'session';
    let aboutLabel = `the session “${room.title}”`;
    if (body.about.kind === 'call') {
      const call = this.calls.get(room.code)?.get(body.about.submissionId);
      if (call === undefined || call.playerId !== body.playerId) return refuse(404, 'That call is not one of this trainee’s calls in the session.');
      about = call.submissionId;
      aboutLabel = `the call “${this.scoredCall(room, call.submissionId)?.title ?? call.kpis.scenarioId}”`;
    }
    const note: StoredCoaching = {
      code: room.code,
      noteId: `g${randomFrom(ID_ALPHABET, 12, this.deps.random)}`,
      playerId: body.playerId,
      about,
      aboutLabel,
      goal: body.goal,
      reality: body.reality,
      options: body.options,
      will: body.will,
      qaSection: body.qaSection ?? null,
      at: this.deps.clock.now(),
    };
    await this.deps.store.addCoaching(note);
    state.coaching.push(note);
    this.deps.broadcastFor(room.code).toPlayer(body.playerId, { type: 'feedback', feedback: [coachingFeedback(note)] });
    return { ok: true, value: { noteId: note.noteId } };
  }

  async trainerView(room: Room): Promise<TrainerTeamView> {
    const state = await this.state(room);
    const members = await this.members(room, state);
    const calls = this.currentCalls(room);
    const name = (id: string) => room.nicknameOf(id as PlayerId) ?? '(removed)';
    return {
      settings: state.settings,
      players: room.playerList().map((p) => ({
        playerId: p.playerId,
        nickname: p.nickname,
        team: members[p.playerId] ?? 1,
        teamName: teamName(members[p.playerId] ?? 1),
        calls: calls.filter((c) => c.playerId === p.playerId).map((c) => ({ submissionId: c.submissionId, title: this.scoredCall(room, c.submissionId)?.title ?? c.kpis.scenarioId, composite: callComposite(c.kpis).composite })),
      })),
      openRequests: [...state.requests.values()].filter((r) => !state.reviews.has(r.requestId)).length,
      reviews: [...state.reviews.values()].flatMap((r) => {
        const request = state.requests.get(r.requestId);
        if (request === undefined) return [];
        return [{ requestId: r.requestId, reviewer: name(request.reviewer), reviewee: name(request.reviewee), title: this.scoredCall(room, request.submissionId)?.title ?? '', wentWell: r.wentWell, evenBetterIf: r.evenBetterIf, hidden: r.hidden, at: r.at }];
      }),
      coaching: state.coaching.map((n) => ({ noteId: n.noteId, nickname: name(n.playerId), aboutLabel: n.aboutLabel, goal: n.goal, reality: n.reality, options: n.options, will: n.will, at: n.at })),
    };
  }

  async debrief(room: Room): Promise<TeamDebrief> {
    const board = await this.board(room);
    const scored = this.currentCalls(room).flatMap((c) => {
      const s = this.scoredCall(room, c.submissionId);
      return s === null ? [] : [{ card: s.card, composite: s.composite }];
    });
    return { teams: board.teams, behaviours: teamBehaviours(scored) };
  }

  private state(room: Room): Promise<TeamState> {
    let state = this.states.get(room.code);
    if (state === undefined) {
      state = this.deps.store.load(room.code).then((s) => ({
        settings: s.settings ?? DEFAULT_TEAM_SETTINGS,
        members: { ...s.members },
        requests: new Map(s.requests.map((r) => [r.requestId, r])),
        reviews: new Map(s.reviews.map((r) => [r.requestId, r])),
        coaching: [...s.coaching],
      }));
      state.catch(() => this.states.delete(room.code));
      this.states.set(room.code, state);
    }
    return state;
  }

  private playerIds(room: Room): string[] {
    return room.playerList().map((p) => p.playerId);
  }

  /** Teams for the players now in the room; newcomers are placed and stored before anyone sees them. */
  private async members(room: Room, state: TeamState): Promise<Record<string, number>> {
    const ids = this.playerIds(room);
    const members = assignTeams(ids, state.members, state.settings.teams);
    if (ids.some((id) => state.members[id] !== members[id])) {
      await this.deps.store.saveSettings(room.code, state.settings, { ...state.members, ...members });
      state.members = { ...state.members, ...members };
    }
    return members;
  }

  private currentCalls(room: Room): TeamCall[] {
    const present = new Set(this.playerIds(room));
    return [...(this.calls.get(room.code)?.values() ?? [])].filter((c) => present.has(c.playerId));
  }

  private scoredCall(room: Room, submissionId: string): ScoredCall | null {
    let held = this.scored.get(room.code);
    if (held === undefined) this.scored.set(room.code, (held = new Map()));
    const known = held.get(submissionId);
    if (known !== undefined) return known;
    const call = this.calls.get(room.code)?.get(submissionId);
    const def = call === undefined ? undefined : room.definitions.get(call.run.scenarioHash);
    const result = call === undefined || def === undefined ? null : scoreRun(def, call.run);
    const scored = result?.ok === true ? { card: result.scorecard, transcript: result.transcript, composite: callComposite(call!.kpis).composite, title: def!.scenario.title } : null;
    held.set(submissionId, scored);
    return scored;
  }

  private requestView(room: Room, state: TeamState, r: StoredReviewRequest): ReviewRequest | null {
    const scored = this.scoredCall(room, r.submissionId);
    if (scored === null) return null;
    return reviewRequest(r.requestId, state.settings.names === 'shown' ? room.nicknameOf(r.reviewee as PlayerId) : null, scored);
  }

  private delivered(room: Room, state: TeamState, review: StoredReview): DeliveredFeedback | null {
    const request = state.requests.get(review.requestId);
    return request === undefined ? null : reviewFeedback(review, this.reviewerName(room, state, request.reviewer));
  }

  private feedbackFor(room: Room, state: TeamState, playerId: string): DeliveredFeedback[] {
    return feedbackOf(playerId, state, (reviewer) => this.reviewerName(room, state, reviewer));
  }

  private reviewerName(room: Room, state: TeamState, reviewer: string): string {
    return state.settings.names === 'shown' ? (room.nicknameOf(reviewer as PlayerId) ?? '') : '';
  }

  private schedulePush(code: string): void {
    if (this.timers.has(code)) return;
    const cancel = this.deps.clock.later(() => {
      this.timers.delete(code);
      const room = this.lookup(code);
      if (room === undefined || room.deleted) return;
      this.board(room)
        .then((board) => this.deps.broadcastFor(code).toAll({ type: 'team', board }))
        .catch((error: unknown) => console.error('team wallboard push failed:', (error as Error).message));
    }, this.deps.pushIntervalMs ?? 250);
    this.timers.set(code, cancel);
  }
}
