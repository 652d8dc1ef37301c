//! Room voting: while a round is open and the facilitator shares it, a small web server
//! on the local network lets each participant place their dots from a phone.
//!
//! What keeps it small and closed: it is bound only while shared (`Room::start` to
//! `Room::stop`, or the app quitting), on one address; every path carries a fresh random
//! token (192 bits) and anything without it gets a bare 404; it serves one page, the open
//! round's read-only view (the question, the names, the cards' names, the asker's own
//! dots) and the vote endpoint, which holds each participant to the round's dots by the
//! core's rules (`milepost::journey::voting`). A vote is handed to the app, numbered, which
//! applies it to the journey being edited and sends the journey back with the last number
//! it applied (`Room::sync`); votes the app has not applied yet stay on top of that board,
//! so a board sent before a dot arrived never makes the server forget it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use milepost::journey::Journey;
use milepost::journey::voting::{self, RoomVote, VoteAction};
use tokio::sync::oneshot;

const PAGE: &str = include_str!("page.html");

/// Told of each dot a phone placed or took back, after the rules allowed it.
pub type OnVote = Arc<dyn Fn(RoomVote) + Send + Sync>;

/// The server's copy of the board: the editor's latest, with the dots accepted since that
/// the editor has not applied yet.
struct Board {
    journey: Journey,
    /// Accepted, told to the editor, not yet in a board it sent back; oldest first.
    unseen: Vec<RoomVote>,
    next: u32,
}

#[derive(Clone)]
struct Shared {
    token: Arc<str>,
    board: Arc<Mutex<Board>>,
    on_vote: OnVote,
}

/// A running room: its address and token. Dropping it stops the server.
pub struct Room {
    addr: SocketAddr,
    token: Arc<str>,
    board: Arc<Mutex<Board>>,
    stop: Option<oneshot::Sender<()>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token: it is the key to the room.
        f.debug_struct("Room")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// A fresh token: 24 random bytes from the operating system, as hex.
fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares in time independent of where the strings differ, so the token cannot be
/// guessed a character at a time.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// This computer's address on the local network (the one its default route leaves by),
/// or `None` when it has none. Connecting a UDP socket sends nothing.
pub fn lan_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

impl Room {
    /// Binds `host` (any free port) and serves `journey`'s open round until stopped.
    pub async fn start(journey: Journey, host: IpAddr, on_vote: OnVote) -> std::io::Result<Room> {
        let token: Arc<str> = new_token()?.into();
        let board = Arc::new(Mutex::new(Board {
            journey,
            unseen: Vec::new(),
            next: 1,
        }));
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(host, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            token: token.clone(),
            board: board.clone(),
            on_vote,
        };
        let app = Router::new()
            .route("/r/{token}", get(page))
            .route("/r/{token}/round", get(round))
            .route("/r/{token}/vote", post(vote))
            .fallback(|| async { StatusCode::NOT_FOUND })
            .layer(DefaultBodyLimit::max(4096))
            .with_state(shared);
        let (stop, stopped) = oneshot::channel::<()>();
        tauri::async_runtime::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Room {
            addr,
            token,
            board,
            stop: Some(stop),
        })
    }

    /// The address a phone opens.
    pub fn url(&self) -> String {
        format!("http://{}/r/{}", self.addr, self.token)
    }

    /// The journey as the editor has it now (the facilitator's own clicks, undo, new
    /// cards), having applied the phones' votes up to number `seen`: what phones see and
    /// vote against from here on, with the later votes still on top.
    pub fn sync(&self, journey: Journey, seen: u32) {
        let mut board = self.board.lock().unwrap_or_else(|p| p.into_inner());
        board.unseen.retain(|v| v.seq > seen);
        board.journey = journey;
        let Board {
            journey, unseen, ..
        } = &mut *board;
        for v in unseen.iter() {
            // The editor checks each vote again when it arrives; one it will refuse is
            // refused here too.
            let _ = voting::apply(journey, &v.action);
        }
    }

    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The room's address as a QR code, an SVG document.
pub fn qr_svg(url: &str) -> Result<String, qrcode::types::QrError> {
    let code = qrcode::QrCode::new(url.as_bytes())?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(320, 320)
        .quiet_zone(true)
        .build())
}

