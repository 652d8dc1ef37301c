// The question asked before a command that takes more with it (deleting stages that still
// hold cards): the command runs only once the person confirms.
import { ConfirmDialog } from "../../components/ConfirmDialog";
import type { Confirm } from "./useSelection";

interface Props {
  confirm: Confirm | null;
  onClose: () => void;
}

export function ConfirmPrompt({ confirm, onClose }: Props) {
  if (!confirm) return null;
  return (
    <ConfirmDialog
      title={confirm.title}
      confirmLabel={confirm.label}
      danger
      onConfirm={() => {
        confirm.run();
        onClose();
      }}
      onCancel={onClose}
    >
      <p>{confirm.body}</p>
    </ConfirmDialog>
  );
}
