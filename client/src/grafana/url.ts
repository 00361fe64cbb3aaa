/**
 * Grafana links: a dashboard with the service's variable set, or Explore with the service's
 * queries. Pure; every part is URL-encoded and only http/https base URLs are accepted.
 */

export type BaseUrlCheck = { ok: true; base: string } | { ok: false; reason: string };

/** Accepts `http(s)://host[:port][/path]` only (no `command:`, `javascript:`, `file:`…); drops query, hash and trailing slashes. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: `"${raw}" is not a URL; set biomeManifests.grafana.url to something like http://localhost:3000` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `the Grafana URL uses "${url.protocol}", but only http: and https: links are opened` };
  }
  if (url.username || url.password) return { ok: false, reason: 'the Grafana URL must not contain a user name or password' };
  return { ok: true, base: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** True when a finished link may be handed to the browser. */
export function isOpenableUrl(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface DashboardLink {
  base: string;
  uid: string;
  variable: string;
  value: string;
  orgId: number;
}

export function dashboardUrl(link: DashboardLink): string {
  const e = encodeURIComponent;
  return `${link.base}/d/${e(link.uid)}?var-${e(link.variable)}=${e(link.value)}&from=now-1h&to=now&orgId=${e(String(link.orgId))}`;
}

/** A PromQL string literal: `"` and `\` escaped. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The Explore queries for a job: is it up, and its request rate. */
export function exploreQueries(job: string): { refId: string; expr: string }[] {
  const selector = `{job=${promString(job)}}`;
  return [
    { refId: 'A', expr: `up${selector}` },
    { refId: 'B', expr: `sum(rate(http_requests_total${selector}[5m]))` },
  ];
}

export interface ExploreLink {
  base: string;
  job: string;
  orgId: number;
  /** `panes` (Grafana ≥ 10.2, `schemaVersion=1`) or `legacy` (`left=`). */
  format: 'panes' | 'legacy';
  /** UID (or name) of the datasource; undefined: Grafana's default. */
  datasource?: string | undefined;
}

/** Explore with one rule's expression: the expr's value as YAML reads it, sent as the query. */
export interface RuleExploreLink extends Omit<ExploreLink, 'job'> {
  expr: string;
}

interface ExploreQuery {
  refId: string;
  expr: string;
  datasource?: { uid: string };
}

/**
 * The Explore URL of `queries`. Grafana reads `panes` (and `left`) with JSON.parse after URL-decoding, so the JSON
 * is built by JSON.stringify and the whole parameter URL-encoded: quotes, braces, `&`, `#` and newlines survive.
 */
function exploreWith(link: Omit<ExploreLink, 'job'>, queries: ExploreQuery[]): string {
  const e = encodeURIComponent;
  const range = { from: 'now-1h', to: 'now' };
  const datasource = link.datasource?.trim() || undefined;
  // A pane without a datasource opens on Grafana's default one; with it, each query names it too (Grafana ≥ 10).
  const pane = datasource ? { datasource, queries: queries.map((q) => ({ ...q, datasource: { uid: datasource } })), range } : { queries, range };
  const org = `orgId=${e(String(link.orgId))}`;
  if (link.format === 'legacy') return `${link.base}/explore?${org}&left=${e(JSON.stringify(pane))}`;
  return `${link.base}/explore?schemaVersion=1&panes=${e(JSON.stringify({ a: pane }))}&${org}`;
}

export function exploreUrl(link: ExploreLink): string {
  return exploreWith(link, exploreQueries(link.job));
}

export function ruleExploreUrl(link: RuleExploreLink): string {
  return exploreWith(link, [{ refId: 'A', expr: link.expr }]);
}
