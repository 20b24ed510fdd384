#!/bin/sh
# Generates the emulator's sample HLS VOD streams under emulator/media/{streamId}/.
#
#   sh emulator/scripts/make-streams.sh            # all streams
#   sh emulator/scripts/make-streams.sh sports     # one stream
#
# Each stream: 12 s, 640x360 @ 25 fps, H.264 (libx264, constrained ~250 kbit/s) + AAC mono 48 kbit/s (a quiet
# sine tone), MPEG-TS segments of 4 s (a keyframe every 4 s), a master playlist index.m3u8 pointing at one
# rendition 360p.m3u8. On screen: the stream's own name, a running timer, a frame counter, a bar sweeping across
# and a progress bar — so a stalled player is obvious.
#
# Closed captions: two WebVTT subtitle renditions (English "CC" and Spanish), one 4-s .vtt segment per media
# segment, each with an X-TIMESTAMP-MAP tying cue time 0 to the first video frame's MPEG-TS timestamp (read
# with ffprobe), listed in the master playlist as EXT-X-MEDIA TYPE=SUBTITLES (GROUP-ID "subs") and referenced
# from the variant with SUBTITLES="subs". Each cue names its own time range, so a screenshot shows whether
# captions are in sync with the on-screen timer.
#
# Made with Debian's ffmpeg 5.1.x (5.1.9-0+deb12u1) and fonts-dejavu-core. Single-threaded x264 and bitexact
# flags keep the output byte-identical across runs on the same ffmpeg build; other builds give equivalent streams.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out_root="$here/media"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
mono=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
duration=12
segment=4
fps=25

command -v ffmpeg >/dev/null || { echo "ffmpeg not found (apt-get install ffmpeg)" >&2; exit 1; }
command -v ffprobe >/dev/null || { echo "ffprobe not found (apt-get install ffmpeg)" >&2; exit 1; }
[ -r "$font" ] && [ -r "$mono" ] || { echo "DejaVu fonts not found (apt-get install fonts-dejavu-core)" >&2; exit 1; }

# streamId | on-screen name | background | accent | tone (Hz)
streams='originals|DemoTV Originals|0x16324f|0xf2b134|392
afterdark|DemoTV After Dark|0x2a0d12|0xe0474c|330
sports|DemoTV Sports|0x0f3d24|0x7ddf64|440
movies|DemoTV Movies|0x2b1a3d|0xd9a7ff|349
kids|DemoTV Kids|0x10496b|0xffd23f|523
ppv|DemoTV Pay-per-view|0x3a2a08|0xffb000|294'

make_stream() {
  id=$1 name=$2 bg=$3 accent=$4 tone=$5
  dir="$out_root/$id"
  rm -rf "$dir"
  log=$(mktemp)
  mkdir -p "$dir"
  # drawbox/drawtext positions are fixed at start-up in this ffmpeg; things that move are overlays (evaluated per frame).
  vf="[0:v]drawbox=x=0:y=250:w=iw:h=110:color=black@0.35:t=fill"
  vf="$vf,drawtext=fontfile=$font:text='$name':fontsize=40:fontcolor=white:x=(w-tw)/2:y=110"
  vf="$vf,drawtext=fontfile=$font:text='Emulator sample stream':fontsize=20:fontcolor=white@0.8:x=(w-tw)/2:y=165"
  vf="$vf,drawtext=fontfile=$mono:text='%{pts\:hms}':fontsize=34:fontcolor=$accent:x=30:y=272"
  vf="$vf,drawtext=fontfile=$mono:text='frame %{frame_num}':fontsize=20:fontcolor=white:x=w-tw-30:y=282[base]"
  vf="$vf;color=c=$accent:s=80x12:r=$fps[box];color=c=$accent:s=640x10:r=$fps[bar]"
  vf="$vf;[base][box]overlay=x='mod(t*160,W+80)-80':y=40:shortest=1[moving]"
  vf="$vf;[moving][bar]overlay=x='W*t/$duration-W':y=335:shortest=1,format=yuv420p[v]"
  ffmpeg -nostdin -hide_banner -loglevel error -nostats -y \
    -f lavfi -i "color=c=$bg:s=640x360:r=$fps:d=$duration" \
    -f lavfi -i "sine=frequency=$tone:sample_rate=48000:duration=$duration" \
    -filter_complex "$vf;[1:a]volume=0.08[a]" -map '[v]' -map '[a]' \
    -c:v libx264 -threads 1 -preset medium -profile:v main -level 3.0 -crf 30 -maxrate 250k -bufsize 500k \
    -g $((fps * segment)) -keyint_min $((fps * segment)) -sc_threshold 0 \
    -c:a aac -b:a 48k -ac 1 -ar 48000 \
    -fflags +bitexact -map_metadata -1 \
    -f hls -hls_time $segment -hls_playlist_type vod -hls_list_size 0 \
    -hls_segment_filename "$dir/seg_%03d.ts" -master_pl_name index.m3u8 \
    "$dir/360p.m3u8" 2>"$log" || { cat "$log" >&2; exit 1; }
  rm -f "$log"
  make_captions "$dir" "$name" "$tone"
  printf '%-10s %s\n' "$id" "$(du -sk "$dir" | cut -f1) KiB"
}

