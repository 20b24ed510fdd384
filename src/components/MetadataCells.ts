/** Account's shared-metadata grid: label over value, `cols` columns; encrypted values muted and in italics. */
import type { AttributeLine } from '../controllers/account';
import { COLORS, FONT_SIZE, textStyle } from '../theme';

export function metadataCells(lines: AttributeLine[], cols: number, colW: number, lineH: number): object[] {
  return lines.map((e, i) => ({
    x: (i % cols) * colW,
    y: Math.floor(i / cols) * lineH,
    Label: { text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { text: e.label }) },
    Value: {
      y: 32,
      text: textStyle(FONT_SIZE.body, e.encrypted ? COLORS.textMuted : COLORS.text, {
        text: e.value,
        fontStyle: e.encrypted ? 'italic' : 'normal',
        wordWrapWidth: colW - 40,
        maxLines: 1,
        textOverflow: 'ellipsis',
      }),
    },
  }));
}
