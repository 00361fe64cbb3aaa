/** The file name of a document URI, decoded (`kustomization.yaml`). */
export function fileNameOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return decodeURIComponent(slash >= 0 ? uri.slice(slash + 1) : uri);
}
