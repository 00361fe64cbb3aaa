/**
 * The server's side of `.biome-manifests.yaml`: the config of each file (the editor's text of a config
 * file wins over the disk, so edits apply live), its errors as diagnostics, and which files are in effect.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { uriToPath } from '../engine/workspace/uriPath';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ConfigResolver, defaultCatalog } from '../projectConfig';
import { excludedByConfig, lintSettingsFor } from '../engine/config/combine';
import { CONFIG_FILE_NAME, type ProjectConfig } from '../engine/config/configTypes';
import { optionProblem } from '../engine/config/ruleOptions';
import type { LintSettings } from '../engine/lint/settings';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import type { ServerSettings } from './settings';

export function isConfigUri(uri: string): boolean {
  return uri.startsWith('file:') && uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/**
 * The project config's keys that are not lint settings, in the server's settings object: an editor
 * value, where one is set, wins (as for rule levels). CRD paths become absolute; association globs
 * stay relative to the config's folder, like its other globs.
 */
export function withProjectConfig(editor: ServerSettings, config: ProjectConfig | undefined): ServerSettings {
  if (!config) return editor;
  const folder = path.dirname(config.file);
  return {
    ...editor,
    kubernetesVersion: editor.kubernetesVersion ?? config.kubernetesVersion,
    crdPaths: [...config.crdPaths.map((p) => path.resolve(folder, p)), ...editor.crdPaths],
    fileAssociations: { ...config.fileAssociations, ...editor.fileAssociations },
  };
}

export class ServerConfigs {
  private resolver = new ConfigResolver();
  /** Config files in effect for the workspace folders (for the language status item). */
  inEffect: string[] = [];
  private readonly warned = new Set<string>();
  /** The config files and their exclude lists at the last refresh (a change means a re-scan). */
  private scannedKey = '';

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly warn: (message: string) => void,
  ) {}

  /** A config file was created, edited or deleted: every lookup is made again. */
  invalidate(): void {
    this.resolver = new ConfigResolver();
  }

  private async configOf(file: string): Promise<ProjectConfig | undefined> {
    const parsed = await this.resolver.configFor(file, (configFile) => this.index.getFile(pathToFileURL(configFile).href)?.text);
    // An invalid file still applies what it validly says; its errors are shown on the file itself.
    return parsed?.config;
  }

  /** The lint settings of `uri`: its project config under the editor's `biomeManifests.rules`. */
  async lintSettings(uri: string, editor: LintSettings): Promise<LintSettings> {
    const checked = this.checkEditorOptions(editor);
    const file = uriToPath(uri);
    return file === undefined ? checked : lintSettingsFor(await this.configOf(file), checked, file);
  }

  /** The editor's settings with what the project config adds for `uri` (kubernetesVersion, CRD paths, associations). */
  async serverSettings(uri: string, editor: ServerSettings): Promise<ServerSettings> {
    const file = uriToPath(uri);
    return file === undefined ? editor : withProjectConfig(editor, await this.configOf(file));
  }

  async excluded(file: string): Promise<boolean> {
    return path.basename(file) !== CONFIG_FILE_NAME && excludedByConfig(await this.configOf(file), file);
  }

  /** The config file's own problems, as diagnostics on it. */
  async diagnosticsOf(uri: string): Promise<Diagnostic[]> {
    const file = uriToPath(uri);
    if (file === undefined) return [];
    const parsed = await this.resolver.load(file, this.index.getFile(uri)?.text);
    return parsed.errors.map((e) => ({ range: e.range, message: e.message, severity: 1, source: 'biome-manifests', code: 'config' }));
  }

  /** The `crds.paths` of every config file in effect, absolute (each relative to its file's folder). */
  async crdPaths(): Promise<string[]> {
    const out: string[] = [];
    for (const file of this.inEffect) {
      const { config } = await this.resolver.load(file, this.index.getFile(pathToFileURL(file).href)?.text);
      for (const p of config.crdPaths) out.push(path.resolve(path.dirname(file), p));
    }
    return out;
  }

  /** Recomputes `inEffect` for the folders; true when it, any exclude list or any `crds.paths` in effect changed since the last call. */
  async refresh(folders: readonly string[]): Promise<boolean> {
    const found = new Set<string>();
    for (const folder of folders) {
      const root = uriToPath(folder);
      const configFile = root === undefined ? undefined : await this.resolver.fileFor(path.join(root, 'x'));
      if (configFile) found.add(configFile);
    }
    // Config files deeper in the workspace apply to their own folders.
    for (const file of this.index.files()) {
      const configPath = isConfigUri(file.uri) ? uriToPath(file.uri) : undefined;
      if (configPath !== undefined) found.add(configPath);
    }
    this.inEffect = [...found].sort();
    // Kept, not recomputed: after invalidate() the old files read as their new text.
    const key = JSON.stringify([this.inEffect, await this.excludes(this.inEffect), await this.crdPaths()]);
    const changed = key !== this.scannedKey;
    this.scannedKey = key;
    return changed;
  }

  private async excludes(files: readonly string[]): Promise<string[][]> {
    const out: string[][] = [];
    for (const file of files) out.push((await this.resolver.load(file, this.index.getFile(pathToFileURL(file).href)?.text)).config.exclude);
    return out;
  }

  /** Editor rule options that a rule does not declare are dropped with a warning in the log, not ignored silently. */
  private checkEditorOptions(editor: LintSettings): LintSettings {
    const entries = Object.entries(editor.ruleOptions);
    if (entries.length === 0) return editor;
    const ruleOptions: Record<string, Record<string, unknown>> = {};
    for (const [id, options] of entries) {
      for (const [name, value] of Object.entries(options)) {
        const problem = optionProblem(defaultCatalog(), id, name, value);
        if (!problem) (ruleOptions[id] ??= {})[name] = value;
        else if (!this.warned.has(problem)) {
          this.warned.add(problem);
          this.warn(`biomeManifests.rules: ${problem}`);
        }
      }
    }
    return { rules: editor.rules, ruleOptions };
  }
}
