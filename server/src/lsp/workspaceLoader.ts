/**
 * The server's workspace load: scanning the folders for YAML (and dashboard JSON) files, reading and indexing
 * them through engine/workspace/load.ts (parsed in slices, open files left to the editor, skips logged once),
 * then the files of `crds.paths`. A re-scan (the exclude setting changed) drops the files no longer in it.
 */
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../setup';
import { findYamlFiles } from '../engine/workspace/scan';
import { NOT_A_DASHBOARD } from '../engine/workspace/readFile';
import { loadFiles, type AsyncLoad, type OnSkipped } from '../engine/workspace/load';
import { uriToPath } from '../engine/workspace/uriPath';
import { expandCrdPaths, resolveCrdPaths } from '../engine/crd/crdPaths';
import { setFormatAssociations } from '../engine/monitoring/associations';
import { warnGlobErrors } from './globWarnings';
import type { SettingsCache } from './settingsCache';
import type { SlicedParser } from './slicedParser';
import type { ServerConfigs } from './projectConfigs';

/** What the loader needs of the session. */
export interface LoaderHost {
  readonly connection: Connection;
  readonly engine: Engine;
  readonly settings: SettingsCache;
  readonly configs: ServerConfigs;
  readonly parser: SlicedParser;
  readonly open: ReadonlySet<string>;
  /** True after `shutdown`: read nothing more. */
  disposed(): boolean;
  /** A file was read: a later skip of it is said again. */
  readable(uri: string): void;
  /** Says once why a file was not read. */
  reportSkipped(uri: string, reason: string): void;
  /** Drops a file from the index with its diagnostics. */
  removeWithDiagnostics(uri: string): void;
}

export class WorkspaceLoader {
  private folders: string[] = [];
  private readonly globErrorsReported = new Set<string>();
  /** Problems with `crds.paths` already logged. */
  private readonly crdWarnings = new Set<string>();

  constructor(private readonly host: LoaderHost) {}

  /** The workspace folders with a local path (`file:` URIs). */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:'));
  }

  /** Reads every YAML file under the workspace folders into the index (open documents win); returns how many. */
  async load(report: (message: string, percent: number) => void): Promise<number> {
    const files = await this.scan();
    const progress = (done: number, total: number): void => {
      if (done % 50 === 0) report(`${done}/${total} files`, Math.round((done / total) * 100));
    };
    const { configs, engine, open } = this.host;
    await loadFiles(files, this.asyncLoad(progress));
    await configs.refresh(this.folders);
    const crdFiles = await this.loadCrdPaths(new Set(files));
    // On a re-scan (the exclude setting changed), drop files that are no longer part of the workspace.
    const scanned = new Set([...files, ...crdFiles].map((f) => pathToFileURL(f).href));
    for (const file of [...engine.index.files()]) {
      if (scanned.has(file.uri) || open.has(file.uri) || !file.uri.startsWith('file:')) continue;
      this.host.removeWithDiagnostics(file.uri);
    }
    // Again: a config file dropped above is no longer in effect.
    await configs.refresh(this.folders);
    return files.length;
  }

  /** The files of the workspace folders that no setting or config excludes. */
  private async scan(): Promise<string[]> {
    const { connection, settings, configs } = this.host;
    const files: string[] = [];
    for (const folder of this.folders) {
      const folderSettings = await settings.get(folder);
      setFormatAssociations(folder, folderSettings.fileAssociations);
      warnGlobErrors(connection, this.globErrorsReported, folderSettings.exclude);
      const root = uriToPath(folder);
      if (root === undefined) {
        connection.console.warn(`workspace folder ${folder} has no local path: not indexed`);
        continue;
      }
      const onUnreadable = (dir: string, reason: string): void => connection.console.warn(`folder ${dir} not indexed: ${reason}`);
      const onSpecialFile = (file: string, reason: string): void => this.host.reportSkipped(pathToFileURL(file).href, reason);
      // One at a time: spreading a very large list into push() overflows the stack.
      for (const file of await findYamlFiles(root, { exclude: folderSettings.exclude, onUnreadable, onSpecialFile, dashboards: true })) {
        if (!(await configs.excluded(file))) files.push(file);
      }
    }
    return files;
  }

  /** Loading from disk (engine/workspace/load.ts): parsed in slices, open files left to the editor, skips logged once. */
  private asyncLoad(onProgress?: (done: number, total: number) => void, onSkipped?: OnSkipped): AsyncLoad {
    const host = this.host;
    return {
      indexText: (uri, text) => {
        host.readable(uri);
        return host.parser.parse(uri, text, undefined, () => undefined);
      },
      precheckAndRelease: (uri) => host.engine.linter.precheckAndRelease(uri),
      maxBytes: async (file) => (await host.settings.get(pathToFileURL(file).href)).maxFileSizeMb * 1048576,
      isOpen: (uri) => host.open.has(uri),
      // A .json file that is not a dashboard is none of our business: not said.
      onSkipped: (file, reason) => reason === NOT_A_DASHBOARD || (onSkipped ?? ((f, r) => host.reportSkipped(pathToFileURL(f).href, r)))(file, reason),
      cancelled: () => host.disposed(), // shut down mid-load: read nothing more
      onProgress,
    };
  }

  /**
   * Indexes the CRD files of `crds.paths` (the editor's, relative to each workspace folder, and every
   * config's) that the scan did not (`scanned`): their custom resources are checked against them. Read
   * again on each load, like every other file (bounded); a path that cannot be read is said once in the log.
   */
  private async loadCrdPaths(scanned: ReadonlySet<string>): Promise<string[]> {
    const paths = await this.host.configs.crdPaths();
    for (const folder of this.folders) {
      const root = uriToPath(folder);
      if (root !== undefined) paths.push(...resolveCrdPaths((await this.host.settings.get(folder)).crdPaths, root));
    }
    if (paths.length === 0) return [];
    const exclude = (await this.host.settings.get(this.folders[0] ?? '')).exclude;
    const files = await expandCrdPaths(paths, exclude, (p, reason) => this.warnOnce(`crds.paths: ${p}: ${reason}`));
    const unscanned = files.filter((file) => !scanned.has(file));
    await loadFiles(
      unscanned,
      this.asyncLoad(undefined, (file, reason) => this.warnOnce(`crds.paths: ${file} not read: ${reason}`)),
    );
    return files;
  }

  private warnOnce(message: string): void {
    if (this.crdWarnings.has(message)) return;
    this.crdWarnings.add(message);
    this.host.connection.console.warn(message);
  }
}
