import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The desktop app loads ui/dist through Tauri's custom protocol; relative asset paths keep
// the bundle loadable from any origin.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", chunkSizeWarningLimit: 1500 },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
