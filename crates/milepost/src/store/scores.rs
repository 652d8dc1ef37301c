//! Stakeholder scores for the matrices: reading them with their history, and re-scoring
//! one in a workshop. The history itself is written by the database (migration 004), on
//! every change, whichever way the score was written.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::engine::Dataset;
use crate::engine::scores::{SCORE_FIELDS, ScoreChange, Scores, Stakeholder};
use crate::journey::{AxisField, CustomerField, Journey, ScoreField};
use crate::{Error, Result};

/// One score set on one stakeholder (a point dragged, a nudge, an undo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rescore {
    pub customer_id: String,
    pub stakeholder: String,
    pub field: ScoreField,
    /// 1–10, or null to clear the score.
    pub value: Option<f64>,
}

fn column(field: ScoreField) -> String {
    crate::serde_name(&field)
}

impl Store {
    /// Every stakeholder with its scores and their history, grouped by `data`'s customers
    /// (stakeholders of customers not in `data` are left out), and the numeric customer
    /// attributes `journey`'s matrices read.
    pub fn load_scores(&self, data: &Dataset, journey: Option<&Journey>) -> Result<Scores> {
        let fail = self.fail();
        let index: HashMap<&str, usize> = data
            .customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut changes: HashMap<(i64, String), Vec<ScoreChange>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT customer, name, field, before, at FROM stakeholder_change \
                     ORDER BY at, rowid",
                )
                .map_err(&fail)?;
            let mut rows = stmt.query([]).map_err(&fail)?;
            while let Some(r) = rows.next().map_err(&fail)? {
                let field: String = r.get(2).map_err(&fail)?;
                let Some(field) = SCORE_FIELDS.iter().find(|f| crate::serde_name(*f) == field)
                else {
                    continue;
                };
                changes
                    .entry((r.get(0).map_err(&fail)?, r.get(1).map_err(&fail)?))
                    .or_default()
                    .push(ScoreChange {
                        field: *field,
                        before: r.get(3).map_err(&fail)?,
                        at: r.get(4).map_err(&fail)?,
                    });
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.id, s.customer, s.name, ifnull(s.decision_maker, 0), s.purpose, \
                 s.intent, s.desire, s.skills, s.revenue_impact, s.modularity, s.effort, \
                 s.complexity FROM stakeholder s JOIN customer c ON c.key = s.customer \
                 ORDER BY c.id, s.name",
            )
            .map_err(&fail)?;
        let mut rows = stmt.query([]).map_err(&fail)?;
        let mut people = Vec::new();
        while let Some(r) = rows.next().map_err(&fail)? {
            let id: String = r.get(0).map_err(&fail)?;
            let Some(&customer) = index.get(id.as_str()) else {
                continue;
            };
            let key: i64 = r.get(1).map_err(&fail)?;
            let name: String = r.get(2).map_err(&fail)?;
            let mut scores = [None; 8];
            for (k, score) in scores.iter_mut().enumerate() {
                *score = r.get(4 + k).map_err(&fail)?;
            }
            people.push(Stakeholder {
                customer,
                changes: changes.remove(&(key, name.clone())).unwrap_or_default(),
                name,
                decision_maker: r.get::<_, i64>(3).map_err(&fail)? != 0,
                scores,
            });
        }
        let mut scores = Scores::new(data.customers.len(), people);
        for name in journey.into_iter().flat_map(attributes_read) {
            let values = self.numeric_attribute(&index, data.customers.len(), &name)?;
            scores.attributes.insert(name, values);
        }
        Ok(scores)
    }

    /// Each customer's value of one attribute, where it is a number.
    fn numeric_attribute(
        &self,
        index: &HashMap<&str, usize>,
        customers: usize,
        name: &str,
    ) -> Result<Vec<Option<f64>>> {
        let fail = self.fail();
        let mut out = vec![None; customers];
        let mut stmt = self
            .conn
            .prepare("SELECT id, attributes ->> ? FROM customer")
            .map_err(&fail)?;
        let mut rows = stmt.query([format!("$.\"{name}\"")]).map_err(&fail)?;
        while let Some(r) = rows.next().map_err(&fail)? {
            let id: String = r.get(0).map_err(&fail)?;
            let value: Option<String> = match r.get_ref(1).map_err(&fail)? {
                rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into()),
                rusqlite::types::ValueRef::Integer(i) => Some(i.to_string()),
                rusqlite::types::ValueRef::Real(f) => Some(f.to_string()),
                _ => None,
            };
            if let (Some(&c), Some(v)) = (index.get(id.as_str()), value) {
                out[c] = crate::data::values::parse_number(&v).ok().flatten();
            }
        }
        Ok(out)
    }

    /// Sets one stakeholder's score and returns the value it had (to undo with). The
    /// previous value goes into the history with the time.
    pub fn rescore(&mut self, r: &Rescore) -> Result<Option<f64>> {
        if let Some(v) = r.value
            && !(1.0..=10.0).contains(&v)
        {
            return Err(Error::ScoreOutOfRange(v));
        }
        let path = self.path.clone();
        let fail = |e| super::db_error(&path, e);
        let tx = self.write()?;
        let col = column(r.field);
        let before: Option<Option<f64>> = tx
            .query_row(
                &format!(
                    "SELECT s.{col} FROM stakeholder s JOIN customer c ON c.key = s.customer \
                     WHERE c.id = ?1 AND s.name = ?2"
                ),
                params![r.customer_id, r.stakeholder],
                |row| row.get(0),
            )
            .optional()
            .map_err(fail)?;
        let Some(before) = before else {
            return Err(Error::StakeholderNotFound {
                customer: r.customer_id.clone(),
                name: r.stakeholder.clone(),
            });
        };
        tx.execute(
            &format!(
                "UPDATE stakeholder SET {col} = ?3 WHERE name = ?2 AND customer = \
                 (SELECT key FROM customer WHERE id = ?1)"
            ),
            params![r.customer_id, r.stakeholder, r.value],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(before)
    }
}

