//! Journeys in the database, one row per stage, milestone, role, activity, metric,
//! matrix and note.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Store;
use crate::journey::{Activity, Journey, Matrix, Metric, Milestone, Role, Stage, StickyNote};
use crate::{Error, Result};

/// One line of the journey list on the home screen.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct JourneySummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub stages: u32,
    pub milestones: u32,
    pub activities: u32,
    /// ISO 8601, UTC.
    pub updated_at: String,
    pub opened_at: Option<String>,
}

/// A journey with its workspace id and revision, as the canvas opens it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StoredJourney {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub revision: i64,
    pub journey: Journey,
}

/// What a save did: how many objects it wrote or removed, and the revision after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SaveOutcome {
    #[ts(type = "number")]
    pub written: usize,
    #[ts(type = "number")]
    pub revision: i64,
}

impl Store {
    /// Journeys, most recently opened or changed first.
    pub fn list_journeys(&self) -> Result<Vec<JourneySummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT j.id, j.name, j.description, j.updated_at, j.opened_at,
                    (SELECT count(*) FROM journey_item i WHERE i.journey_id = j.id AND i.kind = 'stage'),
                    (SELECT count(*) FROM journey_item i WHERE i.journey_id = j.id AND i.kind = 'milestone'),
                    (SELECT count(*) FROM journey_item i WHERE i.journey_id = j.id AND i.kind = 'activity')
                 FROM journey j
                 ORDER BY coalesce(j.opened_at, j.updated_at) DESC, j.opened_at IS NOT NULL DESC, j.id DESC",
            )
            .map_err(self.fail())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(JourneySummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    updated_at: r.get(3)?,
                    opened_at: r.get(4)?,
                    stages: r.get(5)?,
                    milestones: r.get(6)?,
                    activities: r.get(7)?,
                })
            })
            .map_err(self.fail())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.fail())
    }

    /// Stores a new journey (validated first) and returns its id. A name another journey
    /// has already gets " (2)" (or the next free number) appended; `load_journey` tells.
    pub fn insert_journey(&mut self, journey: &Journey) -> Result<i64> {
        crate::journey::file::validate(journey).map_err(|problems| Error::InvalidJourney {
            source_name: format!("journey \"{}\"", short_name(&journey.name)),
            problems,
        })?;
        let name = self.unused_journey_name(&journey.name)?;
        let path = self.path.clone();
        let fail = |e| super::db_error(&path, e);
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO journey (name, description, agenda, workshop, value_model)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                name,
                journey.description,
                to_json(&journey.agenda),
                to_json(&journey.workshop),
                to_json(&ValueModel::of(journey))
            ],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        write_rows(&tx, id, &rows(journey)).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// Saves an edited journey, writing only the objects that changed, in one transaction.
    /// Returns how many objects were written or removed.
    pub fn save_journey(&mut self, id: i64, journey: &Journey) -> Result<SaveOutcome> {
        crate::journey::file::check_text_limits(journey).map_err(|problems| {
            Error::InvalidJourney {
                source_name: format!("journey \"{}\"", short_name(&journey.name)),
                problems,
            }
        })?;
        let path = self.path.clone();
        let fail = |e| super::db_error(&path, e);
        let tx = self.write()?;
        let head = tx
            .execute(
                "UPDATE journey SET name = ?2, description = ?3, agenda = ?4, workshop = ?5,
                    value_model = ?6, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE id = ?1 AND (name IS NOT ?2 OR description IS NOT ?3 OR agenda IS NOT ?4
                    OR workshop IS NOT ?5 OR value_model IS NOT ?6)",
                params![
                    id,
                    journey.name,
                    journey.description,
                    to_json(&journey.agenda),
                    to_json(&journey.workshop),
                    to_json(&ValueModel::of(journey))
                ],
            )
            .map_err(fail)?;
        let exists: bool = tx
            .query_row("SELECT 1 FROM journey WHERE id = ?1", [id], |_| Ok(true))
            .optional()
            .map_err(fail)?
            .unwrap_or(false);
        if !exists {
            return Err(Error::JourneyNotFound(id.to_string()));
        }
        let mut stored: HashMap<(String, String), Row> = HashMap::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT kind, key, parent, position, body FROM journey_item WHERE journey_id = ?1",
                )
                .map_err(fail)?;
            let existing = stmt
                .query_map([id], |r| {
                    Ok(Row {
                        kind: r.get(0)?,
                        key: r.get(1)?,
                        parent: r.get(2)?,
                        position: r.get(3)?,
                        body: r.get(4)?,
                    })
                })
                .map_err(fail)?;
            for row in existing {
                let row = row.map_err(fail)?;
                stored.insert((row.kind.to_owned(), row.key.clone()), row);
            }
        }
        let changed: Vec<Row> = rows(journey)
            .into_iter()
            .filter(|row| {
                stored
                    .remove(&(row.kind.to_owned(), row.key.clone()))
                    .as_ref()
                    != Some(row)
            })
            .collect();
        {
            let mut delete = tx
                .prepare_cached(
                    "DELETE FROM journey_item WHERE journey_id = ?1 AND kind = ?2 AND key = ?3",
                )
                .map_err(fail)?;
            for (kind, key) in stored.keys() {
                delete.execute(params![id, kind, key]).map_err(fail)?;
            }
        }
        write_rows(&tx, id, &changed).map_err(fail)?;
        let written = changed.len() + stored.len() + head;
        if written > 0 {
            tx.execute(
                "UPDATE journey SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                    revision = revision + 1
                 WHERE id = ?1",
                [id],
            )
            .map_err(fail)?;
        }
        let revision = tx
            .query_row("SELECT revision FROM journey WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(SaveOutcome { written, revision })
    }

    /// A journey with its id and revision. The revision is read first, so if another writer
    /// slips in between, the content is at least that new and the next check reloads again.
    pub fn stored_journey(&self, id: i64) -> Result<StoredJourney> {
        let revision = self.journey_revision(id)?;
        Ok(StoredJourney {
            id,
            revision,
            journey: self.load_journey(id)?,
        })
    }

    /// The journey's revision: it grows with every save that changes something.
    pub fn journey_revision(&self, id: i64) -> Result<i64> {
        self.conn
            .query_row("SELECT revision FROM journey WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.fail())?
            .ok_or_else(|| Error::JourneyNotFound(id.to_string()))
    }

    /// Reads a whole journey back.
    pub fn load_journey(&self, id: i64) -> Result<Journey> {
        type Head = (String, Option<String>, String, String, String);
        let head: Option<Head> = self
            .conn
            .query_row(
                "SELECT name, description, agenda, workshop, value_model FROM journey WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(self.fail())?;
        let (name, description, agenda, workshop, value_model) =
            head.ok_or_else(|| Error::JourneyNotFound(id.to_string()))?;
        let unreadable = |what: &str, e: serde_json::Error| Error::Database {
            path: self.path.clone(),
            message: format!("journey {id}: its {what} cannot be read: {e}"),
        };
        let agenda = serde_json::from_str(&agenda).map_err(|e| unreadable("agenda", e))?;
        let workshop = serde_json::from_str(&workshop).map_err(|e| unreadable("workshop", e))?;
        let value: ValueModel =
            serde_json::from_str(&value_model).map_err(|e| unreadable("value settings", e))?;
        let mut stages: Vec<Stage> = self.items(id, "stage")?;
        let milestones: Vec<(Option<String>, Milestone)> =
            self.items_with_parent(id, "milestone")?;
        for (parent, m) in milestones {
            let stage = stages
                .iter_mut()
                .find(|s| Some(&s.id) == parent.as_ref())
                .ok_or_else(|| Error::Database {
                    path: self.path.clone(),
                    message: format!(
                        "journey {id}: milestone \"{}\" belongs to stage {parent:?}, which is missing",
                        m.id
                    ),
                })?;
            stage.milestones.push(m);
        }
        Ok(Journey {
            name,
            description,
            stages,
            roles: self.items::<Role>(id, "role")?,
            activities: self.items::<Activity>(id, "activity")?,
            metrics: self.items::<Metric>(id, "metric")?,
            matrices: self.items::<Matrix>(id, "matrix")?,
            notes: self.items::<StickyNote>(id, "note")?,
            agenda,
            workshop,
            peers: value.peers,
            phases: value.phases,
            capabilities: value.capabilities,
            adoption_share: value.adoption_share,
        })
    }

    fn items<T: DeserializeOwned>(&self, journey: i64, kind: &str) -> Result<Vec<T>> {
        Ok(self
            .items_with_parent(journey, kind)?
            .into_iter()
            .map(|(_, x)| x)
            .collect())
    }

    fn items_with_parent<T: DeserializeOwned>(
        &self,
        journey: i64,
        kind: &str,
    ) -> Result<Vec<(Option<String>, T)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, parent, body FROM journey_item
                 WHERE journey_id = ?1 AND kind = ?2 ORDER BY parent, position",
            )
            .map_err(self.fail())?;
        let rows = stmt
            .query_map(params![journey, kind], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(self.fail())?;
        let mut out = Vec::new();
        for row in rows {
            let (key, parent, body) = row.map_err(self.fail())?;
            let item = serde_json::from_str(&body).map_err(|e| Error::Database {
                path: self.path.clone(),
                message: format!("journey {journey}: {kind} \"{key}\" is damaged: {e}"),
            })?;
            out.push((parent, item));
        }
        Ok(out)
    }

    /// Finds a journey by id, by name, or by the start of its name, ignoring case
    /// ("billing" finds "Billing SaaS — post-sales journey" when no other name starts so).
    pub fn find_journey(&self, name_or_id: &str) -> Result<i64> {
        if let Ok(id) = name_or_id.trim().parse::<i64>() {
            let exists: Option<i64> = self
                .conn
                .query_row("SELECT id FROM journey WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(self.fail())?;
            if let Some(id) = exists {
                return Ok(id);
            }
        }
        let want = name_or_id.trim().to_lowercase();
        let all = self.journey_names()?;
        let exact: Vec<&(i64, String)> =
            all.iter().filter(|j| j.1.to_lowercase() == want).collect();
        let found = if exact.is_empty() {
            all.iter()
                .filter(|j| j.1.to_lowercase().starts_with(&want))
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [] => Err(Error::JourneyNotFound(name_or_id.to_owned())),
            [j] => Ok(j.0),
            _ => Err(Error::AmbiguousJourney {
                name: name_or_id.to_owned(),
                count: found.len(),
                ids: found
                    .iter()
                    .map(|j| format!("{} {}", j.0, j.1))
                    .collect::<Vec<_>>()
                    .join("; "),
            }),
        }
    }

    /// Every journey's id and name, oldest first.
    fn journey_names(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM journey ORDER BY id")
            .map_err(self.fail())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.fail())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.fail())
    }

    /// `name`, or `name (2)`, `name (3)`… whichever no journey has yet (ignoring case), so
    /// every journey can be named.
    pub fn unused_journey_name(&self, name: &str) -> Result<String> {
        let taken: std::collections::HashSet<String> = self
            .journey_names()?
            .into_iter()
            .map(|j| j.1.to_lowercase())
            .collect();
        let mut candidate = name.to_owned();
        let mut n = 2;
        while taken.contains(&candidate.to_lowercase()) {
            candidate = format!("{name} ({n})");
            n += 1;
        }
        Ok(candidate)
    }

    /// Records that a person opened the journey, for the recent list.
    pub fn mark_journey_opened(&self, id: i64) -> Result<()> {
        // Bookkeeping, not work: a workspace that can only be read is opened all the same.
        if self.read_only.is_some() {
            return Ok(());
        }
        self.writable()?;
        self.conn
            .execute(
                "UPDATE journey SET opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                [id],
            )
            .map_err(self.fail())?;
        Ok(())
    }

    /// Deletes a journey and everything in it.
    pub fn delete_journey(&self, id: i64) -> Result<()> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM journey WHERE id = ?1", [id])
            .map_err(self.fail())?;
        if n == 0 {
            return Err(Error::JourneyNotFound(id.to_string()));
        }
        Ok(())
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("journey objects always serialise")
}

