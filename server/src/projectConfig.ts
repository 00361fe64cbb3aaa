/** The project config as the CLI and the server both read it: one catalog, nearest file per folder, cached. */
import * as path from 'node:path';
import { allRules } from './rules';
import { BUILTIN_CODES } from './docs/builtinCodes';
import { ruleCatalog, type RuleCatalog } from './engine/config/ruleOptions';
import { findConfigFile, loadProjectConfig } from './engine/config/loadConfig';
import { parseProjectConfig, type ParsedConfig } from './engine/config/parseConfig';

let catalog: RuleCatalog | undefined;

/** The rules and built-in codes a config may name. */
export function defaultCatalog(): RuleCatalog {
  catalog ??= ruleCatalog(
    allRules,
    BUILTIN_CODES.map((c) => c.id),
  );
  return catalog;
}

/**
 * Which config applies to which file. Lookups are cached per folder and files per path until
 * `invalidate` (the server calls it when a config file changes on disk or in the editor).
 */
export class ConfigResolver {
  private readonly fileOfDir = new Map<string, Promise<string | undefined>>();
  /** Config file → its parse, and the text it was parsed from when that came from the editor. */
  private readonly parsed = new Map<string, { text: string | undefined; config: Promise<ParsedConfig> }>();

  constructor(
    private readonly rulesCatalog: RuleCatalog = defaultCatalog(),
    /** A file named with `--config`: used for every path instead of the nearest. */
    private readonly fixed?: string,
  ) {}

  /** The config file in effect for `file` (absolute), or undefined. */
  fileFor(file: string): Promise<string | undefined> {
    if (this.fixed) return Promise.resolve(path.resolve(this.fixed));
    const dir = path.dirname(file);
    let found = this.fileOfDir.get(dir);
    if (!found) this.fileOfDir.set(dir, (found = findConfigFile(dir)));
    return found;
  }

  /** The config of `file`; `textOf` gives a config file's current text when the caller holds it (the editor's). */
  async configFor(file: string, textOf: (configFile: string) => string | undefined = () => undefined): Promise<ParsedConfig | undefined> {
    const configFile = await this.fileFor(file);
    return configFile ? this.load(configFile, textOf(configFile)) : undefined;
  }

  /** Parsed once per text: from `text` when given, else read from disk. */
  load(configFile: string, text?: string): Promise<ParsedConfig> {
    const cached = this.parsed.get(configFile);
    if (cached && (text === undefined || cached.text === text)) return cached.config;
    const config =
      text !== undefined ? Promise.resolve(parseProjectConfig(text, configFile, this.rulesCatalog)) : loadProjectConfig(configFile, this.rulesCatalog);
    this.parsed.set(configFile, { text, config });
    return config;
  }

  /** Forget everything: a config file was created, changed or deleted. */
  invalidate(): void {
    this.fileOfDir.clear();
    this.parsed.clear();
  }
}
