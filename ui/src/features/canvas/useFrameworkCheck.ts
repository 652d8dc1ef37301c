// The framework check's findings (worded by the core): listed in the journey's panel and,
// unless the person turns them off, flagged on the canvas cards.
import { useMemo, useState } from "react";
import type { Finding } from "../../bindings/Finding";
import type { JourneyWords } from "../../bindings/JourneyWords";
import { nodeId } from "./ids";

const NO_FINDINGS: Finding[] = [];

export interface FrameworkCheck {
  findings: Finding[];
  /** The node ids of the cards flagged on the canvas (none while the flags are hidden). */
  flagged: ReadonlySet<string>;
  showFlags: boolean;
  setShowFlags: (show: boolean) => void;
}

export function useFrameworkCheck(words: JourneyWords | null): FrameworkCheck {
  const [showFlags, setShowFlags] = useState(true);
  const findings = words?.findings ?? NO_FINDINGS;
  // The same cards flagged keep the same set, so a fresh answer from the core that flags
  // the same cards does not lay the board out again.
  const ids = showFlags ? [...new Set(findings.map((f) => nodeId(f.kind, f.id)))].join("\n") : "";
  const flagged = useMemo(() => new Set(ids ? ids.split("\n") : []), [ids]);
  return { findings, flagged, showFlags, setShowFlags };
}
