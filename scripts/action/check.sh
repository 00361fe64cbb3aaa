#!/usr/bin/env bash
# Step 2 of action.yml: annotate (github format), then write SARIF while stylish goes to the log.
#   BIOME_PATHS, BIOME_ARGS  space-separated paths and extra options
#   BIOME_SARIF_FILE         SARIF output path;  BIOME_ANNOTATE  true|false
# Exits 0 after findings (exit-code output 1) so the upload step still runs; the last step fails the job.
# Exits with the CLI's status at once for 2 (usage) and 3 (internal error): there is no report to upload.
set -uo pipefail
read -r -a paths <<< "${BIOME_PATHS:-.}"
read -r -a extra <<< "${BIOME_ARGS:-}"
sarif="${BIOME_SARIF_FILE:-biome-manifests.sarif}"
out="${GITHUB_OUTPUT:-/dev/null}"
if [ "${BIOME_ANNOTATE:-true}" = "true" ]; then
  biome-manifests check "${paths[@]}" "${extra[@]}" --format github
  status=$?
  if [ "$status" -ge 2 ]; then echo "exit-code=$status" >> "$out"; exit "$status"; fi
fi
biome-manifests check "${paths[@]}" "${extra[@]}" --format sarif --output-file "$sarif"
status=$?
echo "exit-code=$status" >> "$out"
if [ "$status" -ge 2 ]; then exit "$status"; fi
echo "sarif-file=$sarif" >> "$out"
exit 0
