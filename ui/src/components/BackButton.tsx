/** The top bar's way back to the previous screen (Escape does the same). */
export function BackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <button type="button" className="button button-quiet" onClick={onBack} title="Back (Esc)">
      ← {label}
    </button>
  );
}
