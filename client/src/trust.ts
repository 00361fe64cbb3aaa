/**
 * Workspace-trust decisions, pure so they can be tested without VS Code: which value of a setting
 * that could send the user somewhere a repository chose (a URL, a program to run) counts, and
 * whether an external program may run at all.
 */

/** A setting's values as `WorkspaceConfiguration.inspect` reports them (only the ones that matter here). */
export interface InspectedSetting {
  /** The effective value (workspace and folder settings included). */
  effective: unknown;
  /** The value in the user's own settings. */
  userValue: unknown;
}

/**
 * The value of a restricted setting: the effective one in a trusted workspace; otherwise only the
 * user's own, since a repository's `.vscode/settings.json` could point it anywhere.
 * Blank and non-string values count as unset.
 */
export function restrictedValue(trusted: boolean, setting: InspectedSetting): string | undefined {
  const value = trusted ? setting.effective : setting.userValue;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The kubectl to run, or undefined when none may run (an untrusted workspace runs no external program). */
export function kubectlToRun(trusted: boolean, setting: InspectedSetting): string | undefined {
  if (!trusted) return undefined;
  return restrictedValue(true, setting) ?? 'kubectl';
}
