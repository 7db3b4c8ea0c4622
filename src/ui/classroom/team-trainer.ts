/**
 * The trainer's team panel: team mode on or off, teams in the class, the leaderboard shown or not,
 * names in peer reviews, the huddle's targets; the class's wallboard; peer reviews asked for, read
 * and hidden; GROW coaching notes on a trainee's call or session. Everything typed is checked with
 * the shared schemas before it is sent, and every name and comment is shown as text.
 */
import type { TeamRequests } from '../../core/ports/team-requests.ts';
import { QA_SECTIONS, QA_SECTION_KEYS } from '../../core/model/qa-sections.ts';
import { FOCUS_POINTS, FOCUS_KEYS } from '../../core/shift/shift-plan.ts';
import { CoachingNoteBodySchema, MAX_GROW_TEXT, MAX_TEAMS, TeamSettingsSchema, type TeamBoard, type TeamSettings, type TrainerTeamView } from '../../shared/team-messages.ts';

import { el, showError } from './classroom-dom.ts';
import { renderTeamBoard } from './team-board-view.ts';

const REFRESH_MS = 5000;

function field(label: string, input: HTMLElement): HTMLElement {
  const wrap = el('label', { class: 'block' });
  wrap.append(`${label} `, input);
  return wrap;
}

const numberInput = (id: string, min: number, max: number) => el('input', { id, type: 'number', min: String(min), max: String(max), step: '1', required: '' });

export interface TeamTrainer {
  board(board: TeamBoard): void;
  refresh(): void;
}

