/**
 * Runs `kubectl kustomize <folder>`: no shell, an argument array, a timeout and an output cap. The
 * caller decides whether it may run at all (trusted workspace only).
 */
import { execFile } from 'node:child_process';

/** Output above this is cut off (and reported as an error) rather than buffered without limit. */
export const KUBECTL_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** `detail`: kubectl's whole error output (capped), whose later lines may name the path that failed. */
export type KubectlResult = { ok: true; text: string } | { ok: false; reason: string; detail?: string };

export function kubectlKustomize(kubectlPath: string, folder: string, timeoutMs: number): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(
      kubectlPath,
      ['kustomize', folder],
      { shell: false, timeout: timeoutMs, maxBuffer: KUBECTL_MAX_OUTPUT_BYTES, windowsHide: true, cwd: folder, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, text: stdout });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (e.code === 'ENOENT') return resolve({ ok: false, reason: `kubectl was not found at "${kubectlPath}" (setting biomeManifests.kubectlPath)` });
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return resolve({ ok: false, reason: `kubectl printed more than ${KUBECTL_MAX_OUTPUT_BYTES} bytes` });
        if (e.killed) return resolve({ ok: false, reason: `kubectl did not finish within ${Math.round(timeoutMs / 1000)} s` });
        const firstLine = String(stderr).trim().split('\n')[0] ?? '';
        resolve({ ok: false, reason: `kubectl kustomize failed: ${firstLine || e.message}`, detail: String(stderr).slice(0, 8192) });
      },
    );
  });
}
