/**
 * Grafana links in a remote window (code-server, SSH, containers): the browser that opens the link runs on the
 * user's machine, not where the extension host runs. VS Code forwards loopback links through its port forwarding
 * (code-server rewrites `http://127.0.0.1:3000/…` to its own `/proxy/3000/…`), which Grafana may not serve from a
 * sub-path. Pure, so the decision is testable without VS Code.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The note to show after opening `url` in a remote window, or undefined when the link needs none. */
export function remoteLinkNote(url: string, remoteName: string | undefined): string | undefined {
  if (!remoteName) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (!LOOPBACK.has(host)) return undefined;
  return (
    `Biome Manifests: this window is remote (${remoteName}), so VS Code forwards the ${host} link through its port ` +
    'forwarding (code-server: its /proxy/<port>/ path). If Grafana does not load there, copy the link and open it ' +
    'where Grafana is reachable.'
  );
}
