/** Prometheus durations (`model.ParseDuration`): units y w d h m s ms, largest first, each at most once. */

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Milliseconds of a Prometheus duration, or undefined when Prometheus would refuse it. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  // Bounded: a duration is short; a 10 KB "duration" is refused without running the pattern on it.
  if (text === '' || text.length > 64) return undefined;
  const match = DURATION.exec(text);
  if (!match) return undefined;
  let total = 0;
  for (let i = 0; i < UNIT_MS.length; i++) if (match[i + 1] !== undefined) total += Number(match[i + 1]) * UNIT_MS[i]!;
  return total;
}

/** Why a value is not a duration, phrased for a message, or undefined when it is one. */
export function durationProblem(value: unknown): string | undefined {
  if (typeof value === 'number') return `${value} has no unit: write ${value}s (Prometheus durations need a unit: ms, s, m, h, d, w, y)`;
  if (typeof value !== 'string') return `a duration must be a string like 30s or 1h30m`;
  if (parseDuration(value) !== undefined) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return `"${value}" has no unit: write ${value}s (units: ms, s, m, h, d, w, y)`;
  if (/\d+\.\d+/.test(value)) return `"${value}" has a fraction: Prometheus durations are whole numbers of units (write 90s, not 1.5m)`;
  return `"${value}" is not a Prometheus duration: use whole numbers with units from largest to smallest, like 30s, 5m or 1h30m`;
}
