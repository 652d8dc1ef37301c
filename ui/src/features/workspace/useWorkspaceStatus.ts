// Whether the workspace opens: asked at start, and again whenever a command finds it
// damaged in the middle of work.
import { useCallback, useEffect, useState } from "react";
import type { WorkspaceStatus } from "../../bindings/WorkspaceStatus";
import { api, WORKSPACE_DAMAGED } from "../../ipc";

export function useWorkspaceStatus(): {
  status: WorkspaceStatus | null;
  /** The first answer (or failure) has come. */
  checked: boolean;
  recheck: () => Promise<void>;
} {
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  const [checked, setChecked] = useState(false);
  const recheck = useCallback(async () => {
    try {
      setStatus(await api.workspaceStatus());
    } catch {
      // The home screen says what went wrong; nothing better to show here.
      setStatus(null);
    }
    setChecked(true);
  }, []);
  useEffect(() => {
    void recheck();
    const onDamaged = () => void recheck();
    window.addEventListener(WORKSPACE_DAMAGED, onDamaged);
    return () => window.removeEventListener(WORKSPACE_DAMAGED, onDamaged);
  }, [recheck]);
  return { status, checked, recheck };
}
