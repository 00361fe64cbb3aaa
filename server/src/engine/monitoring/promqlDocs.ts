/**
 * One-line documentation of the PromQL functions and aggregation operators (after prometheus.io's "Query functions"
 * and "Operators" pages, Prometheus 3.x), for hover and completion. Signatures come from promqlFunctions.ts.
 */
import { FUNCTIONS, TYPE_NAMES, AGGREGATION_PARAMETER, type Signature } from './promqlFunctions';

const FUNCTION_DOCS: Readonly<Record<string, string>> = {
  abs: 'Absolute value of every sample.',
  absent: 'A 1-element vector with value 1 if the vector has no elements, else empty: alert on a missing series.',
  absent_over_time: 'A 1-element vector with value 1 if the range vector has no samples, else empty.',
  ceil: 'Rounds every sample up to the nearest integer.',
  changes: 'How many times the value of each series changed within the range.',
  clamp: 'Clamps every sample between a minimum and a maximum.',
  clamp_max: 'Clamps every sample to an upper limit.',
  clamp_min: 'Clamps every sample to a lower limit.',
  day_of_month: 'Day of the month (1–31) of each sample value as a UTC timestamp (default: the evaluation time).',
  day_of_week: 'Day of the week (0 = Sunday) of each sample value as a UTC timestamp.',
  day_of_year: 'Day of the year (1–366) of each sample value as a UTC timestamp.',
  days_in_month: 'Number of days in the month of each sample value as a UTC timestamp.',
  delta: 'Difference between the first and last value of each series in the range (for gauges).',
  deriv: 'Per-second derivative of each series over the range, by simple linear regression (for gauges).',
  double_exponential_smoothing: 'Smoothed value of each series by double exponential smoothing (experimental; was holt_winters).',
  exp: 'e raised to the power of every sample.',
  floor: 'Rounds every sample down to the nearest integer.',
  histogram_avg: 'Arithmetic average of the observations in each native histogram.',
  histogram_count: 'Count of observations in each native histogram.',
  histogram_fraction: 'Estimated fraction of observations between two values, for native histograms.',
  histogram_quantile: 'The φ-quantile (0 ≤ φ ≤ 1) from the buckets of a histogram: `histogram_quantile(0.9, rate(x_bucket[5m]))`.',
  histogram_stddev: 'Estimated standard deviation of the observations in each native histogram.',
  histogram_stdvar: 'Estimated standard variance of the observations in each native histogram.',
  histogram_sum: 'Sum of observations in each native histogram.',
  holt_winters: 'Removed in Prometheus 3: use double_exponential_smoothing (behind the promql-experimental-functions flag).',
  hour: 'Hour of the day (0–23) of each sample value as a UTC timestamp.',
  idelta: 'Difference between the last two samples of each series in the range.',
  increase: 'Increase of each counter over the range, extrapolated to its edges; handles counter resets.',
  info: 'Adds labels of matching info metrics (such as target_info) to each series (experimental).',
  irate: 'Per-second rate from the last two samples of each counter in the range: for volatile, fast-moving graphs.',
  label_join: 'Joins the values of source labels with a separator into a destination label.',
  label_replace: 'Writes a label from a regular-expression match on another label: `label_replace(v, dst, replacement, src, regex)`.',
  ln: 'Natural logarithm of every sample.',
  log10: 'Decimal logarithm of every sample.',
  log2: 'Binary logarithm of every sample.',
  minute: 'Minute of the hour (0–59) of each sample value as a UTC timestamp.',
  month: 'Month of the year (1–12) of each sample value as a UTC timestamp.',
  pi: 'The number π.',
  predict_linear: 'Predicted value of each series `t` seconds from now, by simple linear regression over the range.',
  present_over_time: 'The value 1 for every series that has any sample in the range.',
  quantile_over_time: 'The φ-quantile of the values of each series in the range.',
  rate: 'Per-second average rate of increase of each counter over the range; handles counter resets. Use with counters only.',
  resets: 'Number of counter resets of each series within the range.',
  round: 'Rounds every sample to the nearest integer, or to a multiple of the optional second argument.',
  scalar: 'The value of a single-element vector as a scalar (NaN otherwise).',
  sgn: 'The sign of every sample: 1, 0 or -1.',
  sort: 'Sorts the elements by sample value, ascending (instant queries only).',
  sort_by_label: 'Sorts the elements by the given label values, ascending (experimental).',
  sort_by_label_desc: 'Sorts the elements by the given label values, descending (experimental).',
  sort_desc: 'Sorts the elements by sample value, descending (instant queries only).',
  sqrt: 'Square root of every sample.',
  time: 'The evaluation time in seconds since the Unix epoch.',
  timestamp: 'The timestamp of each sample, in seconds since the Unix epoch.',
  vector: 'The scalar as a vector without labels.',
  year: 'The year of each sample value as a UTC timestamp.',
  avg_over_time: 'Average of the values of each series in the range.',
  min_over_time: 'Minimum of the values of each series in the range.',
  max_over_time: 'Maximum of the values of each series in the range.',
  sum_over_time: 'Sum of the values of each series in the range.',
  count_over_time: 'Number of samples of each series in the range.',
  stddev_over_time: 'Population standard deviation of the values of each series in the range.',
  stdvar_over_time: 'Population standard variance of the values of each series in the range.',
  last_over_time: 'The most recent sample of each series in the range.',
  first_over_time: 'The oldest sample of each series in the range (experimental).',
  mad_over_time: 'Median absolute deviation of the values of each series in the range (experimental).',
  ts_of_min_over_time: 'Timestamp of the minimum value of each series in the range (experimental).',
  ts_of_max_over_time: 'Timestamp of the maximum value of each series in the range (experimental).',
  ts_of_last_over_time: 'Timestamp of the last sample of each series in the range (experimental).',
  ts_of_first_over_time: 'Timestamp of the first sample of each series in the range (experimental).',
};

