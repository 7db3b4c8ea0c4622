/**
 * The one CSV writer of every export (a trainee's runs, a class's debrief): RFC 4180 rows ended by
 * CRLF; text cells always quoted, with quotes doubled; numbers bare. A text cell that starts with
 * = + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
 * and never runs it as a formula (a nickname like =HYPERLINK(...) stays harmless).
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A header row and data rows as one CSV text. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
