// How many lines a piece of card text wraps to, measured with the real fonts on a 2D
// canvas (no DOM layout). The layout uses it to place cards right the first time, so
// opening a big board does not lay every card out twice; the canvas still measures the
// rendered cards and corrects any estimate that was off.

/** The text styles on cards whose wrapping decides a card's height. */
export type TextStyle = "heading" | "title" | "body" | "mono" | "meta";

/** Lines the text takes in a box of the given width. */
export type LineCounter = (text: string, style: TextStyle, width: number) => number;

const CHAR_WIDTH: Record<TextStyle, number> = {
  heading: 12.5,
  title: 8.6,
  body: 7.2,
  mono: 7.8,
  meta: 6.6,
};

/** Without fonts (tests, or before the canvas exists): an average character width. */
export const roughLines: LineCounter = (text, style, width) =>
  text ? Math.max(1, Math.ceil((text.length * CHAR_WIDTH[style]) / width)) : 0;

const FONTS: Record<TextStyle, string> = {
  heading: '700 22px "Inter Variable", Inter, system-ui, sans-serif',
  body: '14px "Inter Variable", Inter, system-ui, sans-serif',
  title: '650 16px "Inter Variable", Inter, system-ui, sans-serif',
  mono: '13px ui-monospace, "JetBrains Mono", "DejaVu Sans Mono", monospace',
  meta: '13px "Inter Variable", Inter, system-ui, sans-serif',
};

/** Greedy wrapping as the browser does it: at spaces (and after underscores for event
 * names), breaking a word only when it alone is wider than the line. */
export function wrapLines(text: string, width: number, measure: (s: string) => number): number {
  if (!text) return 0;
  const words = text.split(/(?<=[ _])/);
  let lines = 1;
  let line = 0;
  for (const word of words) {
    const w = measure(word);
    const visible = measure(word.trimEnd());
    if (line > 0 && line + visible > width) {
      lines++;
      line = 0;
    }
    if (line === 0 && visible > width) {
      lines += Math.ceil(visible / width) - 1;
      line = visible % width;
      continue;
    }
    line += w;
  }
  return lines;
}

/** A line counter using the page's fonts; falls back to `roughLines` without a canvas. */
export function fontLines(): LineCounter {
  const ctx =
    typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!ctx) return roughLines;
  const cache = new Map<string, number>();
  return (text, style, width) => {
    const key = `${style}|${width}|${text}`;
    let n = cache.get(key);
    if (n === undefined) {
      ctx.font = FONTS[style];
      n = wrapLines(text, width, (s) => ctx.measureText(s).width);
      cache.set(key, n);
    }
    return n;
  };
}
