/**
 * Alertmanager time interval values, as `timeinterval` parses them: weekdays and months by name (any case) or
 * number, ranges `start:end` in order, days of the month 1..31 or -31..-1, times HH:MM (24:00 allowed), IANA zones.
 * Each returns what is wrong with one item, or undefined.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const INTEGER = /^[+-]?\d{1,9}$/;

type Parse = (part: string) => number | string;

/** Parses `a` or `a:b` with `parse` (a number, or a message); a range must not end before it starts. */
function range(item: string, parse: Parse, order: (start: number, end: number) => string | undefined): string | undefined {
  const parts = item.split(':');
  if (parts.length > 2) return `"${item}" is not a value or a start:end range`;
  const values = parts.map(parse);
  const bad = values.find((v) => typeof v === 'string');
  if (typeof bad === 'string') return bad;
  const [start, end] = values as number[];
  return end === undefined ? undefined : order(start!, end);
}

function byName(names: string[], what: string, numbers: boolean): Parse {
  return (part) => {
    const index = names.indexOf(part.toLowerCase());
    if (index >= 0) return index;
    if (numbers && INTEGER.test(part)) return Number(part) - 1;
    return `${part} is not a valid ${what} (write the full name${numbers ? ' or its number' : ''}, such as ${names[1]})`;
  };
}

const inOrder = (what: string) => (start: number, end: number) => (end < start ? `the range ends before it starts (${what})` : undefined);

export function weekdayProblem(item: string): string | undefined {
  return range(item, byName(WEEKDAYS, 'weekday', false), inOrder('weekdays'));
}

export function monthProblem(item: string): string | undefined {
  return range(item, byName(MONTHS, 'month', true), inOrder('months'));
}

function dayOfMonth(part: string): number | string {
  if (!INTEGER.test(part)) return `${part} is not a day of the month (1 to 31, or -31 to -1 from the end)`;
  const day = Number(part);
  return day === 0 || day < -31 || day > 31 ? `${part} is not a valid day of the month: out of range (1 to 31, or -31 to -1)` : day;
}

export function dayOfMonthProblem(item: string): string | undefined {
  return range(item, dayOfMonth, (start, end) => {
    if (start < 0 && end > 0) return 'a range starting from the end (negative) must end with a negative day too';
    if (Math.sign(start) === Math.sign(end) && end < start) return `the range ends before it starts (day ${end} is before day ${start})`;
    return undefined;
  });
}

export function yearProblem(item: string): string | undefined {
  return range(item, (part) => (INTEGER.test(part) ? Number(part) : `${part} is not a year`), inOrder('years'));
}

export function timeOfDayProblem(value: string): string | undefined {
  return TIME.test(value) ? undefined : `${value} is not a time of day as HH:MM (two digits each, 00:00 to 24:00)`;
}

/** Minutes since midnight of a valid HH:MM. */
export function minutesOf(value: string): number {
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

export function locationProblem(value: string): string | undefined {
  if (value === 'Local' || value === 'UTC' || value === '') return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    // ICU ignores case, Go's zone files do not: `europe/berlin` resolves to Europe/Berlin here and fails there.
    return resolved !== value && resolved.toLowerCase() === value.toLowerCase()
      ? `${value} is not a known time zone: zone names are case-sensitive, write ${resolved}`
      : undefined;
  } catch {
    return `${value} is not a known time zone (an IANA name such as Europe/Berlin or America/New_York)`;
  }
}
