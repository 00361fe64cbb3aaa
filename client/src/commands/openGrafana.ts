/**
 * Open Grafana for Service / Copy Grafana Link: the service's dashboard (variable set to its
 * Prometheus job), or Explore with its queries when no dashboard is known. Only http/https.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { grafanaSettings, type GrafanaSettings } from '../config';
import { ServicesRequest, type ServiceInfo } from '../../../server/src/protocol';
import { checkBaseUrl, dashboardUrl, exploreUrl, isOpenableUrl } from '../grafana/url';
import { findServiceDashboard, variableForUid, type DashboardFile } from '../grafana/dashboards';
import { findGrafanaService } from '../grafana/grafanaService';
import { remoteLinkNote } from '../grafana/remote';
import { isRecord, numberArg, stringArg, uriArg } from './args';

export type GrafanaResult =
  | { status: 'opened' | 'copied'; url: string; service: string; job: string; dashboard: string | undefined }
  | { status: 'no-grafana-url'; grafanaService: string | undefined; portForward: string | undefined }
  | { status: 'refused'; reason: string }
  | { status: 'cancelled' };

const MAX_DASHBOARD_FILES = 500;
const MAX_DASHBOARD_BYTES = 5 * 1024 * 1024;

async function dashboardFiles(): Promise<DashboardFile[]> {
  const uris = await vscode.workspace.findFiles('**/*.json', '**/{node_modules,.git,dist,out}/**', MAX_DASHBOARD_FILES);
  const files: DashboardFile[] = [];
  for (const uri of uris) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_DASHBOARD_BYTES) continue;
      const text = new TextDecoder().decode(bytes);
      if (text.includes('"templating"')) files.push({ uri: uri.toString(), text });
    } catch {
      // unreadable: not a dashboard we can use
    }
  }
  return files;
}

/** The service from `{ service, namespace }`, `{ uri, line }` (code lens), the cursor, or a pick. */
async function resolveService(ctx: Ctx, arg: unknown): Promise<{ service?: ServiceInfo; all: ServiceInfo[] } | undefined> {
  const options = isRecord(arg) ? arg : undefined;
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg(arg) ?? (options?.service === undefined ? editor?.document.uri : undefined);
  const line = numberArg(options, 'line') ?? (uri && editor && uri.toString() === editor.document.uri.toString() ? editor.selection.active.line : undefined);
  const result = await ctx.request(ServicesRequest, uri && line !== undefined ? { uri: uri.toString(), line } : {});
  if (!result) return undefined;
  const name = stringArg(options, 'service');
  if (name !== undefined) {
    const namespace = stringArg(options, 'namespace');
    const found = result.services.find((s) => s.name === name && (namespace === undefined || s.namespace === namespace));
    if (!found) void vscode.window.showWarningMessage(`Biome Manifests: no Service named ${name} in the workspace.`);
    return { all: result.services, ...(found ? { service: found } : {}) };
  }
  if (result.atCursor) return { service: result.atCursor, all: result.services };
  const picked = await vscode.window.showQuickPick(
    result.services.map((s) => ({ label: s.name, description: `namespace ${s.namespace} · job ${s.job}`, s })),
    { placeHolder: 'Service to open in Grafana' },
  );
  return { all: result.services, ...(picked ? { service: picked.s } : {}) };
}

/** Asks for the URL when the warning's "Set Grafana URL…" is chosen; then `resume` runs the original command. */
function offerGrafanaUrl(all: readonly ServiceInfo[], resume: () => Promise<unknown>): GrafanaResult {
  const grafana = findGrafanaService(all);
  const where = grafana ? ` The workspace defines Grafana at ${grafana.address}; reach it with \`${grafana.portForward}\` and use ${grafana.localUrl}.` : '';
  const actions = grafana ? ['Set Grafana URL…', 'Copy port-forward command'] : ['Set Grafana URL…'];
  void vscode.window
    .showWarningMessage(`Biome Manifests: biomeManifests.grafana.url is not set, so there is no Grafana to open.${where}`, ...actions)
    .then(async (choice) => {
      if (choice === 'Copy port-forward command' && grafana) await vscode.env.clipboard.writeText(grafana.portForward);
      if (choice !== 'Set Grafana URL…') return;
      const value = await vscode.window.showInputBox({
        prompt: 'Grafana base URL (saved in your user settings)',
        value: grafana?.localUrl ?? 'http://localhost:3000',
        validateInput: (v) => (checkBaseUrl(v).ok ? undefined : (checkBaseUrl(v) as { reason: string }).reason),
      });
      if (!value) return;
      // The setting's scope is `resource`, so Global is the local user settings even in a remote window.
      await vscode.workspace.getConfiguration('biomeManifests.grafana').update('url', value, vscode.ConfigurationTarget.Global);
      await resume();
    });
  return { status: 'no-grafana-url', grafanaService: grafana?.address, portForward: grafana?.portForward };
}