const TRIGONOMETRY = 'acos acosh asin asinh atan atanh cos cosh sin sinh tan tanh';
const ANGLES: Readonly<Record<string, string>> = {
  deg: 'Converts every sample from radians to degrees.',
  rad: 'Converts every sample from degrees to radians.',
};

const AGGREGATION_DOCS: Readonly<Record<string, string>> = {
  sum: 'Sum over dimensions.',
  min: 'Minimum over dimensions.',
  max: 'Maximum over dimensions.',
  avg: 'Average over dimensions.',
  group: 'All values in the resulting vector are 1: which label sets exist.',
  stddev: 'Population standard deviation over dimensions.',
  stdvar: 'Population standard variance over dimensions.',
  count: 'Count of elements in the vector.',
  count_values: 'Count of elements with the same value; the value becomes the given label.',
  bottomk: 'The k smallest elements by sample value.',
  topk: 'The k largest elements by sample value.',
  quantile: 'The φ-quantile (0 ≤ φ ≤ 1) over dimensions.',
  limitk: 'k elements of the vector, chosen deterministically (experimental).',
  limit_ratio: 'A deterministic ratio of the elements of the vector (experimental).',
};

const LETTERS: Readonly<Record<string, string>> = { v: 'instant-vector', m: 'range-vector', s: 'scalar', S: 'string' };

function signatureText(name: string, signature: Signature): string {
  const args = signature.args.map((type, i) => {
    const last = i === signature.args.length - 1;
    const text = LETTERS[type] ?? type;
    return last && signature.optional > 0 ? `[${text}]` : last && signature.variadic ? `${text}…` : text;
  });
  return `${name}(${args.join(', ')}) → ${TYPE_NAMES[signature.returns]}`;
}

export interface PromqlDoc {
  /** `rate(range-vector) → instant vector`, or `sum [by|without (labels)] (instant-vector)`. */
  signature: string;
  summary: string;
  url: string;
}

/** The documentation of a PromQL function or aggregation operator, or undefined for another name. */
export function promqlDoc(name: string): PromqlDoc | undefined {
  const signature = FUNCTIONS.get(name);
  if (signature) {
    const summary =
      FUNCTION_DOCS[name] ?? ANGLES[name] ?? (TRIGONOMETRY.split(' ').includes(name) ? `The ${name} of every sample (trigonometric).` : undefined);
    if (summary === undefined) return undefined;
    return { signature: signatureText(name, signature), summary, url: `https://prometheus.io/docs/prometheus/latest/querying/functions/#${name}` };
  }
  const aggregation = AGGREGATION_DOCS[name];
  if (aggregation === undefined) return undefined;
  const parameter = AGGREGATION_PARAMETER[name];
  const first = parameter ? `${LETTERS[parameter]}, ` : '';
  return {
    signature: `${name} [by|without (labels)] (${first}instant-vector) → instant vector`,
    summary: aggregation,
    url: 'https://prometheus.io/docs/prometheus/latest/querying/operators/#aggregation-operators',
  };
}

/** Every documented function and aggregation name (completion). */
export function promqlNames(): string[] {
  return [...FUNCTIONS.keys(), ...Object.keys(AGGREGATION_DOCS)].filter((name) => promqlDoc(name) !== undefined);
}
