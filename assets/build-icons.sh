#!/usr/bin/env bash
# Renders the icon set from the SVG sources. Needs: apt-get install librsvg2-bin imagemagick icnsutils
# Output is committed (assets/icons), so builds do not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p icons
for size in 16 24 32; do
    rsvg-convert -w "$size" -h "$size" smsdesk-icon-small.svg -o "icons/smsdesk-$size.png"
done
for size in 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" smsdesk-icon.svg -o "icons/smsdesk-$size.png"
done
/usr/bin/convert icons/smsdesk-16.png icons/smsdesk-24.png icons/smsdesk-32.png icons/smsdesk-48.png \
    icons/smsdesk-64.png icons/smsdesk-128.png icons/smsdesk-256.png icons/smsdesk.ico
png2icns icons/smsdesk.icns icons/smsdesk-16.png icons/smsdesk-32.png icons/smsdesk-48.png \
    icons/smsdesk-128.png icons/smsdesk-256.png icons/smsdesk-512.png >/dev/null
ls -la icons
