/** Maps command ids to their factories; every command is `biomeManifests.`-prefixed. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { restartServer } from './restartServer';

export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export const COMMANDS: Record<string, CommandFactory> = {
  'biomeManifests.restartServer': restartServer,
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.own(vscode.commands.registerCommand(id, factory(ctx)));
  }
}
