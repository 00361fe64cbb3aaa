/** Maps command ids to their factories; every command is `biomeManifests.`-prefixed. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { restartServer } from './restartServer';
import { copyRendered, previewDiff, previewRendered, revealRenderedSecrets } from './previewRendered';
import { copyGrafanaLink, openGrafana } from './openGrafana';
import { decodeSecret } from './decodeSecret';
import { decodeSecretValue, encodeSecretValue, revealSecretValue } from './secretValue';
import { newService } from './newService';
import { showResourceMap } from './showResourceMap';
import { showRuleDoc } from './showRuleDoc';
import { revealTarget } from './revealTarget';

export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

/** Every command of the extension (the ids package.json contributes). */
export const COMMANDS = {
  'biomeManifests.restartServer': restartServer,
  'biomeManifests.previewRendered': previewRendered,
  'biomeManifests.previewDiff': previewDiff,
  'biomeManifests.copyRendered': copyRendered,
  'biomeManifests.revealRenderedSecrets': revealRenderedSecrets,
  'biomeManifests.openGrafana': openGrafana,
  'biomeManifests.copyGrafanaLink': copyGrafanaLink,
  'biomeManifests.decodeSecret': decodeSecret,
  'biomeManifests.encodeSecretValue': encodeSecretValue,
  'biomeManifests.decodeSecretValue': decodeSecretValue,
  'biomeManifests.revealSecretValue': revealSecretValue,
  'biomeManifests.newService': newService,
  'biomeManifests.showResourceMap': showResourceMap,
  'biomeManifests.showRuleDoc': showRuleDoc,
  'biomeManifests.revealTarget': revealTarget,
} as const satisfies Record<`biomeManifests.${string}`, CommandFactory>;

export type CommandId = keyof typeof COMMANDS;

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.own(vscode.commands.registerCommand(id, factory(ctx)));
  }
}
