/**
 * PromQL function and aggregation signatures (prometheus/promql/parser/functions.go, Prometheus 3.x): argument
 * types as letters — v instant vector, m range vector, s scalar, S string — a trailing `?` marks the last argument
 * optional, `*` repeats it. Used for the checks that are certain: argument count and the vector/range/scalar kind.
 */

export type ValueType = 'v' | 'm' | 's' | 'S';

export interface Signature {
  args: ValueType[];
  /** Arguments that may be left out at the end. */
  optional: number;
  variadic: boolean;
  returns: ValueType;
}

const RANGE_TO_VECTOR =
  'rate irate increase delta idelta deriv changes resets absent_over_time present_over_time avg_over_time min_over_time max_over_time sum_over_time count_over_time stddev_over_time stdvar_over_time last_over_time first_over_time mad_over_time ts_of_min_over_time ts_of_max_over_time ts_of_last_over_time ts_of_first_over_time';
const VECTOR_TO_VECTOR =
  'abs absent ceil exp floor ln log2 log10 sqrt sgn sort sort_desc timestamp histogram_count histogram_sum histogram_avg histogram_stddev histogram_stdvar acos acosh asin asinh atan atanh cos cosh sin sinh tan tanh deg rad';
const OPTIONAL_VECTOR = 'day_of_month day_of_week day_of_year days_in_month hour minute month year';
const OTHERS: Record<string, string> = {
  scalar: 'v>s',
  vector: 's',
  time: '>s',
  pi: '>s',
  round: 'vs?',
  clamp: 'vss',
  clamp_max: 'vs',
  clamp_min: 'vs',
  histogram_quantile: 'sv',
  histogram_fraction: 'ssv',
  quantile_over_time: 'sm',
  predict_linear: 'ms',
  holt_winters: 'mss',
  double_exponential_smoothing: 'mss',
  label_replace: 'vSSSS',
  label_join: 'vSSS*',
  sort_by_label: 'vS*',
  sort_by_label_desc: 'vS*',
  info: 'vv?',
};

function parse(spec: string): Signature {
  const [argText = '', returns = 'v'] = spec.split('>');
  const variadic = argText.endsWith('*');
  const optional = argText.endsWith('?') ? 1 : 0;
  const args = [...argText.replace(/[?*]$/, '')] as ValueType[];
  return { args, optional, variadic, returns: returns as ValueType };
}

export const FUNCTIONS: ReadonlyMap<string, Signature> = new Map([
  ...RANGE_TO_VECTOR.split(' ').map((name) => [name, parse('m')] as const),
  ...VECTOR_TO_VECTOR.split(' ').map((name) => [name, parse('v')] as const),
  ...OPTIONAL_VECTOR.split(' ').map((name) => [name, parse('v?')] as const),
  ...Object.entries(OTHERS).map(([name, spec]) => [name, parse(spec)] as const),
]);

/** Aggregations taking a parameter before the vector (`topk(3, x)`), and its type. */
export const AGGREGATION_PARAMETER: Readonly<Record<string, ValueType>> = {
  topk: 's',
  bottomk: 's',
  limitk: 's',
  limit_ratio: 's',
  quantile: 's',
  count_values: 'S',
};

export const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  v: 'instant vector',
  m: 'range vector',
  s: 'scalar',
  S: 'string',
};
