// The large file of the e2e tests, and the engine's findings for it computed off the extension host's thread.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** A 1,441-document file (≈ 580 KB) with a few findings spread through it. */
export function largeManifest(): string {
  const docs: string[] = ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: shared\ntype: Opaque\ndata:\n  PASSWORD: cGFzc3dvcmQ=\n'];
  for (let i = 0; i < 480; i++) {
    const image = i % 55 === 3 ? 'nginx:latest' : 'nginx:1.27.1';
    const key = i % 60 === 11 ? 'PASSWRD' : 'PASSWORD';
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big-${i}\n  labels: {app: big-${i}}\nspec:\n  replicas: ${i % 40 === 7 ? '"two"' : '2'}\n  selector:\n    matchLabels: {app: big-${i}}\n  template:\n    metadata:\n      labels: {app: big-${i}}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n          env:\n            - name: PASSWORD\n              valueFrom:\n                secretKeyRef: {name: shared, key: ${key}}\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: big-${i}\nspec:\n  selector: {app: big-${i}}\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-${i}-config\ndata:\n${Array.from({ length: 20 }, (_, k) => `  key${k}: "value ${k} of ${i}"\n`).join('')}`,
    );
  }
  return docs.join('---\n');
}

/**
 * `line:character code` of each finding of a single-threaded engine check of `text`, sorted. It runs in a worker
 * thread: on the extension host's own thread the check (≈ 1.7 s here) froze the host, and VS Code reported it
 * unresponsive during the test.
 */
export function referenceFindings(text: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'referenceWorker.js'), { workerData: { text } });
    worker.once('message', (findings: string[]) => resolve(findings));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the reference check's worker exited with ${code} before answering`)));
  });
}
