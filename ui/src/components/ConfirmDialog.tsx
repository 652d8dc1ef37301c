import { useEffect, useRef } from "react";
import { useEscape } from "./useEscape";

interface Props {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question. Escape cancels; focus starts on Cancel so Enter never destroys by accident. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  useEscape(onCancel);

  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">
          <button type="button" ref={cancelRef} className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? "button button-danger" : "button button-primary"}
            onClick={onConfirm}
            data-testid="confirm-button"
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