fn nothing() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// No caching (the page changes with the round), no referrer (the address is the key).
fn private(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
        ),
    );
    r
}

async fn page(State(s): State<Shared>, Path(token): Path<String>) -> Response {
    if !same(&token, &s.token) {
        return nothing();
    }
    private(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response())
}

#[derive(serde::Deserialize)]
struct Who {
    p: Option<String>,
}

/// The open round as the asking participant sees it; 410 once no round is open.
async fn round(
    State(s): State<Shared>,
    Path(token): Path<String>,
    Query(who): Query<Who>,
) -> Response {
    if !same(&token, &s.token) {
        return nothing();
    }
    let view = match s.board.lock() {
        Ok(b) => voting::room_view(&b.journey, who.p.as_deref()),
        Err(_) => None,
    };
    private(match view {
        Some(v) => axum::Json(v).into_response(),
        None => StatusCode::GONE.into_response(),
    })
}

/// Places or takes back one dot; 409 with the reason when the rules refuse it.
async fn vote(
    State(s): State<Shared>,
    Path(token): Path<String>,
    axum::Json(action): axum::Json<VoteAction>,
) -> Response {
    if !same(&token, &s.token) {
        return nothing();
    }
    let outcome = match s.board.lock() {
        Ok(mut b) => voting::apply(&mut b.journey, &action).map(|()| {
            // Numbered and told under the lock, so the editor hears them in this order.
            let vote = RoomVote {
                seq: b.next,
                action: action.clone(),
            };
            b.next += 1;
            b.unseen.push(vote.clone());
            (s.on_vote)(vote);
            voting::room_view(&b.journey, Some(&action.participant))
        }),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    private(match outcome {
        Ok(view) => axum::Json(view).into_response(),
        Err(e) => (
            StatusCode::CONFLICT,
            axum::Json(serde_json::json!({ "code": e.code(), "message": e.to_string() })),
        )
            .into_response(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_and_long() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_ne!(a, b);
        // 24 bytes as hex: 192 bits, more than the 128 asked for.
        assert_eq!(a.len(), 48);
        assert!(same(&a, &a.clone()));
        assert!(!same(&a, &b));
        assert!(!same(&a, &a[..47]));
    }

    /// One HTTP/1.1 request over a plain socket: (status, body).
    async fn request(
        addr: SocketAddr,
        method: &str,
        path: &str,
        body: &str,
    ) -> std::io::Result<(u16, String)> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(addr).await?;
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: room\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        s.write_all(head.as_bytes()).await?;
        let mut out = String::new();
        s.read_to_string(&mut out).await?;
        // A server shutting down may take the connection and close it unanswered.
        let status = out
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("no HTTP answer: {out:?}")))?;
        let body = out
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        Ok((status, body))
    }

    fn journey_with_round() -> Journey {
        let mut j = milepost::journey::templates::get("billing-saas").unwrap();
        j.workshop.participants = vec![milepost::journey::Participant {
            id: "p1".into(),
            name: "Ana".into(),
            color: "#4338ca".into(),
        }];
        j.workshop.rounds.push(milepost::journey::VoteRound {
            id: "r1".into(),
            question: "Which stage first?".into(),
            dots: 2,
            anonymous: false,
            closed: false,
            votes: vec![],
        });
        j
    }

    /// A room serving `j` on this computer: the room, the votes the app heard, and the
    /// path with its token.
    async fn listening(j: Journey) -> (Room, Arc<Mutex<Vec<RoomVote>>>, String) {
        let heard = Arc::new(Mutex::new(Vec::new()));
        let tell = heard.clone();
        let room = Room::start(
            j,
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            Arc::new(move |v| tell.lock().unwrap().push(v)),
        )
        .await
        .unwrap();
        let path = room
            .url()
            .split_once(&room.addr.to_string())
            .unwrap()
            .1
            .to_owned();
        (room, heard, path)
    }

    #[test]
    fn the_room_answers_only_its_token_holds_the_dots_and_stops() {
        tauri::async_runtime::block_on(async {
            let j = journey_with_round();
            let stage = j.stages[0].id.clone();
            let (mut room, heard, path) = listening(j).await;
            let wrong = format!("/r/{}", "0".repeat(48));
            for p in [
                wrong.clone(),
                format!("{wrong}/round"),
                "/".into(),
                format!("{path}x"),
            ] {
                let (status, body) = request(room.addr, "GET", &p, "").await.unwrap();
                assert_eq!((status, body.as_str()), (404, ""), "{p}");
            }
            let (status, page) = request(room.addr, "GET", &path, "").await.unwrap();
            assert_eq!(status, 200);
            assert!(page.contains("room voting"));
            let (status, round) = request(room.addr, "GET", &format!("{path}/round?p=p1"), "")
                .await
                .unwrap();
            assert_eq!(status, 200);
            assert!(round.contains("Which stage first?"), "{round}");
            let vote = format!(
                r#"{{"op":"cast","participant":"p1","target":{{"kind":"stage","id":"{stage}"}}}}"#
            );
            let wrong_vote = request(room.addr, "POST", &format!("{wrong}/vote"), &vote)
                .await
                .unwrap();
            assert_eq!(wrong_vote.0, 404);
            for _ in 0..2 {
                assert_eq!(
                    request(room.addr, "POST", &format!("{path}/vote"), &vote)
                        .await
                        .unwrap()
                        .0,
                    200
                );
            }
            let (status, refused) = request(room.addr, "POST", &format!("{path}/vote"), &vote)
                .await
                .unwrap();
            assert_eq!(status, 409);
            assert!(refused.contains("Ana has placed all 2 dots"), "{refused}");
            assert_eq!(
                heard.lock().unwrap().len(),
                2,
                "the app hears of the two dots placed, not the refused one"
            );
            let addr = room.addr;
            room.stop();
            // Once stopped, nothing answers at that address.
            let mut gone = false;
            for _ in 0..200 {
                if request(addr, "GET", &path, "").await.is_err() {
                    gone = true;
                    break;
                }
                tokio::task::yield_now().await;
            }
            assert!(gone, "the server still answers after the round closed");
        });
    }

    #[test]
    fn a_board_sent_before_a_dot_arrived_does_not_make_the_server_forget_it() {
        tauri::async_runtime::block_on(async {
            let before = journey_with_round();
            let stage = before.stages[0].id.clone();
            let (room, heard, path) = listening(before.clone()).await;
            let vote = format!(
                r#"{{"op":"cast","participant":"p1","target":{{"kind":"stage","id":"{stage}"}}}}"#
            );
            let at = format!("{path}/vote");
            let post = || request(room.addr, "POST", &at, &vote);
            assert_eq!(post().await.unwrap().0, 200);
            assert_eq!(post().await.unwrap().0, 200);
            let votes: Vec<RoomVote> = heard.lock().unwrap().clone();
            assert_eq!(votes.iter().map(|v| v.seq).collect::<Vec<_>>(), [1, 2]);

            // The editor, still on the board before either dot, sends it: Ana has still
            // placed both, and a third is refused.
            room.sync(before.clone(), 0);
            assert_eq!(
                post().await.unwrap().0,
                409,
                "the server forgot a dot it accepted"
            );
            // Having applied the first, then both.
            let mut one = before.clone();
            voting::apply(&mut one, &votes[0].action).unwrap();
            room.sync(one.clone(), 1);
            assert_eq!(post().await.unwrap().0, 409);
            let mut both = one;
            voting::apply(&mut both, &votes[1].action).unwrap();
            room.sync(both, 2);
            assert_eq!(post().await.unwrap().0, 409);
            // The facilitator takes both back (undo) after the editor had them: they stay
            // taken back, and Ana may vote again.
            room.sync(before, 2);
            assert_eq!(post().await.unwrap().0, 200);
            assert_eq!(heard.lock().unwrap().last().unwrap().seq, 3);
        });
    }

    #[test]
    fn the_qr_code_is_an_svg_of_the_address() {
        let svg =
            qr_svg("http://192.168.1.20:41234/r/0123456789abcdef0123456789abcdef0123456789abcdef")
                .unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
    }
}
