// The matrix canvas's size in CSS pixels, following its box (never smaller than 320 × 300).
import { type RefObject, useEffect, useState } from "react";
import type { Size } from "./plotArea";

export function useCanvasSize(wrap: RefObject<HTMLDivElement | null>): Size {
  const [size, setSize] = useState<Size>({ w: 800, h: 560 });
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => {
      if (!e) return;
      const { width, height } = e.contentRect;
      setSize({ w: Math.max(320, Math.floor(width)), h: Math.max(300, Math.floor(height)) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [wrap]);
  return size;
}
