/**
 * New Service…: asks the answers (or takes them as an argument object, for tests and scripts),
 * refuses to overwrite, creates the three files through one WorkspaceEdit and opens them.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import {
  DEFAULT_ANSWERS,
  serviceFiles,
  validateAnswers,
  validateCpuTarget,
  validateHealthPath,
  validateImage,
  validateMaxReplicas,
  validateMinReplicas,
  validateName,
  validatePort,
  type ServiceAnswers,
} from '../newService/template';
import { isFolder, isRecord, numberArg, stringArg, uriArg, workspaceRootOf } from './args';

export type NewServiceResult =
  | { status: 'created'; files: string[] }
  | { status: 'exists'; files: string[]; message: string }
  | { status: 'invalid'; problems: string[] }
  | { status: 'cancelled' };

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder: the explorer's, the `folder` option, `biome/` in the workspace, or the workspace root. */
async function targetFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  const options = isRecord(arg) ? arg : undefined;
  const given = stringArg(options, 'folder');
  if (given) return vscode.Uri.parse(given);
  const uri = uriArg(arg);
  if (uri) return (await isFolder(uri)) ? uri : vscode.Uri.joinPath(uri, '..');
  const root = workspaceRootOf(vscode.window.activeTextEditor?.document.uri);
  if (!root) return undefined;
  const biome = vscode.Uri.joinPath(root, 'biome');
  return (await isFolder(biome)) ? biome : root;
}

async function ask(prompt: string, value: string, validate: (v: string) => string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({ title: 'Biome Manifests: New Service', prompt, value, validateInput: validate, ignoreFocusOut: true });
}

async function askAnswers(): Promise<ServiceAnswers | undefined> {
  const name = await ask('Service name (a DNS label: lowercase letters, digits, "-")', '', validateName);
  if (name === undefined) return undefined;
  const image = await ask('Container image, pinned to a version', `registry.example.com/${name}:1.0.0`, validateImage);
  if (image === undefined) return undefined;
  const port = await ask('Container port', String(DEFAULT_ANSWERS.port), validatePort);
  if (port === undefined) return undefined;
  const healthPath = await ask('Health check path (liveness and readiness probes)', DEFAULT_ANSWERS.healthPath, validateHealthPath);
  if (healthPath === undefined) return undefined;
  const min = await ask('Minimum replicas (HPA)', String(DEFAULT_ANSWERS.minReplicas), validateMinReplicas);
  if (min === undefined) return undefined;
  const max = await ask('Maximum replicas (HPA)', String(Math.max(Number(min), DEFAULT_ANSWERS.maxReplicas)), (v) => validateMaxReplicas(v, Number(min)));
  if (max === undefined) return undefined;
  const cpu = await ask('Target CPU utilization (% of the cpu request)', String(DEFAULT_ANSWERS.cpuTarget), validateCpuTarget);
  if (cpu === undefined) return undefined;
  return { name, image, port: Number(port), healthPath, minReplicas: Number(min), maxReplicas: Number(max), cpuTarget: Number(cpu) };
}

function answersFrom(options: Record<string, unknown>): ServiceAnswers {
  return {
    name: stringArg(options, 'name') ?? '',
    image: stringArg(options, 'image') ?? '',
    port: numberArg(options, 'port') ?? DEFAULT_ANSWERS.port,
    healthPath: stringArg(options, 'healthPath') ?? DEFAULT_ANSWERS.healthPath,
    minReplicas: numberArg(options, 'minReplicas') ?? DEFAULT_ANSWERS.minReplicas,
    maxReplicas: numberArg(options, 'maxReplicas') ?? DEFAULT_ANSWERS.maxReplicas,
    cpuTarget: numberArg(options, 'cpuTarget') ?? DEFAULT_ANSWERS.cpuTarget,
  };
}

export function newService(_ctx: Ctx): (arg?: unknown) => Promise<NewServiceResult> {
  return async (arg) => {
    const folder = await targetFolder(arg);
    if (!folder) {
      void vscode.window.showInformationMessage('Biome Manifests: open a folder first; New Service writes files into it.');
      return { status: 'cancelled' };
    }
    const given = isRecord(arg) && typeof arg.name === 'string' ? answersFrom(arg) : undefined;
    const answers = given ?? (await askAnswers());
    if (!answers) return { status: 'cancelled' };
    const problems = validateAnswers(answers);
    if (problems.length > 0) {
      void vscode.window.showErrorMessage(`Biome Manifests: New Service not created: ${problems.join(' ')}`);
      return { status: 'invalid', problems };
    }
    const files = serviceFiles(answers).map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));
    const taken = [];
    for (const f of files) if (await exists(f.uri)) taken.push(vscode.workspace.asRelativePath(f.uri));
    if (taken.length > 0) {
      const message = `Biome Manifests: service ${answers.name} was not created because ${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was overwritten. Choose another name or remove the files.`;
      void vscode.window.showErrorMessage(message);
      return { status: 'exists', files: taken, message };
    }
    const edit = new vscode.WorkspaceEdit();
    for (const f of files) edit.createFile(f.uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(f.text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Biome Manifests: could not create the files of ${answers.name} in ${vscode.workspace.asRelativePath(folder)}.`);
      return { status: 'cancelled' };
    }
    for (const f of files) await vscode.window.showTextDocument(f.uri, { preview: false });
    return { status: 'created', files: files.map((f) => f.uri.toString()) };
  };
}
