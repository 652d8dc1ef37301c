// The success funnel as a chart (ECharts, only the parts used): one band per milestone,
// width by customers reached, the bottleneck in red; clicking a band picks the milestone.
import { FunnelChart as EFunnel } from "echarts/charts";
import { TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Funnel } from "../../bindings/Funnel";

echarts.use([EFunnel, TooltipComponent, SVGRenderer]);

const pct = (x: number | null) => (x == null ? "—" : `${Math.round(x * 100)}%`);
const whole = new Intl.NumberFormat("en-US");

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

interface Props {
  funnel: Funnel;
  selected: string | null;
  onSelect: (milestone: string) => void;
}

export function FunnelChart({ funnel, selected, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.current = c;
    c.on("click", (e) => {
      const id = (e.data as { id?: string } | undefined)?.id;
      if (id) select.current(id);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const ink = cssVar("--ink");
    const base = cssVar("--milestones");
    const danger = cssVar("--danger");
    const n = funnel.milestones.length;
    chart.current?.setOption(
      {
        animationDuration: 250,
        tooltip: {
          trigger: "item",
          formatter: (p: { data: { tip: string } }) => p.data.tip,
        },
        series: [
          {
            type: "funnel",
            sort: "none",
            left: "2%",
            width: "96%",
            top: 8,
            bottom: 8,
            minSize: "30%",
            maxSize: "100%",
            gap: 3,
            min: 0,
            max: Math.max(1, funnel.customers),
            label: {
              position: "inside",
              color: "#fff",
              fontSize: 14,
              fontWeight: 600,
              fontFamily: "Inter Variable, Inter, sans-serif",
              formatter: (p: { data: { label: string } }) => p.data.label,
            },
            labelLine: { show: false },
            itemStyle: { borderWidth: 0 },
            emphasis: { label: { fontSize: 15 } },
            data: funnel.milestones.map((m, i) => {
              const bottleneck = m.id === funnel.bottleneck;
              const chosen = m.id === selected;
              return {
                id: m.id,
                name: m.name,
                value: Math.max(m.reached, funnel.customers * 0.001),
                label: `M${i + 1} · ${whole.format(m.reached)}`,
                tip: `<b>${m.name}</b><br/>${whole.format(m.reached)} reached (${pct(
                  m.conversion_from_start,
                )} of all)<br/>${pct(m.conversion_from_previous)} of the previous milestone<br/>median ${
                  m.median_days_from_start?.toFixed(1) ?? "—"
                } days from start<br/>${m.churned} churned here (${pct(m.churn_rate)})`,
                itemStyle: {
                  color: bottleneck ? danger : base,
                  opacity: 1 - (0.45 * i) / Math.max(1, n),
                  borderColor: chosen ? ink : "transparent",
                  borderWidth: chosen ? 3 : 0,
                },
              };
            }),
          },
        ],
      },
      true,
    );
  }, [funnel, selected]);

  return <div ref={box} className="funnel-chart" data-testid="funnel-chart" />;
}
