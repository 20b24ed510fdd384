#!/bin/sh
# Generates poster art for every catalog title: emulator/posters/{id}.png, 300x450.
#
#   sh emulator/scripts/make-posters.sh
#
# Reads emulator/fixtures/catalog.json (needs node) and draws, with ImageMagick 6 (`convert`) and the DejaVu
# fonts: a two-colour vertical gradient per row, the title (wrapped), the rating and year, and the channel.
# Written as 64-colour palette PNGs so that all posters together stay well under 1.5 MB (~630 KiB).
# Made with ImageMagick 6.9.11-60 (Debian 12); -strip keeps reruns byte-identical on that build.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/posters"
bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
regular=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

command -v convert >/dev/null || { echo "ImageMagick not found (apt-get install imagemagick)" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found" >&2; exit 1; }
mkdir -p "$out"

# One line per title: id|title|rating|year|channel|top colour|bottom colour
node -e '
  const catalog = require(process.argv[1]);
  const colours = {
    featured: ["#1d3b6f", "#06101f"], originals: ["#1f5c63", "#071a1c"], sports: ["#1f6b3a", "#06180d"],
    movies: ["#5a2a6e", "#14081a"], kids: ["#1e74b8", "#0b2540"], ppv: ["#8a5a0b", "#1f1303"],
  };
  for (const row of catalog.rows) {
    const [top, bottom] = colours[row.id] || ["#444444", "#111111"];
    for (const it of row.items) {
      console.log([it.id, it.title, it.rating, it.year, it.channel, top, bottom].join("|"));
    }
  }
' "$here/fixtures/catalog.json" | while IFS='|' read -r id title rating year channel top bottom; do
  convert -size 300x450 "gradient:$top-$bottom" \
    -fill 'rgba(255,255,255,0.10)' -draw 'circle 240,90 240,230' \
    -fill 'rgba(0,0,0,0.35)' -draw 'rectangle 0,360 300,450' \
    \( -size 260x200 -background none -fill white -font "$bold" -gravity southwest "caption:$title" \) \
    -gravity northwest -geometry +20+140 -composite \
    -font "$regular" -pointsize 16 -fill 'rgba(255,255,255,0.85)' -gravity northwest -annotate +20+24 "$channel" \
    -font "$bold" -pointsize 20 -fill white -gravity southwest -annotate +20+40 "$rating  ·  $year" \
    -strip -colors 64 "PNG8:$out/$id.png" </dev/null
done
du -sk "$out" | awk '{ print "posters " $1 " KiB" }'
