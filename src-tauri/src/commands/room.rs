//! Room voting: share the open round with the phones in the room, keep them in step with
//! the editor, stop sharing. The server itself is `crate::room`.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use milepost::error::ErrorCode;
use milepost::journey::Journey;
use milepost::journey::voting::{self, RoomInfo, RoomVote};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::{CommandError, CommandResult};
use crate::room::{Room, lan_address, qr_svg};
use crate::state::AppState;

/// Where the server listens: `MILEPOST_ROOM_HOST` when set (the tests use 127.0.0.1),
/// else this computer's address on the local network, else this computer only.
fn host() -> (IpAddr, bool) {
    if let Some(ip) = std::env::var("MILEPOST_ROOM_HOST")
        .ok()
        .and_then(|h| h.parse().ok())
    {
        return (ip, false);
    }
    match lan_address() {
        Some(ip) => (ip, false),
        None => (IpAddr::V4(Ipv4Addr::LOCALHOST), true),
    }
}

/// Starts serving `journey`'s open round to phones, with a fresh token (a room shared
/// before stops first). Each dot a phone places arrives on `on_vote`, numbered.
#[tauri::command]
pub async fn room_start(
    journey: Journey,
    on_vote: Channel<RoomVote>,
    state: State<'_, AppState>,
) -> CommandResult<RoomInfo> {
    stop(&state);
    if voting::open_round(&journey).is_none() {
        return Err(CommandError::new(
            ErrorCode::InvalidOption,
            "Start a voting round first: the phones vote in the open round.",
        ));
    }
    let (ip, local_only) = host();
    let room = Room::start(
        journey,
        ip,
        Arc::new(move |vote| {
            let _ = on_vote.send(vote);
        }),
    )
    .await
    .map_err(|e| {
        CommandError::new(
            ErrorCode::Io,
            format!("Room voting could not start on {ip}: {e}"),
        )
    })?;
    let url = room.url();
    let qr_svg = qr_svg(&url).map_err(CommandError::internal)?;
    *state.room.lock().unwrap_or_else(|p| p.into_inner()) = Some(room);
    Ok(RoomInfo {
        url,
        qr_svg,
        local_only,
    })
}

/// The journey as the editor has it now, with the phones' votes applied up to number
/// `seen`; closing the round stops the room.
#[tauri::command]
pub async fn room_sync(
    journey: Journey,
    seen: u32,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    if voting::open_round(&journey).is_none() {
        stop(&state);
        return Ok(());
    }
    if let Some(room) = state
        .room
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
    {
        room.sync(journey, seen);
    }
    Ok(())
}

#[tauri::command]
pub async fn room_stop(state: State<'_, AppState>) -> CommandResult<()> {
    stop(&state);
    Ok(())
}

/// Stops the room's server, if one runs: its address and token are dead from here on.
pub fn stop(state: &AppState) {
    if let Some(mut room) = state.room.lock().unwrap_or_else(|p| p.into_inner()).take() {
        room.stop();
    }
}
