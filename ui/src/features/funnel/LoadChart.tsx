// The rules' dry run as a chart: tasks per owner per week for one role, against the
// role's capacity (a dashed line). Weeks are labelled by their last day.
import { BarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { WeekLoad } from "../../bindings/WeekLoad";

echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

const PALETTE = [
  "#0f766e",
  "#4338ca",
  "#b45309",
  "#be123c",
  "#0369a1",
  "#7c3aed",
  "#15803d",
  "#a16207",
];

/** The last day of the 7-day week starting on `first` (YYYY-MM-DD), as MM-DD. */
function weekEnd(first: string): string {
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(5, 10);
}

export function LoadChart({ load, capacity }: { load: WeekLoad[]; capacity: number | null }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    const ink = getComputedStyle(document.documentElement).getPropertyValue("--ink-2").trim();
    const weeks = [...new Set(load.map((w) => w.week))].sort();
    const owners = [...new Set(load.map((w) => w.owner ?? "No owner"))].sort();
    chart.current?.setOption(
      {
        animationDuration: 200,
        textStyle: { fontFamily: "Inter Variable, Inter, sans-serif", color: ink },
        tooltip: { trigger: "axis" },
        // The legend above the plot, the axis name beside it and the capacity's words
        // to the right of its line: none of them over another's text or the bars.
        legend: { top: 0, left: 56, right: 96, textStyle: { color: ink } },
        grid: { left: 56, right: 96, top: 48, bottom: 28 },
        xAxis: { type: "category", data: weeks.map(weekEnd), axisLabel: { color: ink } },
        // Room for the capacity line even when every week stays below it.
        yAxis: {
          type: "value",
          name: "tasks",
          nameLocation: "middle",
          nameRotate: 90,
          nameGap: 36,
          axisLabel: { color: ink },
          max: (v: { max: number }) => Math.ceil(Math.max(v.max, capacity ?? 0) * 1.1),
        },
        series: owners.map((o, i) => ({
          type: "bar",
          name: o,
          itemStyle: { color: PALETTE[i % PALETTE.length] },
          data: weeks.map((w) =>
            load
              .filter((x) => x.week === w && (x.owner ?? "No owner") === o)
              .reduce((n, x) => n + x.tasks, 0),
          ),
          ...(i === 0 && capacity != null
            ? {
                markLine: {
                  symbol: "none",
                  lineStyle: { color: "#b42318", type: "dashed", width: 2 },
                  // In the margin right of the plot: never on the bars or the axis.
                  label: {
                    formatter: `capacity ${capacity}`,
                    color: "#b42318",
                    position: "end",
                  },
                  data: [{ yAxis: capacity }],
                },
              }
            : {}),
        })),
      },
      true,
    );
  }, [load, capacity]);

  return <div ref={box} className="load-chart" data-testid="load-chart" />;
}
