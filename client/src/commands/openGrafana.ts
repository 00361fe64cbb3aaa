/**
 * Open in Grafana / Copy Grafana Link: the service's dashboard (variable set to its
 * Prometheus job), or Explore with its queries when no dashboard is known; on an alerting or
 * recording rule (its code lens, or the cursor in it), Explore with the rule's expr. Only http/https.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { grafanaSettings, type GrafanaSettings } from '../config';
import { ServicesRequest, type RuleInfo, type ServiceInfo } from '../../../server/src/protocol';
import { checkBaseUrl, dashboardUrl, exploreUrl, isOpenableUrl, ruleExploreUrl } from '../grafana/url';
import { findServiceDashboard, variableForUid, type DashboardFile } from '../grafana/dashboards';
import { findGrafanaService } from '../grafana/grafanaService';
import { remoteLinkNote } from '../grafana/remote';
import { isRecord, numberArg, stringArg, uriArg } from './args';

export type GrafanaResult =
  | { status: 'opened' | 'copied'; url: string; service: string; job: string; dashboard: string | undefined }
  | { status: 'opened' | 'copied'; url: string; rule: string; expr: string }
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

/** What the link is for: a Service (its dashboard or Explore queries) or a rule (Explore with its expr). */
type Target = { kind: 'service'; service: ServiceInfo } | { kind: 'rule'; rule: RuleInfo };

/**
 * The target from `{ service, namespace }`, `{ uri, line }` (a Service's code lens), `{ uri, line, rule }` (a rule's
 * code lens), the cursor (a rule containing it, else its document's Service), or a pick.
 */
async function resolveTarget(ctx: Ctx, arg: unknown): Promise<{ target?: Target; all: ServiceInfo[] } | undefined> {
  const options = isRecord(arg) ? arg : undefined;
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg(arg) ?? (options?.service === undefined ? editor?.document.uri : undefined);
  const atCursor = uri && editor && uri.toString() === editor.document.uri.toString() && numberArg(options, 'line') === undefined;
  const line = numberArg(options, 'line') ?? (atCursor ? editor.selection.active.line : undefined);
  const character = atCursor ? editor.selection.active.character : undefined;
  const ruleName = stringArg(options, 'rule');
  const at = { ...(character !== undefined ? { character } : {}), ...(ruleName !== undefined ? { rule: ruleName } : {}) };
  const result = await ctx.request(ServicesRequest, uri && line !== undefined ? { uri: uri.toString(), line, ...at } : {});
  if (!result) return undefined;
  if (ruleName !== undefined) {
    // A rule's lens: the rule must still be on its line (the file may have changed since the lens was drawn).
    if (result.ruleAtCursor?.name === ruleName) return { target: { kind: 'rule', rule: result.ruleAtCursor }, all: result.services };
    void vscode.window.showWarningMessage(
      `Biome Manifests: rule ${ruleName} is no longer on line ${(line ?? 0) + 1}; run Open in Grafana from the rule again.`,
    );
    return { all: result.services };
  }
  const name = stringArg(options, 'service');
  if (name !== undefined) {
    const namespace = stringArg(options, 'namespace');
    const found = result.services.find((s) => s.name === name && (namespace === undefined || s.namespace === namespace));
    if (!found) void vscode.window.showWarningMessage(`Biome Manifests: no Service named ${name} in the workspace.`);
    return { all: result.services, ...(found ? { target: { kind: 'service', service: found } } : {}) };
  }
  if (result.ruleAtCursor) return { target: { kind: 'rule', rule: result.ruleAtCursor }, all: result.services };
  if (result.atCursor) return { target: { kind: 'service', service: result.atCursor }, all: result.services };
  const picked = await vscode.window.showQuickPick(
    result.services.map((s) => ({ label: s.name, description: `namespace ${s.namespace} · job ${s.job}`, s })),
    { placeHolder: 'Service to open in Grafana' },
  );
  return { all: result.services, ...(picked ? { target: { kind: 'service', service: picked.s } } : {}) };
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
  if (!uid)
    return {
      url: exploreUrl({ base, job: service.job, orgId: settings.orgId, format: settings.urlFormat, datasource: settings.datasource }),
      dashboard: undefined,
    };
  const variable = found?.variable ?? variableForUid(files, uid, settings.serviceVariable);
  return { url: dashboardUrl({ base, uid, variable, value: service.job, orgId: settings.orgId }), dashboard: uid };
}

/** The arguments that find the target again (after the Grafana URL is set). */
function argsOf(target: Target): Record<string, unknown> {
  if (target.kind === 'rule') return { uri: target.rule.uri, line: target.rule.line, rule: target.rule.name };
  return { service: target.service.name, namespace: target.service.namespace };
}

async function targetLink(target: Target, settings: GrafanaSettings, base: string): Promise<{ url: string; result: GrafanaResult & { status: 'opened' } }> {
  const common = { base, orgId: settings.orgId, format: settings.urlFormat, datasource: settings.datasource };
  if (target.kind === 'rule') {
    const url = ruleExploreUrl({ ...common, expr: target.rule.expr });
    return { url, result: { status: 'opened', url, rule: target.rule.name, expr: target.rule.expr } };
  }
  const { service } = target;
  const { url, dashboard } = await linkFor(service, settings, base);
  return { url, result: { status: 'opened', url, service: service.name, job: service.job, dashboard } };
}

async function grafanaLink(ctx: Ctx, arg: unknown, action: 'open' | 'copy'): Promise<GrafanaResult> {
  const resolved = await resolveTarget(ctx, arg);
  if (!resolved?.target) return { status: 'cancelled' };
  const { target } = resolved;
  const settings = grafanaSettings(vscode.Uri.parse(target.kind === 'rule' ? target.rule.uri : target.service.uri));
  if (!settings.url) return offerGrafanaUrl(resolved.all, () => grafanaLink(ctx, argsOf(target), action));
  const base = checkBaseUrl(settings.url);
  if (!base.ok) {
    void vscode.window.showErrorMessage(`Biome Manifests: not opening Grafana: ${base.reason}.`);
    return { status: 'refused', reason: base.reason };
  }
  const { url, result } = await targetLink(target, settings, base.base);
  if (!isOpenableUrl(url)) return { status: 'refused', reason: `the link ${url} is not http/https` };
  const label = target.kind === 'rule' ? `rule ${target.rule.name}` : `Service ${target.service.name}`;
  ctx.log('info', `Grafana link for ${label}${target.kind === 'service' ? ` (job ${target.service.job})` : ''}: ${url}`);
  if (action === 'copy') {
    await vscode.env.clipboard.writeText(url);
    void vscode.window.setStatusBarMessage(`Biome Manifests: Grafana link for ${label} copied`, 3000);
  } else {
    await vscode.env.openExternal(externalTarget(url));
    offerCopyInRemoteWindow(url);
  }
  return { ...result, status: action === 'copy' ? 'copied' : 'opened' };
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
