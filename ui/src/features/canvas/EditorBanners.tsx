// The bars above the board that tell the person something: a save that failed, an error,
// the core's words or the voting room unavailable, the journey changed elsewhere, and the
// last notice (an export saved, a version restored).
import { ErrorBanner } from "../../components/ErrorBanner";
import type { AppError } from "../../ipc";
import type { JourneyEditor } from "../editor/useJourneyEditor";
import type { Voting } from "../voting/useVoting";

interface Props {
  editor: JourneyEditor;
  error: AppError | null;
  onDismissError: () => void;
  /** Why the core's words for the cards did not arrive. */
  wordsError: AppError | null;
  voting: Voting;
}

export function EditorBanners({ editor, error, onDismissError, wordsError, voting }: Props) {
  const save = editor.saveState;
  return (
    <>
      {save.kind === "failed" && (
        <ErrorBanner error={save.error} onDismiss={() => void editor.flush()} />
      )}
      {error && <ErrorBanner error={error} onDismiss={onDismissError} />}
      {wordsError && <ErrorBanner error={wordsError} onDismiss={() => undefined} />}
      {voting.roomError && <ErrorBanner error={voting.roomError} onDismiss={voting.stopRoom} />}
      {editor.changedElsewhere && (
        <div className="notice-bar" role="status" data-testid="changed-elsewhere">
          This journey was changed in another window or by the command line; you are now seeing that
          version (Undo goes back to yours).
          <button
            type="button"
            className="button button-quiet"
            onClick={editor.dismissChangedElsewhere}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
    </>
  );
}

export function NoticeBar({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className="notice-bar" role="status">
      <span data-testid="notice">{notice}</span>
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
