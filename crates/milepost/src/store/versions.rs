//! Named versions of a journey ("Before workshop", "After day 1"): the whole journey as
//! it was, in the journey file's format, so a version reads back exactly. Restoring one,
//! or importing a file over a journey, first saves the journey as it is, automatically:
//! nothing is ever lost by going back.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::Store;
use crate::journey::{Journey, file};
use crate::{Error, Result};

/// A saved version of a journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Version {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// ISO 8601, UTC.
    pub created_at: String,
    /// Taken by Milepost before a restore or a replacing import.
    pub automatic: bool,
}

impl Store {
    /// Saves journey `id` as it is now under `name`; returns the new version.
    pub fn snapshot(&self, id: i64, name: &str, automatic: bool) -> Result<Version> {
        self.writable()?;
        let journey = self.load_journey(id)?;
        let version = self
            .conn
            .query_row(
                "INSERT INTO journey_version (journey_id, name, automatic, content)
                 VALUES (?1, ?2, ?3, ?4) RETURNING id, name, created_at, automatic",
                params![id, name, automatic, file::to_string(&journey)],
                row,
            )
            .map_err(self.fail())?;
        Ok(version)
    }

    /// Journey `id`'s versions, oldest first.
    pub fn versions(&self, id: i64) -> Result<Vec<Version>> {
        self.load_journey_head(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, name, created_at, automatic FROM journey_version
                 WHERE journey_id = ?1 ORDER BY id",
            )
            .map_err(self.fail())?;
        let rows = stmt.query_map([id], row).map_err(self.fail())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.fail())
    }

    /// The journey as version `version` of journey `id` saved it.
    pub fn load_version(&self, id: i64, version: i64) -> Result<Journey> {
        let content: String = self
            .conn
            .query_row(
                "SELECT content FROM journey_version WHERE journey_id = ?1 AND id = ?2",
                params![id, version],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.fail())?
            .ok_or(Error::VersionNotFound {
                journey: id,
                version,
            })?;
        file::parse_stored(&content).map_err(|problem| Error::InvalidJourney {
            source_name: format!("version {version} of journey {id}"),
            problems: vec![problem],
        })
    }

    /// Makes journey `id` what version `version` saved, after saving the journey as it is
    /// now as an automatic version (returned, so the restore can be undone).
    pub fn restore_version(&mut self, id: i64, version: i64) -> Result<Version> {
        let old = self.load_version(id, version)?;
        let name = self
            .versions(id)?
            .into_iter()
            .find(|v| v.id == version)
            .map_or_else(String::new, |v| v.name);
        let before = self.snapshot(id, &format!("Before restoring “{name}”"), true)?;
        self.save_journey(id, &old)?;
        Ok(before)
    }

    /// Replaces journey `id`'s content with `journey` (keeping its id), after saving it as
    /// it is now as an automatic version named after `source` (the file imported).
    pub fn replace_journey(&mut self, id: i64, journey: &Journey, source: &str) -> Result<Version> {
        let before = self.snapshot(id, &format!("Before importing {source}"), true)?;
        self.save_journey(id, journey)?;
        Ok(before)
    }

    /// Fails with JourneyNotFound unless journey `id` exists.
    fn load_journey_head(&self, id: i64) -> Result<()> {
        self.conn
            .query_row("SELECT 1 FROM journey WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map_err(self.fail())?
            .ok_or_else(|| Error::JourneyNotFound(id.to_string()))
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Version> {
    Ok(Version {
        id: r.get(0)?,
        name: r.get(1)?,
        created_at: r.get(2)?,
        automatic: r.get(3)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::templates;

    #[test]
    fn a_version_reads_back_exactly_and_a_restore_can_be_undone() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .insert_journey(&templates::get("billing-saas").unwrap())
            .unwrap();
        let original = store.load_journey(id).unwrap();
        let v1 = store.snapshot(id, "Before workshop", false).unwrap();
        assert_eq!(v1.name, "Before workshop");
        assert!(!v1.automatic);
        assert_eq!(store.load_version(id, v1.id).unwrap(), original);

        let mut edited = original.clone();
        edited.stages[0].milestones[0].criteria[0].value = 5.0;
        edited.stages.pop();
        store.save_journey(id, &edited).unwrap();

        let before = store.restore_version(id, v1.id).unwrap();
        assert!(before.automatic);
        assert_eq!(before.name, "Before restoring “Before workshop”");
        assert_eq!(store.load_journey(id).unwrap(), original);
        // Undo the restore: restore the automatic version.
        store.restore_version(id, before.id).unwrap();
        assert_eq!(store.load_journey(id).unwrap(), edited);
        let names: Vec<String> = store
            .versions(id)
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(
            names,
            [
                "Before workshop",
                "Before restoring “Before workshop”",
                "Before restoring “Before restoring “Before workshop””",
            ]
        );
        // Versions go with their journey.
        store.delete_journey(id).unwrap();
        assert!(matches!(store.versions(id), Err(Error::JourneyNotFound(_))));
        assert!(matches!(
            store.load_version(id, v1.id),
            Err(Error::VersionNotFound { .. })
        ));
    }

    #[test]
    fn an_agenda_is_saved_with_its_journey_and_its_versions() {
        let mut store = Store::open_in_memory().unwrap();
        let mut j = templates::get("dealer-photos").unwrap();
        j.agenda = vec![
            crate::journey::AgendaStep {
                id: "stages".into(),
                title: "Stages".into(),
                minutes: 15,
            },
            crate::journey::AgendaStep {
                id: "milestones".into(),
                title: "Milestones".into(),
                minutes: 20,
            },
        ];
        let id = store.insert_journey(&j).unwrap();
        assert_eq!(store.load_journey(id).unwrap().agenda, j.agenda);
        let v = store.snapshot(id, "Agenda set", false).unwrap();
        let mut shorter = store.load_journey(id).unwrap();
        shorter.agenda[1].minutes = 10;
        let saved = store.save_journey(id, &shorter).unwrap();
        assert_eq!(saved.written, 1, "only the journey's head row changes");
        assert_eq!(store.load_journey(id).unwrap().agenda[1].minutes, 10);
        assert_eq!(store.load_version(id, v.id).unwrap().agenda[1].minutes, 20);
        // So are who attended and what was decided.
        shorter.workshop.decisions.push(crate::journey::Decision {
            id: "d1".into(),
            text: "Onboarding ends at the first live cycle".into(),
        });
        store.save_journey(id, &shorter).unwrap();
        assert_eq!(store.load_journey(id).unwrap().workshop, shorter.workshop);
        assert!(store.load_version(id, v.id).unwrap().workshop.is_empty());
    }
}
