/** The top bar's way back to the previous screen. Escape does the same, except from the
 * journey editor (`byEscape` false), where Escape never leaves the board. */
export function BackButton({
  label,
  onBack,
  byEscape = true,
}: {
  label: string;
  onBack: () => void;
  byEscape?: boolean;
}) {
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={onBack}
      title={byEscape ? "Back (Esc)" : `Back to the ${label.toLowerCase()}`}
      data-testid="back"
    >
      ← {label}
    </button>
  );
}
