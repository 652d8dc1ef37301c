//! Journeys in the database, one row per stage, milestone, role, activity, metric,
//! matrix and note.

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

/// A journey with its workspace id, as the canvas opens it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StoredJourney {
    #[ts(type = "number")]
    pub id: i64,
    pub journey: Journey,
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
                 ORDER BY coalesce(j.opened_at, j.updated_at) DESC, j.id DESC",
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

    /// Stores a new journey (validated first) and returns its id.
    pub fn insert_journey(&mut self, journey: &Journey) -> Result<i64> {
        crate::journey::file::validate(journey).map_err(|problems| Error::InvalidJourney {
            source_name: format!("journey \"{}\"", journey.name),
            problems,
        })?;
        let path = self.path.clone();
        let fail = |e| super::db_error(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "INSERT INTO journey (name, description) VALUES (?1, ?2)",
            params![journey.name, journey.description],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO journey_item (journey_id, kind, key, parent, position, body)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(fail)?;
            let mut put =
                |kind: &str, key: &str, parent: Option<&str>, pos: usize, body: String| {
                    insert
                        .execute(params![id, kind, key, parent, pos as i64, body])
                        .map(drop)
                };
            for (i, stage) in journey.stages.iter().enumerate() {
                let own = Stage {
                    milestones: Vec::new(),
                    ..stage.clone()
                };
                put("stage", &stage.id, None, i, to_json(&own)).map_err(fail)?;
                for (j, m) in stage.milestones.iter().enumerate() {
                    put("milestone", &m.id, Some(&stage.id), j, to_json(m)).map_err(fail)?;
                }
            }
            for (i, x) in journey.roles.iter().enumerate() {
                put("role", &x.id, None, i, to_json(x)).map_err(fail)?;
            }
            for (i, x) in journey.activities.iter().enumerate() {
                put("activity", &x.id, None, i, to_json(x)).map_err(fail)?;
            }
            for (i, x) in journey.metrics.iter().enumerate() {
                put("metric", &x.id, None, i, to_json(x)).map_err(fail)?;
            }
            for (i, x) in journey.matrices.iter().enumerate() {
                put("matrix", &x.id, None, i, to_json(x)).map_err(fail)?;
            }
            for (i, x) in journey.notes.iter().enumerate() {
                put("note", &x.id, None, i, to_json(x)).map_err(fail)?;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// Reads a whole journey back.
    pub fn load_journey(&self, id: i64) -> Result<Journey> {
        let head: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT name, description FROM journey WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.fail())?;
        let (name, description) = head.ok_or_else(|| Error::JourneyNotFound(id.to_string()))?;
        let mut stages: Vec<Stage> = self.items(id, "stage")?;
        let milestones: Vec<(Option<String>, Milestone)> =
            self.items_with_parent(id, "milestone")?;
        for (parent, m) in milestones {
            if let Some(stage) = stages.iter_mut().find(|s| Some(&s.id) == parent.as_ref()) {
                stage.milestones.push(m);
            }
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

    /// Finds a journey by id or by exact name.
    pub fn find_journey(&self, name_or_id: &str) -> Result<i64> {
        if let Ok(id) = name_or_id.parse::<i64>() {
            let exists: Option<i64> = self
                .conn
                .query_row("SELECT id FROM journey WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(self.fail())?;
            if let Some(id) = exists {
                return Ok(id);
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM journey WHERE name = ?1 ORDER BY id")
            .map_err(self.fail())?;
        let ids = stmt
            .query_map([name_or_id], |r| r.get::<_, i64>(0))
            .map_err(self.fail())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.fail())?;
        match ids.as_slice() {
            [] => Err(Error::JourneyNotFound(name_or_id.to_owned())),
            [id] => Ok(*id),
            _ => Err(Error::AmbiguousJourney {
                name: name_or_id.to_owned(),
                count: ids.len(),
                ids: ids
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Records that a person opened the journey, for the recent list.
    pub fn mark_journey_opened(&self, id: i64) -> Result<()> {
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
    fn find_by_name_or_id_and_refuse_ambiguous_names() {
        let mut store = Store::open_in_memory().unwrap();
        let j = templates::get("billing-saas").unwrap();
        let a = store.insert_journey(&j).unwrap();
        assert_eq!(store.find_journey(&j.name).unwrap(), a);
        assert_eq!(store.find_journey(&a.to_string()).unwrap(), a);
        assert_eq!(
            store.find_journey("nope").unwrap_err().code(),
            "journey_not_found"
        );
        store.insert_journey(&j).unwrap();
        assert_eq!(
            store.find_journey(&j.name).unwrap_err().code(),
            "ambiguous_journey"
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
            "journey_not_found"
        );
    }

    #[test]
    fn an_invalid_journey_is_not_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let mut j = templates::get("billing-saas").unwrap();
        j.activities[0].stage = "nowhere".into();
        let err = store.insert_journey(&j).unwrap_err();
        assert_eq!(err.code(), "invalid_journey");
        assert!(store.list_journeys().unwrap().is_empty());
        assert!(file::validate(&j).is_err());
    }
}