export function mountTeamTrainer(root: HTMLElement, code: string, key: string, api: TeamRequests): TeamTrainer {
  const base = `/api/sessions/${code}/team`;
  const error = el('p', { class: 'error', role: 'alert', id: 'team-error' });
  error.hidden = true;
  const fail = (e: unknown) => showError(error, e);

  // Settings.
  const teamMode = el('input', { id: 'team-mode', type: 'checkbox' });
  const teams = numberInput('team-count', 1, MAX_TEAMS);
  const showBoard = el('input', { id: 'show-leaderboard', type: 'checkbox' });
  const names = el('select', { id: 'review-names' });
  names.append(el('option', { value: 'hidden' }, 'Hidden (anonymous)'), el('option', { value: 'shown' }, 'Shown'));
  const sl = numberInput('huddle-sl', 1, 99);
  const slSeconds = numberInput('huddle-seconds', 1, 600);
  const aht = numberInput('huddle-aht', 30, 3600);
  const fcr = numberInput('huddle-fcr', 0, 100);
  const qa = numberInput('huddle-qa', 0, 100);
  const csat = numberInput('huddle-csat', 0, 100);
  const focus = el('select', { id: 'huddle-focus' });
  for (const k of FOCUS_KEYS) focus.append(el('option', { value: k }, FOCUS_POINTS[k].label));
  const save = el('button', { type: 'submit', id: 'save-team' }, 'Save team settings');
  const saved = el('span', { role: 'status', id: 'team-saved' });
  const form = el('form', { 'aria-labelledby': 'team-settings-title' });
  const checkLabel = (box: HTMLInputElement, text: string) => {
    const l = el('label', { class: 'block' });
    l.append(box, ` ${text}`);
    return l;
  };
  const huddle = el('fieldset');
  huddle.append(el('legend', {}, 'Huddle: the team’s targets'), field('Service level %', sl), field('answered within (s)', slSeconds), field('AHT target (s)', aht), field('FCR %', fcr), field('QA %', qa), field('CSAT 4-5 ★ %', csat), field('Focus point', focus));
  form.append(el('h3', { id: 'team-settings-title' }, 'Team settings'), checkLabel(teamMode, 'Run this session as one team (the projector shows the shared wallboard)'), field('Teams in the class', teams), checkLabel(showBoard, 'Show the individual leaderboard'), field('Names in peer reviews', names), huddle, save, saved);
  const fill = (s: TeamSettings) => {
    teamMode.checked = s.teamMode;
    teams.value = String(s.teams);
    showBoard.checked = s.showLeaderboard;
    names.value = s.names;
    sl.value = String(s.huddle.serviceLevel.percent);
    slSeconds.value = String(s.huddle.serviceLevel.seconds);
    aht.value = String(s.huddle.ahtSeconds);
    fcr.value = String(s.huddle.fcrPercent);
    qa.value = String(s.huddle.qaPercent);
    csat.value = String(s.huddle.csatPercent);
    focus.value = s.huddle.focus;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    const settings = TeamSettingsSchema.safeParse({
      teamMode: teamMode.checked, teams: Number(teams.value), showLeaderboard: showBoard.checked, names: names.value,
      huddle: { serviceLevel: { percent: Number(sl.value), seconds: Number(slSeconds.value) }, ahtSeconds: Number(aht.value), fcrPercent: Number(fcr.value), qaPercent: Number(qa.value), csatPercent: Number(csat.value), focus: focus.value },
    });
    if (!settings.success) return fail(new Error(`Check the team settings: ${settings.error.issues.map((i) => `${i.path.join(' ')} ${i.message}`).join('; ')}`));
    api.post(`${base}/settings`, settings.data, key).then(() => { saved.textContent = ' Saved.'; refresh(); }, fail);
  });

  // Wallboard and members.
  const boardBox = el('div', { id: 'trainer-team-board' });
  const members = el('ul', { id: 'team-members' });

  // Peer review.
  const ask = el('button', { type: 'button', id: 'ask-reviews' }, 'Ask each trainee to review a classmate’s call');
  const asked = el('p', { role: 'status', id: 'reviews-status' });
  const reviews = el('div', { id: 'reviews' });
  ask.addEventListener('click', () => {
    error.hidden = true;
    api.post(`${base}/reviews/ask`, {}, key).then((r) => { asked.textContent = `${(r as { asked: number }).asked} review(s) asked for.`; refresh(); }, fail);
  });

  // GROW coaching.
  const player = el('select', { id: 'coach-player' });
  const about = el('select', { id: 'coach-about' });
  const grow = { goal: el('textarea', { id: 'grow-goal', rows: '2', maxlength: String(MAX_GROW_TEXT) }), reality: el('textarea', { id: 'grow-reality', rows: '2', maxlength: String(MAX_GROW_TEXT) }), options: el('textarea', { id: 'grow-options', rows: '2', maxlength: String(MAX_GROW_TEXT) }), will: el('textarea', { id: 'grow-will', rows: '2', maxlength: String(MAX_GROW_TEXT) }) };
  const section = el('select', { id: 'coach-section' });
  section.append(el('option', { value: '' }, 'Not about one area'));
  for (const k of QA_SECTION_KEYS) section.append(el('option', { value: k }, QA_SECTIONS[k].label));
  const coachDone = el('p', { role: 'status', id: 'coach-status' });
  const coachForm = el('form', { 'aria-labelledby': 'coach-title' });
  coachForm.append(el('h3', { id: 'coach-title' }, 'Coaching note (GROW)'), field('Trainee', player), field('About', about),
    field('Goal — what do they want to achieve?', grow.goal), field('Reality — what happened on the call?', grow.reality), field('Options — what could they try?', grow.options), field('Will — what will they do next, and when?', grow.will),
    field('QA area it is about', section), el('button', { type: 'submit', id: 'send-coaching' }, 'Send coaching note'), coachDone);
  let view: TrainerTeamView | null = null;
  const fillAbout = () => {
    const p = view?.players.find((x) => x.playerId === player.value);
    const keep = about.value;
    about.replaceChildren(el('option', { value: 'session' }, 'Their whole session'), ...(p?.calls ?? []).map((c, i) => el('option', { value: c.submissionId }, `Call ${i + 1}: ${c.title} (score ${c.composite})`)));
    if ([...about.options].some((o) => o.value === keep)) about.value = keep;
  };
  player.addEventListener('change', fillAbout);
  coachForm.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = CoachingNoteBodySchema.safeParse({
      playerId: player.value, about: about.value === 'session' ? { kind: 'session' } : { kind: 'call', submissionId: about.value },
      goal: grow.goal.value, reality: grow.reality.value, options: grow.options.value, will: grow.will.value, ...(section.value === '' ? {} : { qaSection: section.value }),
    });
    if (!body.success) return fail(new Error(`Check the coaching note: ${body.error.issues.map((i) => `${i.path.join(' ')} ${i.message}`).join('; ')}`));
    api.post(`${base}/coaching`, body.data, key).then(() => {
      coachDone.textContent = `Coaching note sent to ${player.selectedOptions[0]?.textContent ?? 'the trainee'}.`;
      for (const t of Object.values(grow)) t.value = '';
      refresh();
    }, fail);
  });

  function renderView(v: TrainerTeamView): void {
    view = v;
    if (document.activeElement === null || !form.contains(document.activeElement)) fill(v.settings);
    members.replaceChildren(...v.players.map((p) => el('li', {}, `${p.nickname} — ${p.teamName} · ${p.calls.length} call(s)`)));
    const keep = player.value;
    player.replaceChildren(...v.players.map((p) => el('option', { value: p.playerId }, p.nickname)));
    if ([...player.options].some((o) => o.value === keep)) player.value = keep;
    fillAbout();
    const items = v.reviews.map((r) => {
      const item = el('div', { class: `review-item${r.hidden ? ' hidden-review' : ''}`, 'data-review': r.requestId });
      item.append(el('strong', {}, `${r.reviewer} reviewed ${r.reviewee}’s call “${r.title}”${r.hidden ? ' (hidden)' : ''}`),
        el('p', {}, `What went well (${r.wentWell.about}): ${r.wentWell.text}`), el('p', {}, `Even better if (${r.evenBetterIf.about}): ${r.evenBetterIf.text}`));
      const toggle = el('button', { type: 'button', class: r.hidden ? '' : 'danger' }, r.hidden ? 'Show again' : 'Hide');
      toggle.addEventListener('click', () => api.post(`${base}/reviews/${r.requestId}/hide`, { hidden: !r.hidden }, key).then(refresh, fail));
      item.append(toggle);
      return item;
    });
    reviews.replaceChildren(el('p', { class: 'muted' }, `${v.reviews.length} review(s) sent, ${v.openRequests} still to come.`), ...items);
  }

  function refresh(): void {
    api.get(`${base}/trainer`, key).then((v) => renderView(v as TrainerTeamView), fail);
  }

  const panel = el('section', { class: 'team-panel', 'aria-labelledby': 'team-title' });
  panel.append(el('h2', { id: 'team-title' }, 'Team mode, peer review and coaching'), error, form, el('h3', {}, 'The class’s wallboard'), boardBox, el('h3', {}, 'Teams'), members,
    el('h3', {}, 'Peer review'), el('p', { class: 'muted' }, 'Each trainee with a finished call is asked to review the latest call of the next classmate: what went well and one “even better if”, each tied to a QA item or key moment. Hide a review to withdraw it from the trainee’s plan.'), ask, asked, reviews, coachForm);
  root.replaceChildren(panel);
  refresh();
  setInterval(refresh, REFRESH_MS);
  return {
    board: (b) => renderTeamBoard(boardBox, b),
    refresh,
  };
}
