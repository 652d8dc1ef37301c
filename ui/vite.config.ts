import react from "@vitejs/plugin-react";
import type { OutputChunk } from "rolldown";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

// Prints what the window reads before its first paint: the entry chunk and what it imports
// statically. Each view is its own chunk, read when the view is first opened.
function firstPaint(): Plugin {
  return {
    name: "milepost-first-paint",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunk>();
      for (const item of Object.values(bundle)) {
        if (item.type === "chunk") chunks.set(item.fileName, item);
      }
      const size = (files: Set<string>) =>
        [...files].reduce((n, f) => n + new TextEncoder().encode(chunks.get(f)?.code ?? "").length, 0);
      const closure = (start: string, into = new Set<string>()) => {
        if (into.has(start)) return into;
        into.add(start);
        for (const f of chunks.get(start)?.imports ?? []) closure(f, into);
        return into;
      };
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const first = closure(entry.fileName);
      console.log(`\nJavaScript loaded before the first paint: ${kb(size(first))} (uncompressed)`);
      for (const c of chunks.values()) {
        if (!c.isDynamicEntry) continue;
        const view = closure(c.fileName);
        for (const f of first) view.delete(f);
        console.log(`  ${c.name}: ${kb(size(view))} more when first opened`);
      }
    },
  };
}

// The desktop app loads ui/dist through Tauri's custom protocol; relative asset paths keep
// the bundle loadable from any origin.
export default defineConfig({
  base: "./",
  plugins: [react(), firstPaint()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", chunkSizeWarningLimit: 600 },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
