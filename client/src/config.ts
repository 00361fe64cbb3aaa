/** Typed reads of `biomeManifests.*` settings. */
import * as vscode from 'vscode';
import { kubectlToRun, restrictedValue, type InspectedSetting } from './trust';

export const SECTION = 'biomeManifests';

/**
 * Settings that could send the user somewhere a repository chose (a URL, a program to run): in an
 * untrusted workspace they are read from the user's own settings only. package.json lists them in
 * `capabilities.untrustedWorkspaces.restrictedConfigurations` too.
 */
export const RESTRICTED_SETTINGS = ['grafana.url', 'kubectlPath'] as const;

export type GrafanaUrlFormat = 'panes' | 'legacy';
export type PreviewRenderer = 'auto' | 'biome' | 'kubectl';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A restricted setting's effective and user values (trust.ts decides which one counts). */
function inspectRestricted(key: (typeof RESTRICTED_SETTINGS)[number], scope?: vscode.Uri): InspectedSetting {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return { effective: config.get<string>(key), userValue: config.inspect<string>(key)?.globalValue };
}

export interface GrafanaSettings {
  url: string | undefined;
  dashboardUid: string | undefined;
  serviceVariable: string;
  orgId: number;
  urlFormat: GrafanaUrlFormat;
  /** UID (or name) of the datasource Explore links use; undefined: Grafana's default. */
  datasource: string | undefined;
}

export function grafanaSettings(scope?: vscode.Uri): GrafanaSettings {
  const config = vscode.workspace.getConfiguration(`${SECTION}.grafana`, scope);
  const uid = config.get<string>('dashboardUid', '').trim();
  const orgId = config.get<number>('orgId', 1);
  return {
    url: restrictedValue(vscode.workspace.isTrusted, inspectRestricted('grafana.url', scope)),
    dashboardUid: uid === '' ? undefined : uid,
    serviceVariable: config.get<string>('serviceVariable', 'service').trim() || 'service',
    orgId: Number.isInteger(orgId) && orgId > 0 ? orgId : 1,
    urlFormat: config.get<GrafanaUrlFormat>('urlFormat', 'panes') === 'legacy' ? 'legacy' : 'panes',
    datasource: config.get<string>('datasource', '').trim() || undefined,
  };
}

export interface PreviewSettings {
  renderer: PreviewRenderer;
  /** Undefined in an untrusted workspace: no external process runs there. */
  kubectlPath: string | undefined;
  kubectlTimeoutMs: number;
}

export function previewSettings(scope?: vscode.Uri): PreviewSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const renderer = config.get<PreviewRenderer>('preview.renderer', 'auto');
  const timeout = config.get<number>('kubectlTimeoutSeconds', 20);
  return {
    renderer: renderer === 'biome' || renderer === 'kubectl' ? renderer : 'auto',
    kubectlPath: kubectlToRun(vscode.workspace.isTrusted, inspectRestricted('kubectlPath', scope)),
    kubectlTimeoutMs: Math.max(1, Math.min(300, Number.isFinite(timeout) ? timeout : 20)) * 1000,
  };
}

export function logLevel(): LogLevel {
  const level = vscode.workspace.getConfiguration(SECTION).get<LogLevel>('logLevel', 'info');
  return ['error', 'warn', 'info', 'debug', 'trace'].includes(level) ? level : 'info';
}
