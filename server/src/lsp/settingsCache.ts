/** Per-resource settings pulled with `workspace/configuration`, cached until the client says they changed. */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, parseSettings, type ServerSettings } from './settings';

export const SECTION = 'biomeManifests';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
  ) {}

  get(scopeUri: string | undefined): Promise<ServerSettings> {
    if (!this.supported()) return Promise.resolve(DEFAULT_SETTINGS);
    const key = scopeUri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration(scopeUri === undefined ? { section: SECTION } : { scopeUri, section: SECTION })
        .then(parseSettings, () => DEFAULT_SETTINGS);
      this.cache.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }
}
