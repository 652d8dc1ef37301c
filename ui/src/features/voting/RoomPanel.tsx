// Room voting on the big screen: the QR code phones scan, the address for those who type
// it, and how many dots each participant has left; the tallies appear on the cards.
import { useState } from "react";
import type { Journey } from "../../bindings/Journey";
import type { RoomInfo } from "../../bindings/RoomInfo";
import { dotsUsed, openRound } from "./rules";

export function RoomPanel({
  journey: j,
  room,
  onStop,
}: {
  journey: Journey;
  room: RoomInfo;
  onStop: () => void;
}) {
  const [small, setSmall] = useState(false);
  const round = openRound(j);
  const people = j.workshop?.participants ?? [];
  return (
    <div className={small ? "room-panel room-panel-small" : "room-panel"} data-testid="room-panel">
      <div className="room-title">Vote from your phone</div>
      {!small && (
        <img
          className="room-qr"
          alt={`QR code for ${room.url}`}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(room.qr_svg)}`}
        />
      )}
      <div className="room-url" data-testid="room-url">
        {room.url}
      </div>
      {room.local_only && (
        <p className="room-warning">
          This computer is on no network, so only a browser on this computer can open the address.
          Connect to the room’s Wi-Fi, then start room voting again.
        </p>
      )}
      {round && (
        <ul className="room-people">
          {people.map((p) => {
            const left = round.dots - dotsUsed(round, p.id);
            return (
              <li key={p.id} className={left === 0 ? "room-done" : ""}>
                <span className="chip-dot" style={{ background: p.color }} />
                {p.name}
                <span className="muted">{left === 0 ? "done" : `${left} left`}</span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field-row">
        <button type="button" className="button button-quiet" onClick={() => setSmall((s) => !s)}>
          {small ? "Show the code" : "Smaller"}
        </button>
        <button type="button" className="button" onClick={onStop} data-testid="room-stop">
          Stop room voting
        </button>
      </div>
    </div>
  );
}
