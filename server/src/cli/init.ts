/** `biome-manifests init`: writes a commented starter `.biome-manifests.yaml`; never overwrites one. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../engine/config/configTypes';

export const STARTER_CONFIG = `# Biome Manifests project configuration, read by the CLI and the VS Code extension.
# Found in the folder of a checked file or the nearest parent folder. Reference: README "Project configuration".

# Kubernetes version the manifests target (1.29 to 1.36), quoted: 1.30 unquoted would read as 1.3.
# kubernetesVersion: "1.30"

# Rule levels: error, warning, info, hint or off; or { level, options }.
rules:
  no-latest-tag: warning
  # no-latest-tag:
  #   level: error
  #   options:
  #     requireDigest: true

# Paths left out, relative to this file (globs: *, **, ?, {a,b}); added to node_modules, .git, dist.
exclude: []

# Custom resource definitions to read schemas from (files or folders, relative to this file).
# crds:
#   paths: [crds/]

# Other YAML files to check, by glob, with their type.
# files:
#   associations:
#     "monitoring/*.yml": prometheus

# Stricter (or looser) levels for some paths; later entries win.
# overrides:
#   - files: ["prod/**"]
#     rules:
#       require-liveness-probe: error
`;

/** Writes the starter file into `dir`; an error message when one is already there. */
export async function writeStarterConfig(dir: string): Promise<{ ok: true; file: string } | { ok: false; message: string }> {
  const file = path.join(dir, CONFIG_FILE_NAME);
  try {
    // `wx`: fails when the file exists, with no window between a check and the write.
    await fs.writeFile(file, STARTER_CONFIG, { flag: 'wx' });
    return { ok: true, file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'EEXIST' ? `${file} already exists; not overwritten.` : `cannot write ${file}: ${String(error)}` };
  }
}
