// One customer's value review, as the core words it — the same sentences as its PDF: each
// value metric against its peers on a percentile strip, the money left on the table, the
// maturity phases and what to unlock next.
import { useEffect, useState } from "react";
import type { MetricBlock } from "../../bindings/MetricBlock";
import type { Review } from "../../bindings/Review";
import { type AppError, api, toAppError } from "../../ipc";

const MARKS = [
  [50, "median", "Peers' median"],
  [75, "p75", "p75: good peers"],
  [90, "p90", "p90: best in class"],
] as const;

/** Where the customer's improvement stands among its peers: 0–100 with p50/p75/p90 marks. */
function Strip({ m }: { m: MetricBlock }) {
  if (m.percentile == null) return null;
  return (
    <div className="value-strip" role="img" aria-label={m.percentile_words ?? ""}>
      {MARKS.map(([at, label, title]) => (
        <span key={label}>
          <span className="value-strip-mark" style={{ left: `${at}%` }} title={title} />
          <span className="value-strip-label" style={{ left: `${at}%` }} aria-hidden="true">
            {label}
          </span>
        </span>
      ))}
      <span
        className="value-strip-dot"
        style={{ left: `${Math.max(0, Math.min(100, m.percentile))}%` }}
        data-testid="value-percentile"
        data-percentile={m.percentile}
      />
    </div>
  );
}

function Metric({ m }: { m: MetricBlock }) {
  return (
    <div className="value-metric" data-testid="review-metric">
      <div className="value-metric-head">
        <strong>{m.name}</strong>
        {m.leakage && <span className="value-gap">{m.leakage}</span>}
      </div>
      <p>{m.now}</p>
      {m.peers && <p>{m.peers}</p>}
      {m.group && <p className="muted">Peers: {m.group}</p>}
      {m.reason && <p className="muted">Not compared: {m.reason}.</p>}
      <Strip m={m} />
      {m.percentile_words && <p className="muted value-percentile-words">{m.percentile_words}</p>}
    </div>
  );
}

/** The review of `customer`, asked of the core whenever the customer or the peers change. */
function useReview(id: number, customer: string, imported: boolean, revision: unknown) {
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report is a new review
  useEffect(() => {
    let live = true;
    setError(null);
    api.valueReview(id, customer, imported).then(
      (r) => live && setReview(r),
      (e) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, customer, imported, revision]);
  return { review: review?.customer_id === customer ? review : null, error };
}

export function ReviewCard(props: {
  id: number;
  customer: string;
  imported: boolean;
  /** The report the customer was picked from: a new one asks for the review again. */
  revision: unknown;
  busy: boolean;
  onExport: () => void;
}) {
  const { review, error } = useReview(props.id, props.customer, props.imported, props.revision);
  return (
    <section className="panel-card value-review" data-testid="value-review" aria-busy={!review}>
      <div className="value-review-head">
        <h2>
          {review?.customer ?? props.customer}{" "}
          <span className="muted">{review ? review.customer_id : ""}</span>
        </h2>
        <button
          type="button"
          className="button"
          onClick={props.onExport}
          disabled={props.busy || !review}
          data-testid="export-review"
          title="A one- or two-page PDF for an executive business review"
        >
          {props.busy ? "Saving…" : "Value review PDF…"}
        </button>
      </div>
      {error && <p className="error-text">{error.message}</p>}
      {review && (
        <>
          <dl className="value-facts">
            {review.facts.map(([label, value]) => (
              <div
                key={label}
                className={label === "Churned" ? "value-fact churned" : "value-fact"}
              >
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="value-total">
            Left on the table:{" "}
            <strong data-testid="review-leakage">{review.headline ?? review.headline_none}</strong>
          </p>
          <p className="muted">{review.headline_words}</p>
          {review.phases.length > 0 && (
            <ol className="value-phases-line" aria-label="Maturity phases">
              {review.phases.map((p) => (
                <li key={p.name} className={p.current ? "current" : p.reached ? "reached" : ""}>
                  <strong>{p.name}</strong> <span className="muted">{p.adopted}</span>
                </li>
              ))}
            </ol>
          )}
          {review.metrics.map((m) => (
            <Metric key={m.name} m={m} />
          ))}
          {review.next.length > 0 && (
            <>
              <h3>What to unlock next</h3>
              <ul className="value-next">
                {review.next.map((n) => (
                  <li key={n.name}>
                    <strong>{n.name}</strong>: {n.words}
                    {n.plays && <span className="muted"> Play: {n.plays}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
