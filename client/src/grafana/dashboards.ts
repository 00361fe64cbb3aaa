/**
 * Finds a Grafana dashboard for services among dashboard JSON files: one with a templating
 * variable named like the service variable (the setting, then `service`, `job`, `app`). Pure.
 */

export interface DashboardFile {
  uri: string;
  text: string;
}

export interface FoundDashboard {
  uid: string;
  title: string | undefined;
  variable: string;
  uri: string;
}

export const FALLBACK_VARIABLES = ['service', 'job', 'app'];

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The dashboard model of a file: the JSON itself, or `{ dashboard: … }` as the HTTP API exports it. */
export function dashboardModel(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = record(parsed);
  const model = record(root?.dashboard) ?? root;
  return model && typeof model.uid === 'string' && model.uid !== '' ? model : undefined;
}

export function variablesOf(model: Record<string, unknown>): string[] {
  const list = record(model.templating)?.list;
  if (!Array.isArray(list)) return [];
  return list.map((v) => record(v)?.name).filter((n): n is string => typeof n === 'string');
}

/** The first dashboard (by preference of variable name, then file path) with a service variable. */
export function findServiceDashboard(files: readonly DashboardFile[], preferred: string): FoundDashboard | undefined {
  const names = [preferred, ...FALLBACK_VARIABLES.filter((v) => v !== preferred)];
  const models = [...files]
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
    .map((f) => ({ uri: f.uri, model: dashboardModel(f.text) }))
    .filter((m): m is { uri: string; model: Record<string, unknown> } => m.model !== undefined);
  for (const name of names) {
    for (const { uri, model } of models) {
      if (!variablesOf(model).includes(name)) continue;
      return { uid: model.uid as string, title: typeof model.title === 'string' ? model.title : undefined, variable: name, uri };
    }
  }
  return undefined;
}

/** The variable a configured dashboard uses: the one found in its file, else the setting's. */
export function variableForUid(files: readonly DashboardFile[], uid: string, preferred: string): string {
  for (const file of files) {
    const model = dashboardModel(file.text);
    if (model?.uid !== uid) continue;
    const vars = variablesOf(model);
    return [preferred, ...FALLBACK_VARIABLES].find((v) => vars.includes(v)) ?? preferred;
  }
  return preferred;
}
