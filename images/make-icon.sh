#!/usr/bin/env bash
# Regenerates images/icon.png (128x128, the extension's Marketplace icon) with ImageMagick: apt-get install imagemagick.
set -euo pipefail
cd "$(dirname "$0")"
hexagon=$(python3 -c "import math; print(' '.join(f'{64+40*math.cos(math.radians(60*i-90)):.1f},{64+40*math.sin(math.radians(60*i-90)):.1f}' for i in range(6)))")
convert -size 128x128 xc:none \
  -fill '#0f5e57' -draw 'roundrectangle 0,0 127,127 24,24' \
  -fill none -stroke '#7ee2c8' -strokewidth 8 -draw "polygon $hexagon" \
  -stroke white -strokewidth 10 -draw 'polyline 46,66 59,79 84,52' \
  -depth 8 -strip -define png:exclude-chunks=date,time icon.png
