/**
 * Grafana dashboard JSON files in the workspace: recognised by name (`*.json`) and content (`schemaVersion` with
 * `panels` or the old `rows`), read only up to a bound, and walked for the PromQL of their panels' targets. Only
 * those files are indexed: every other `.json` (package.json, tsconfig.json…) stays out of the manifests.
 */

export const JSON_FILE = /\.json$/i;

/** Over this a `.json` file is not read as a dashboard (large exported dashboards are a few hundred KB). */
export const MAX_DASHBOARD_BYTES = 5 * 1024 * 1024;

/** A cheap look at the text before any parse: an object with the two keys every dashboard export has. */
export function looksLikeDashboard(text: string): boolean {
  return text.trimStart().startsWith('{') && /"schemaVersion"\s*:/.test(text) && /"(?:panels|rows)"\s*:/.test(text);
}

/**
 * Whether an editor's text of a `.json` file is to be left alone: not a dashboard, or over the dashboard bound.
 * Only dashboards are checked as typed; package.json and the like get nothing from this server.
 */
export function isOtherJson(fileName: string, text: string): boolean {
  return JSON_FILE.test(fileName) && (text.length > MAX_DASHBOARD_BYTES || !looksLikeDashboard(text));
}

/** Whether a parsed document (a `.json` file's map) is a dashboard: `schemaVersion` and a list of `panels` or `rows`. */
export function isDashboard(fileName: string, has: (key: string) => boolean, isList: (key: string) => boolean): boolean {
  return JSON_FILE.test(fileName) && has('schemaVersion') && (isList('panels') || isList('rows'));
}

export interface DashboardQuery {
  /** The panel's title, or `#n` by position. */
  panel: string;
  expr: string;
  /** Path of the `expr` value in the dashboard. */
  path: (string | number)[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type of a datasource reference: `{ type: 'loki' }`; a bare name or a variable says nothing (undefined). */
function datasourceType(datasource: unknown): string | undefined {
  return isRecord(datasource) && typeof datasource['type'] === 'string' ? datasource['type'] : undefined;
}

const MAX_PANEL_DEPTH = 8;

/**
 * The PromQL queries of a dashboard: every `targets[].expr` of its panels, of panels nested in rows (collapsed rows
 * keep theirs in `panels`) and of the old `rows[].panels`. Targets of another datasource type (Loki, Tempo…) are left
 * out; a target without a type inherits its panel's.
 */
export function dashboardQueries(dashboard: unknown): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  const visitPanels = (panels: unknown, path: (string | number)[], depth: number): void => {
    if (!Array.isArray(panels) || depth > MAX_PANEL_DEPTH) return;
    panels.forEach((panel: unknown, i) => {
      if (!isRecord(panel)) return;
      const here = [...path, i];
      const title = typeof panel['title'] === 'string' && panel['title'] !== '' ? panel['title'] : `#${i + 1}`;
      const panelType = datasourceType(panel['datasource']);
      const targets = Array.isArray(panel['targets']) ? panel['targets'] : [];
      targets.forEach((target: unknown, t) => {
        if (!isRecord(target) || typeof target['expr'] !== 'string') return;
        const type = datasourceType(target['datasource']) ?? panelType;
        if (type !== undefined && type !== 'prometheus') return;
        out.push({ panel: title, expr: target['expr'], path: [...here, 'targets', t, 'expr'] });
      });
      visitPanels(panel['panels'], [...here, 'panels'], depth + 1);
    });
  };
  if (!isRecord(dashboard)) return out;
  visitPanels(dashboard['panels'], ['panels'], 0);
  if (Array.isArray(dashboard['rows'])) dashboard['rows'].forEach((row: unknown, r) => isRecord(row) && visitPanels(row['panels'], ['rows', r, 'panels'], 1));
  return out;
}