/// One stored object of a journey.
#[derive(Debug, PartialEq)]
struct Row {
    kind: String,
    key: String,
    parent: Option<String>,
    position: i64,
    body: String,
}

/// The rows a journey is stored as: one per object, order in `position`.
fn rows(journey: &Journey) -> Vec<Row> {
    fn row<T: Serialize>(
        kind: &str,
        key: &str,
        parent: Option<&str>,
        position: usize,
        item: &T,
    ) -> Row {
        Row {
            kind: kind.to_owned(),
            key: key.to_owned(),
            parent: parent.map(str::to_owned),
            position: i64::try_from(position).unwrap_or(i64::MAX),
            body: to_json(item),
        }
    }
    let mut out = Vec::new();
    for (i, stage) in journey.stages.iter().enumerate() {
        let own = Stage {
            milestones: Vec::new(),
            ..stage.clone()
        };
        out.push(row("stage", &stage.id, None, i, &own));
        for (j, m) in stage.milestones.iter().enumerate() {
            out.push(row("milestone", &m.id, Some(&stage.id), j, m));
        }
    }
    out.extend(
        journey
            .roles
            .iter()
            .enumerate()
            .map(|(i, x)| row("role", &x.id, None, i, x)),
    );
    out.extend(
        journey
            .activities
            .iter()
            .enumerate()
            .map(|(i, x)| row("activity", &x.id, None, i, x)),
    );
    out.extend(
        journey
            .metrics
            .iter()
            .enumerate()
            .map(|(i, x)| row("metric", &x.id, None, i, x)),
    );
    out.extend(
        journey
            .matrices
            .iter()
            .enumerate()
            .map(|(i, x)| row("matrix", &x.id, None, i, x)),
    );
    out.extend(
        journey
            .notes
            .iter()
            .enumerate()
            .map(|(i, x)| row("note", &x.id, None, i, x)),
    );
    out
}