# ms → HH:MM:SS.mmm
vtt_time() {
  printf '%02d:%02d:%02d.%03d' $(($1 / 3600000)) $(($1 / 60000 % 60)) $(($1 / 1000 % 60)) $(($1 % 1000))
}

# $1 = stream dir, $2 = on-screen name, $3 = tone (Hz). Writes subs_{en,es}.m3u8 + subs_{en,es}_NNN.vtt and
# adds the subtitle renditions to the master playlist written by ffmpeg.
make_captions() {
  dir=$1 name=$2 tone=$3
  pts=$(ffprobe -v error -select_streams v:0 -show_entries stream=start_pts -of default=noprint_wrappers=1:nokey=1 "$dir/seg_000.ts" | head -n 1)
  count=$((duration / segment))
  for lang in en es; do
    playlist="$dir/subs_$lang.m3u8"
    printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:%d\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n' "$segment" >"$playlist"
    i=0
    while [ $i -lt $count ]; do
      file=$(printf 'subs_%s_%03d.vtt' "$lang" $i)
      from=$((i * segment * 1000 + 500)) to=$(((i + 1) * segment * 1000 - 500))
      a=$((i * segment)) b=$(((i + 1) * segment))
      if [ "$lang" = en ]; then
        sound="[steady $tone Hz tone]" line="$name – caption $((i + 1)) of $count ($a to $b s)"
      else
        sound="[tono continuo de $tone Hz]" line="$name – subtítulo $((i + 1)) de $count ($a a $b s)"
      fi
      printf 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:%s,LOCAL:00:00:00.000\n\n%s --> %s line:54%%\n%s\n%s\n' \
        "$pts" "$(vtt_time $from)" "$(vtt_time $to)" "$sound" "$line" >"$dir/$file"
      printf '#EXTINF:%d.000000,\n%s\n' "$segment" "$file" >>"$playlist"
      i=$((i + 1))
    done
    printf '#EXT-X-ENDLIST\n' >>"$playlist"
  done
  media='#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English CC",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,CHARACTERISTICS="public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-music-and-sound",URI="subs_en.m3u8"'
  media_es='#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Español",LANGUAGE="es",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subs_es.m3u8"'
  sed -i -e "s|^#EXT-X-STREAM-INF:\(.*\)\$|$media\\n$media_es\\n#EXT-X-STREAM-INF:\1,SUBTITLES=\"subs\"|" "$dir/index.m3u8"
}

echo "$streams" | while IFS='|' read -r id name bg accent tone; do
  if [ $# -eq 0 ] || [ "$1" = "$id" ]; then make_stream "$id" "$name" "$bg" "$accent" "$tone"; fi
done
du -sk "$out_root" | awk '{ print "total      " $1 " KiB" }'
