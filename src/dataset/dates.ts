/**
 * Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the dataset writes them.
 * The schema's pattern accepts 2023-02-30; these helpers catch what a
 * regular expression cannot: days that do not exist and dates in the future.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when the text is a partial date naming a day, month or year that exists. */
export function isRealDate(text: string): boolean {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * True when a partial date starts after `today` (YYYY-MM-DD). A partial date
 * is compared by its first day: "2026-11" is not in the future on 2026-11-25.
 */
export function isAfter(partial: string, today: string): boolean {
  return partial > today.slice(0, partial.length);
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
