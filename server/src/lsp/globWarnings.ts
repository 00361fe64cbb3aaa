/**
 * Invalid `biomeManifests.exclude` globs, told to the user once each (moved out of session.ts to keep it small).
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { globErrors } from '../engine/workspace/glob';

/** An invalid exclude glob is a configuration error, said once; the glob is ignored, the rest indexed. */
export function warnGlobErrors(connection: Connection, reported: Set<string>, exclude: readonly string[]): void {
  for (const error of globErrors(exclude)) {
    if (reported.has(error)) continue;
    reported.add(error);
    const message = `biomeManifests.exclude: ${error}; it is ignored.`;
    connection.console.warn(message);
    // A notification, not showWarningMessage's request: nothing to await, nothing to reject.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Biome Manifests: ${message}` });
  }
}
