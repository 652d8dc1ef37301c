import { describe, expect, it } from "vitest";
import type { Funnel } from "../../bindings/Funnel";
import type { FunnelStep } from "../../bindings/FunnelStep";
import { barLayout, LABEL_INSIDE, MIN_WIDTH } from "./funnelBars";

const step = (id: string, reached: number) => ({ id, name: id, reached }) as FunnelStep;
const funnel = (customers: number, reached: number[]): Funnel =>
  ({
    journey: "J",
    as_of: "2025-12-31",
    customers,
    milestones: reached.map((r, i) => step(`m${i}`, r)),
    not_started: 0,
    not_started_churned: 0,
    bottleneck: null,
  }) as Funnel;

describe("the funnel chart's bars", () => {
  it("are as wide as the share of customers that reached each milestone", () => {
    const [m1, m7] = barLayout(funnel(2000, [1660, 40])).map((b) => b.width);
    expect(m1).toBeCloseTo(0.83);
    // 40 customers are drawn 40/1660 as wide as 1,660, not a third.
    expect((m7 ?? 0) / (m1 ?? 1)).toBeCloseTo(40 / 1660);
  });

  it("draw an empty step as a sliver with its words beside it", () => {
    const [empty, full] = barLayout(funnel(100, [0, 100])).map(({ width, inside }) => ({
      width,
      inside,
    }));
    expect(empty).toEqual({ width: MIN_WIDTH, inside: false });
    expect(full).toEqual({ width: 1, inside: true });
    expect(barLayout(funnel(100, [Math.floor(LABEL_INSIDE * 100) - 1]))[0]?.inside).toBe(false);
  });

  it("draw nothing wider than the chart when nobody is in the funnel", () => {
    expect(barLayout(funnel(0, [0]))[0]?.width).toBe(MIN_WIDTH);
  });
});