/// The attributes a journey's matrices read.
fn attributes_read(journey: &Journey) -> Vec<String> {
    let mut out: Vec<String> = journey
        .matrices
        .iter()
        .flat_map(|m| [&m.x.field, &m.y.field])
        .filter_map(|f| match f {
            AxisField::Customer(CustomerField::Attribute(a)) => Some(a.clone()),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Table;

    fn import(store: &mut Store, table: Table, path: &std::path::Path) {
        let opts = crate::data::ImportOptions::new(table, path);
        store
            .import(&opts, &mut |_| {}, &Default::default())
            .unwrap();
    }

    fn workspace() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
        let customers = dir.path().join("customers.csv");
        std::fs::write(
            &customers,
            "customer_id,name,start_date,seats\nC1,Acme,2024-01-01,40\nC2,Beta,2024-01-01,n/a\n",
        )
        .unwrap();
        import(&mut store, Table::Customers, &customers);
        (dir, store)
    }

    fn stakeholders(dir: &tempfile::TempDir, store: &mut Store, purpose: &str) {
        let file = dir.path().join("stakeholders.csv");
        std::fs::write(
            &file,
            format!("customer_id,name,purpose,intent\nC1,Ana,{purpose},7\nC2,Ben,4,4\n"),
        )
        .unwrap();
        import(store, Table::Stakeholders, &file);
    }

    #[test]
    fn a_reimport_keeps_the_previous_score_with_its_time() {
        let (dir, mut store) = workspace();
        stakeholders(&dir, &mut store, "3");
        let data = store.load_dataset().unwrap();
        let first = store.load_scores(&data, None).unwrap();
        assert!(first.of(0)[0].changes.is_empty());

        let before = chrono_now();
        stakeholders(&dir, &mut store, "8");
        let scores = store.load_scores(&data, None).unwrap();
        let ana = &scores.of(0)[0];
        assert_eq!(ana.score(ScoreField::Purpose), Some(8.0));
        // Only the score that changed has history: purpose was 3 until the re-import.
        assert_eq!(ana.changes.len(), 1);
        let change = ana.changes[0];
        assert_eq!(
            (change.field, change.before),
            (ScoreField::Purpose, Some(3.0))
        );
        assert!(change.at >= before && change.at <= chrono_now());
        assert_eq!(
            ana.score_at(ScoreField::Purpose, Some(before - 1)),
            Some(3.0)
        );
        assert!(scores.of(1)[0].changes.is_empty());
    }

    #[test]
    fn rescoring_returns_the_old_value_keeps_history_and_refuses_bad_input() {
        let (dir, mut store) = workspace();
        stakeholders(&dir, &mut store, "3");
        let set = |value| Rescore {
            customer_id: "C1".into(),
            stakeholder: "Ana".into(),
            field: ScoreField::Purpose,
            value,
        };
        assert_eq!(store.rescore(&set(Some(6.5))).unwrap(), Some(3.0));
        assert_eq!(store.rescore(&set(Some(3.0))).unwrap(), Some(6.5));
        let data = store.load_dataset().unwrap();
        let ana = &store.load_scores(&data, None).unwrap().of(0)[0].clone();
        let befores: Vec<Option<f64>> = ana.changes.iter().map(|c| c.before).collect();
        assert_eq!(befores, [Some(3.0), Some(6.5)]);
        assert!(matches!(
            store.rescore(&set(Some(11.0))),
            Err(Error::ScoreOutOfRange(_))
        ));
        let nobody = Rescore {
            stakeholder: "Zed".into(),
            ..set(Some(5.0))
        };
        assert!(matches!(
            store.rescore(&nobody),
            Err(Error::StakeholderNotFound { .. })
        ));
    }

    #[test]
    fn numeric_attributes_a_matrix_reads_are_loaded() {
        let (dir, mut store) = workspace();
        stakeholders(&dir, &mut store, "3");
        let data = store.load_dataset().unwrap();
        let mut j = crate::journey::templates::get("billing-saas").unwrap();
        j.matrices[0].x.field = AxisField::Customer(CustomerField::Attribute("seats".into()));
        let scores = store.load_scores(&data, Some(&j)).unwrap();
        assert_eq!(scores.attributes["seats"], [Some(40.0), None]);
    }

    fn chrono_now() -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
    }
}
