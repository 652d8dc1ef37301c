// What the Matrices view shows: which points, the filters, the compare date, the point size.
import { useState } from "react";
import type { Level } from "../../bindings/Level";

export type SizeBy = "arr" | "stakeholders" | "none";

export interface MatrixFilters {
  level: Level;
  setLevel: (level: Level) => void;
  /** Segment and owner ask the core; stage and health filter on screen. */
  segment: string;
  setSegment: (segment: string) => void;
  owner: string;
  setOwner: (owner: string) => void;
  stage: string;
  setStage: (stage: string) => void;
  health: string;
  setHealth: (health: string) => void;
  /** A date (YYYY-MM-DD) to show where each point was then; "" for none. */
  compare: string;
  setCompare: (date: string) => void;
  sizeBy: SizeBy;
  setSizeBy: (sizeBy: SizeBy) => void;
}

export function useMatrixFilters(): MatrixFilters {
  const [level, setLevel] = useState<Level>("stakeholder");
  const [segment, setSegment] = useState("");
  const [owner, setOwner] = useState("");
  const [stage, setStage] = useState("");
  const [health, setHealth] = useState("");
  const [compare, setCompare] = useState("");
  const [sizeBy, setSizeBy] = useState<SizeBy>("arr");
  return {
    level,
    setLevel,
    segment,
    setSegment,
    owner,
    setOwner,
    stage,
    setStage,
    health,
    setHealth,
    compare,
    setCompare,
    sizeBy,
    setSizeBy,
  };
}
