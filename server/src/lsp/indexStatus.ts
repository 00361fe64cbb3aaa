/** `biomeManifests/indexStatus`: how many files and Kubernetes manifests the index holds, sent after changes. */
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import type { IndexStatus } from '../protocol';

export function indexStatus(index: WorkspaceIndex, configFiles: readonly string[] = []): IndexStatus {
  let manifests = 0;
  for (const file of index.files()) for (const doc of file.documents) if (doc.identity) manifests++;
  return { files: index.fileCount, manifests, configFiles: [...configFiles] };
}

/** Sends the status at most every `delayMs` and only when it changed (edits arrive per keystroke). */
export class IndexStatusReporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = '';
  private disposed = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly send: (status: IndexStatus) => void,
    private readonly delayMs = 500,
    private readonly configFiles: () => readonly string[] = () => [],
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }

  flush(): void {
    if (this.disposed) return;
    const status = indexStatus(this.index, this.configFiles());
    const key = JSON.stringify(status);
    if (key === this.last) return;
    this.last = key;
    this.send(status);
  }
}
