//! How the demo data looks through each built-in template: the health mix of the active
//! customers and this week's tasks per owner. `milepost demo` prints it, and a test holds
//! it to what a real business looks like.

use crate::engine::{self, Dataset, Filter, Health, Scores};
use crate::journey::templates;

/// One template's view of the data, as of the latest event's day.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub template: String,
    /// Customers started by the as-of date, and of those not churned.
    pub customers: u64,
    pub active: u64,
    /// Active customers by health colour (those in a stage without rules have none).
    pub green: u64,
    pub grey: u64,
    pub red: u64,
    /// Customers that reached the first and the last milestone.
    pub first_milestone: u64,
    pub last_milestone: u64,
    /// This week's tasks per owner, fewest first.
    pub tasks_per_owner: Vec<u64>,
}

impl Profile {
    fn share(&self, n: u64) -> f64 {
        let coloured = self.green + self.grey + self.red;
        if coloured == 0 {
            0.0
        } else {
            n as f64 / coloured as f64
        }
    }

    pub fn green_share(&self) -> f64 {
        self.share(self.green)
    }

    pub fn grey_share(&self) -> f64 {
        self.share(self.grey)
    }

    pub fn red_share(&self) -> f64 {
        self.share(self.red)
    }

    /// `Billing SaaS …: 1,852 active; health 62% green, 21% grey, 17% red; …`
    pub fn line(&self) -> String {
        let t = &self.tasks_per_owner;
        let tasks = match (t.first(), t.last()) {
            (Some(lo), Some(hi)) => format!(
                "this week's tasks per owner {lo}–{hi} (median {})",
                t[t.len() / 2]
            ),
            _ => "no tasks this week".to_owned(),
        };
        use crate::format::{count, whole_percent};
        format!(
            "{}: {} customers, {} active; health {} green, {} grey, {} red; first milestone {}, last {}; {tasks}",
            self.template,
            count(self.customers),
            count(self.active),
            whole_percent(self.green_share()),
            whole_percent(self.grey_share()),
            whole_percent(self.red_share()),
            count(self.first_milestone),
            count(self.last_milestone),
        )
    }
}

/// The profile of the data through every built-in template; empty without events.
pub fn profiles(data: &Dataset, scores: &Scores) -> Vec<Profile> {
    let Some(latest) = data.latest() else {
        return Vec::new();
    };
    let all = Filter::default();
    templates::list()
        .iter()
        .filter_map(|t| templates::get(t.key))
        .map(|journey| {
            let a = engine::assess(&journey, data, engine::cutoff_of_day(latest));
            let states = engine::customer_states(&journey, data, &a, &all);
            let active: Vec<_> = states.iter().filter(|s| !s.churned).collect();
            let colour = |c: Health| {
                active
                    .iter()
                    .filter(|s| s.health.as_ref().is_some_and(|h| h.colour == c))
                    .count() as u64
            };
            let f = engine::funnel(&journey.name, data, &a, &all);
            let mut per_owner = std::collections::BTreeMap::<Option<String>, u64>::new();
            for t in engine::tasks(&journey, data, scores, &a, &all, 7) {
                *per_owner.entry(t.owner).or_default() += 1;
            }
            let mut tasks_per_owner: Vec<u64> = per_owner.into_values().collect();
            tasks_per_owner.sort_unstable();
            Profile {
                template: journey.name.clone(),
                customers: f.customers,
                active: active.len() as u64,
                green: colour(Health::Green),
                grey: colour(Health::Grey),
                red: colour(Health::Red),
                first_milestone: f.milestones.first().map_or(0, |m| m.reached),
                last_milestone: f.milestones.last().map_or(0, |m| m.reached),
                tasks_per_owner,
            }
        })
        .collect()
}
