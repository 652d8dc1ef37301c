// The picked point: its customer, and each stakeholder's scores.
import type { CustomerDetail } from "../../bindings/CustomerDetail";
import type { MatrixPoint } from "../../bindings/MatrixPoint";
import { SCORES } from "../../bindings/vocabulary";

export function PointDetail(props: {
  point: MatrixPoint;
  detail: CustomerDetail | null;
  draggable: boolean;
}) {
  const { point, detail } = props;
  const people =
    detail?.stakeholders.filter((s) => !point.stakeholder || s.name === point.stakeholder) ?? [];
  return (
    <section className="panel-card point-detail" data-testid="point-detail">
      <h2>
        {point.name} <span className="muted">{point.quadrant}</span>
      </h2>
      {detail && (
        <p className="muted">
          {detail.customer.name ?? detail.customer.id} · {detail.customer.segment ?? "no segment"} ·
          ARR {detail.customer.arr_text ?? "—"}
        </p>
      )}
      {people.map((s) => (
        <table key={s.name} className="data-table score-table">
          <caption>
            {s.name}
            {s.title ? `, ${s.title}` : ""}
            {s.decision_maker ? " · decision maker" : ""}
          </caption>
          <tbody>
            {SCORES.map((d) => (
              <tr key={d.value}>
                <td>{d.label}</td>
                <td className="num">{s[d.value] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
