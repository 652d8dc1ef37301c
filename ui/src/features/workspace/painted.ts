// Says once per view, after the browser has drawn it, that it was painted: the app notes
// the moment for `make bench-app` (launch to the journey painted with its live counts).
import { api } from "../../ipc";

const said = new Set<string>();

export function reportPainted(what: string) {
  if (said.has(what)) return;
  said.add(what);
  // The frame after next: the one this render's changes were drawn in has been shown.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      void api.painted(what).catch(() => {});
    }),
  );
}