/// Inserts or replaces rows.
fn write_rows(conn: &rusqlite::Connection, journey: i64, rows: &[Row]) -> rusqlite::Result<()> {
    let mut put = conn.prepare_cached(
        "INSERT INTO journey_item (journey_id, kind, key, parent, position, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (journey_id, kind, key) DO UPDATE
         SET parent = excluded.parent, position = excluded.position, body = excluded.body",
    )?;
    for r in rows {
        put.execute(params![
            journey, r.kind, r.key, r.parent, r.position, r.body
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{file, templates};

    #[test]
    fn every_template_round_trips_through_the_database_unchanged() {
        let mut store = Store::open_in_memory().unwrap();
        for t in templates::list() {
            let journey = templates::get(t.key).unwrap();
            let id = store.insert_journey(&journey).unwrap();
            assert_eq!(store.load_journey(id).unwrap(), journey, "{}", t.key);
        }
    }

    #[test]
    fn list_shows_counts_and_the_most_recently_opened_first() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store
            .insert_journey(&templates::get("billing-saas").unwrap())
            .unwrap();
        let b = store
            .insert_journey(&templates::get("dealer-photos").unwrap())
            .unwrap();
        store.mark_journey_opened(a).unwrap();
        let list = store.list_journeys().unwrap();
        assert_eq!(list.iter().map(|j| j.id).collect::<Vec<_>>(), vec![a, b]);
        let billing = templates::get("billing-saas").unwrap();
        assert_eq!(list[0].stages as usize, billing.stages.len());
        assert_eq!(list[0].milestones as usize, billing.milestones().count());
    }

    #[test]
    fn find_by_name_prefix_or_id_and_refuse_ambiguous_prefixes() {
        let mut store = Store::open_in_memory().unwrap();
        let j = templates::get("billing-saas").unwrap();
        let a = store.insert_journey(&j).unwrap();
        assert_eq!(store.find_journey(&j.name).unwrap(), a);
        assert_eq!(store.find_journey(&a.to_string()).unwrap(), a);
        assert_eq!(store.find_journey("billing").unwrap(), a);
        assert_eq!(store.find_journey("BILLING saas").unwrap(), a);
        assert_eq!(
            store.find_journey("nope").unwrap_err().code(),
            crate::error::ErrorCode::JourneyNotFound
        );
        // The same name again is numbered, so both stay reachable by name.
        let b = store.insert_journey(&j).unwrap();
        assert_eq!(
            store.load_journey(b).unwrap().name,
            format!("{} (2)", j.name)
        );
        assert_eq!(store.find_journey(&j.name).unwrap(), a);
        assert_eq!(store.find_journey(&format!("{} (2)", j.name)).unwrap(), b);
        let err = store.find_journey("billing").unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::AmbiguousJourney);
        assert!(
            err.to_string().contains(&format!("{b} {} (2)", j.name)),
            "{err}"
        );
    }

    #[test]
    fn deleting_a_journey_removes_all_its_objects() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .insert_journey(&templates::get("billing-saas").unwrap())
            .unwrap();
        store.delete_journey(id).unwrap();
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM journey_item", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(
            store.delete_journey(id).unwrap_err().code(),
            crate::error::ErrorCode::JourneyNotFound
        );
    }

    #[test]
    fn saving_an_edit_writes_only_what_changed_and_reads_back_exactly() {
        let mut store = Store::open_in_memory().unwrap();
        let mut j = templates::get("billing-saas").unwrap();
        let id = store.insert_journey(&j).unwrap();
        let unchanged = store.save_journey(id, &j).unwrap();
        assert_eq!(unchanged.written, 0, "no change, no write");
        assert_eq!(unchanged.revision, store.journey_revision(id).unwrap());

        j.stages[0].milestones[1].criteria[0].value = 2.0;
        let saved = store.save_journey(id, &j).unwrap();
        assert_eq!(saved.written, 1);
        assert_eq!(
            saved.revision,
            unchanged.revision + 1,
            "a change is a new revision"
        );
        assert_eq!(store.load_journey(id).unwrap(), j);

        // Move a milestone to another stage, delete an activity, rename the journey.
        let m = j.stages[0].milestones.remove(0);
        j.stages[1].milestones.insert(0, m);
        j.activities.retain(|a| a.id != "kickoff");
        j.name = "Renamed".into();
        let written = store.save_journey(id, &j).unwrap().written;
        assert!(written >= 3, "{written}");
        assert_eq!(store.load_journey(id).unwrap(), j);
        assert_eq!(store.list_journeys().unwrap()[0].name, "Renamed");

        assert_eq!(
            store.save_journey(id + 100, &j).unwrap_err().code(),
            crate::error::ErrorCode::JourneyNotFound
        );
    }

    #[test]
    fn an_invalid_journey_is_not_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let mut j = templates::get("billing-saas").unwrap();
        j.activities[0].stage = "nowhere".into();
        let err = store.insert_journey(&j).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::InvalidJourney);
        assert!(store.list_journeys().unwrap().is_empty());
        assert!(file::validate(&j).is_err());
    }
}

/// The journey's value-realisation settings, as the `value_model` column keeps them.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct ValueModel {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    peers: Option<crate::journey::PeerSettings>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phases: Vec<crate::journey::Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    capabilities: Vec<crate::journey::Capability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    adoption_share: Option<f64>,
}

impl ValueModel {
    fn of(j: &Journey) -> Self {
        Self {
            peers: j.peers.clone(),
            phases: j.phases.clone(),
            capabilities: j.capabilities.clone(),
            adoption_share: j.adoption_share,
        }
    }
}

/// A name cut for a message (a name over the limit may be megabytes long).
fn short_name(name: &str) -> String {
    if name.chars().count() <= 60 {
        name.to_owned()
    } else {
        format!("{}…", name.chars().take(60).collect::<String>())
    }
}
