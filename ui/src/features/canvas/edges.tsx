import { BaseEdge, type Edge, type EdgeProps, getSmoothStepPath, Position } from "@xyflow/react";
import { memo } from "react";
import { HEALTH_COLOURS } from "./describe";

/** The customer's path from one milestone to the next, in funnel order. */
export type PathEdge = Edge<{ health: boolean }, "path">;

const STRAND_GAP = 3.5;

/** Down a column between stacked milestones, or across to the next stage's first one.
 * Where the stage has health rules the path is three strands — green (on track), grey
 * (caution), red (warning) — like the on-track paths of a journey map. */
export const MilestonePath = memo(function MilestonePath(props: EdgeProps<PathEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const down = sourcePosition === Position.Bottom;
  const strand = (offset: number) => {
    if (down) return `M ${sourceX + offset} ${sourceY} L ${targetX + offset} ${targetY}`;
    // Across columns: horizontal, vertical in the gap, horizontal. The vertical run shifts
    // against the direction of travel so the strands never cross at a corner.
    const turn = targetY > sourceY ? -offset : offset;
    const [path] = getSmoothStepPath({
      sourceX,
      sourceY: sourceY + offset,
      targetX,
      targetY: targetY + offset,
      sourcePosition,
      targetPosition,
      centerX: (sourceX + targetX) / 2 + turn,
      borderRadius: 10,
      offset: 0,
    });
    return path;
  };
  if (!data?.health) return <BaseEdge path={strand(0)} className="milestone-path" />;
  return (
    <g className="milestone-path-health">
      {HEALTH_COLOURS.map((colour, i) => (
        <path
          key={colour}
          d={strand((i - 1) * STRAND_GAP)}
          className={`milestone-path-strand strand-${colour}`}
          fill="none"
        />
      ))}
    </g>
  );
});

export const edgeTypes = { path: MilestonePath };