async function linkFor(service: ServiceInfo, settings: GrafanaSettings, base: string): Promise<{ url: string; dashboard: string | undefined }> {
  const files = await dashboardFiles();
  const configured = settings.dashboardUid;
  const found = configured ? undefined : findServiceDashboard(files, settings.serviceVariable);
  const uid = configured ?? found?.uid;
  if (!uid) return { url: exploreUrl({ base, job: service.job, orgId: settings.orgId, format: settings.urlFormat }), dashboard: undefined };
  const variable = found?.variable ?? variableForUid(files, uid, settings.serviceVariable);
  return { url: dashboardUrl({ base, uid, variable, value: service.job, orgId: settings.orgId }), dashboard: uid };
}

async function grafanaLink(ctx: Ctx, arg: unknown, action: 'open' | 'copy'): Promise<GrafanaResult> {
  const resolved = await resolveService(ctx, arg);
  if (!resolved?.service) return { status: 'cancelled' };
  const { service } = resolved;
  const settings = grafanaSettings(vscode.Uri.parse(service.uri));
  if (!settings.url) return offerGrafanaUrl(resolved.all, () => grafanaLink(ctx, { service: service.name, namespace: service.namespace }, action));
  const base = checkBaseUrl(settings.url);
  if (!base.ok) {
    void vscode.window.showErrorMessage(`Biome Manifests: not opening Grafana: ${base.reason}.`);
    return { status: 'refused', reason: base.reason };
  }
  const { url, dashboard } = await linkFor(service, settings, base.base);
  if (!isOpenableUrl(url)) return { status: 'refused', reason: `the link ${url} is not http/https` };
  ctx.log('info', `Grafana link for Service ${service.name} (job ${service.job}): ${url}`);
  if (action === 'copy') {
    await vscode.env.clipboard.writeText(url);
    void vscode.window.setStatusBarMessage(`Biome Manifests: Grafana link for ${service.name} copied`, 3000);
  } else {
    await vscode.env.openExternal(externalTarget(url));
    offerCopyInRemoteWindow(url);
  }
  return { status: action === 'copy' ? 'copied' : 'opened', url, service: service.name, job: service.job, dashboard };
}

function offerCopyInRemoteWindow(url: string): void {
  const note = remoteLinkNote(url, vscode.env.remoteName);
  if (!note) return;
  void vscode.window.showInformationMessage(note, 'Copy Grafana Link').then(async (choice) => {
    if (choice === 'Copy Grafana Link') await vscode.env.clipboard.writeText(url);
  });
}

/**
 * The link as openExternal must receive it. A vscode.Uri is opened as `encodeURI(uri.toString(true))`,
 * i.e. with its query decoded: a job `a&orgId=666` encoded as `a%26orgId%3D666` would reach the
 * browser as injected parameters. A string that parses back to the same URI is opened exactly as
 * given (VS Code's ExtHostWindow.openUri and OpenerService), so the string goes through, typed as
 * the Uri the declaration asks for.
 */
export function externalTarget(url: string): vscode.Uri {
  return url as unknown as vscode.Uri;
}

export function openGrafana(ctx: Ctx): (arg?: unknown) => Promise<GrafanaResult> {
  return (arg) => grafanaLink(ctx, arg, 'open');
}

export function copyGrafanaLink(ctx: Ctx): (arg?: unknown) => Promise<GrafanaResult> {
  return (arg) => grafanaLink(ctx, arg, 'copy');
}
