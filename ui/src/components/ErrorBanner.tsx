import type { AppError } from "../ipc";

/** Shows a failed action in words, keeping every line of a multi-problem message. */
export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss: () => void }) {
  const [first, ...rest] = error.message.split("\n");
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <div className="error-text">
        <strong>{first}</strong>
        {rest.length > 0 && (
          <ul>
            {rest.map((line) => (
              <li key={line}>{line.trim()}</li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="button button-quiet"
        onClick={onDismiss}
        aria-label="Dismiss"
      >
        ✕
      </button>
    </div>
  );
}
