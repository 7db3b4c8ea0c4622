/** How numbers are written on the screens. Pure, so the end-to-end tests format the core's numbers the same way. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatStars(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

export function formatPercent(score: number): string {
  return `${Math.round(score)}%`;
}

export function moodWord(mood: number): string {
  if (mood <= -4) return 'furious';
  if (mood <= -2) return 'annoyed';
  if (mood < 0) return 'uneasy';
  if (mood === 0) return 'neutral';
  if (mood <= 2) return 'warming';
  return 'happy';
}

export const FCR_LABELS = Object.freeze({ yes: 'Resolved first time', no: 'Not resolved first time', excluded: 'Excluded from FCR' } as const);
