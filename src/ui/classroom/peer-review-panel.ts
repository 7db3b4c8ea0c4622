/**
 * A trainee asked to review a classmate's call: the call's headline figures and transcript, then
 * what went well and one "even better if", each tied to one of the call's QA items or key moments.
 * Checked before sending (the same schema the server uses); a refusal is shown and the text stays.
 */
import { ReviewAnswerSchema, MAX_REVIEW_TEXT, type ReviewAnswer, type ReviewRequest } from '../../shared/team-messages.ts';
import { el } from './classroom-dom.ts';

const SPEAKERS: Readonly<Record<string, string>> = Object.freeze({ agent: 'Agent', customer: 'Caller', narration: '' });

export function peerReviewPanel(request: ReviewRequest, send: (answer: ReviewAnswer) => Promise<string | null>, done: () => void): HTMLElement {
  const id = (n: string) => `review-${request.requestId}-${n}`;
  const panel = el('section', { class: 'peer-review', 'aria-labelledby': id('title'), 'data-request': request.requestId });
  const c = request.scorecard;
  const transcript = el('ol', { class: 'transcript' });
  for (const t of request.transcript) {
    const li = el('li');
    if (SPEAKERS[t.speaker] !== '') li.append(el('span', { class: 'speaker' }, `${SPEAKERS[t.speaker] ?? t.speaker}: `));
    li.append(t.speaker === 'narration' ? el('em', {}, t.text) : document.createTextNode(t.text));
    transcript.append(li);
  }
  const details = el('details');
  details.append(el('summary', {}, `Transcript (${request.transcript.length} turns)`), transcript);
  const choice = (n: string) => {
    const select = el('select', { id: id(`${n}-ref`) });
    select.append(el('option', { value: '' }, 'Choose the QA item or key moment it is about'));
    request.choices.forEach((ch, i) => select.append(el('option', { value: String(i) }, ch.label)));
    return select;
  };
  const wellText = el('textarea', { id: id('well'), rows: '2', maxlength: String(MAX_REVIEW_TEXT) });
  const wellRef = choice('well');
  const betterText = el('textarea', { id: id('better'), rows: '2', maxlength: String(MAX_REVIEW_TEXT) });
  const betterRef = choice('better');
  const errors = el('p', { class: 'error', role: 'alert' });
  errors.hidden = true;
  const label = (forId: string, text: string) => el('label', { class: 'block', for: forId }, text);
  const form = el('form');
  form.append(
    label(id('well'), 'What went well'), wellText, label(id('well-ref'), 'It is about'), wellRef,
    label(id('better'), 'Even better if…'), betterText, label(id('better-ref'), 'It is about'), betterRef,
    errors, el('button', { type: 'submit' }, 'Send my review'),
  );
  form.addEventListener('input', () => (errors.hidden = true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.hidden = true;
    const ref = (s: HTMLSelectElement) => request.choices[Number(s.value)]?.ref;
    const parsed = ReviewAnswerSchema.safeParse({ requestId: request.requestId, wentWell: { text: wellText.value, ref: wellRef.value === '' ? undefined : ref(wellRef) }, evenBetterIf: { text: betterText.value, ref: betterRef.value === '' ? undefined : ref(betterRef) } });
    if (!parsed.success) {
      errors.textContent = parsed.error.issues.map((i) => `${i.path[0] === 'wentWell' ? 'What went well' : 'Even better if'}: ${i.path.includes('ref') ? 'choose what it is about' : i.message}`).join('\n');
      errors.hidden = false;
      return;
    }
    void send(parsed.data).then((problem) => {
      if (problem === null) return done();
      errors.textContent = problem;
      errors.hidden = false;
    });
  });
  panel.append(
    el('h2', { id: id('title') }, request.callOf === null ? 'Review a classmate’s call' : `Review ${request.callOf}’s call`),
    el('p', {}, `“${request.scenarioTitle}” — QA ${c.qa}% · FCR ${c.fcr} · CSAT ${c.csatStars}★ · handle time ${c.ahtSeconds} s (target ${c.ahtTarget} s). ${c.outcome}`),
    details, form,
  );
  return panel;
}
