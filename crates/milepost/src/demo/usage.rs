//! A demo customer's product usage, so each built-in template's funnel narrows the way a
//! real one does. A customer has a pace (how fast it moves), and may stop for good at some
//! point of its journey (as a fraction of it: 0.4 = two fifths of the way). Each template
//! turns that into the events its criteria and health metrics read: milestone k of n is
//! reached only if the customer has not stopped before k/n of the way, each step takes
//! the template's usual time scaled by the pace (and sometimes much longer: a slow step),
//! and a customer that has stopped keeps using the product in the half-hearted way its
//! health rules colour grey or red. Events stop at the churn date.

use super::{DAY, Rng};

/// One customer's journey, shared by the templates.
pub struct Journey {
    pub start: i64,
    /// Multiplies every step's duration: below 1 is faster than usual.
    pub pace: f64,
    /// Where the customer stops for good, as a fraction of the journey; None: never.
    pub stop: Option<f64>,
    /// The last second that has events: the as-of date's end, or just before churn.
    pub end: i64,
}

impl Journey {
    /// Whether milestone `k` (1-based) of `n` is on this customer's path.
    fn allowed(&self, k: usize, n: usize) -> bool {
        self.stop.is_none_or(|f| k as f64 / n as f64 <= f)
    }
}

/// Events of one customer: (time, event name, value).
pub type Events = Vec<(i64, &'static str, f64)>;

struct Gen<'a> {
    j: &'a Journey,
    rng: &'a mut Rng,
    out: &'a mut Events,
}

impl Gen<'_> {
    fn push(&mut self, t: i64, name: &'static str, value: f64) {
        if t <= self.j.end && t >= self.j.start {
            self.out.push((t, name, value));
        }
    }

    fn push_office(&mut self, t: i64, name: &'static str, value: f64) {
        let at = self.office(t);
        self.push(at, name, value);
    }

    /// A step's duration: `days` usual days scaled by the pace, one step in six slow.
    fn step(&mut self, days: f64) -> i64 {
        let slow = if self.rng.chance(1.0 / 6.0) {
            1.5 + self.rng.unit() * 1.5
        } else {
            0.7 + self.rng.unit() * 0.6
        };
        ((days * self.j.pace * slow) * DAY as f64) as i64
    }

    /// A time within working hours of the day of `t`.
    fn office(&mut self, t: i64) -> i64 {
        t - t.rem_euclid(DAY) + self.rng.range(8 * 3600, 18 * 3600)
    }

    /// `per_month` events of `name` a month (spread over distinct days) in [from, to).
    fn monthly(&mut self, name: &'static str, from: i64, to: i64, per_month: f64, value: f64) {
        let mut t = from;
        let gap = 30.0 / per_month.max(0.1);
        while t < to.min(self.j.end + 1) {
            let at = self.office(t);
            self.push(at, name, value);
            let jitter = 0.6 + self.rng.unit() * 0.8;
            t += ((gap * jitter).max(1.0) * DAY as f64) as i64;
        }
    }
}

/// Billing SaaS: account configured, monthly billing cycles, logins, AR days falling
/// with use, a module purchase, a referral.
pub fn billing(j: &Journey, rng: &mut Rng, out: &mut Events) {
    let n = 7;
    let mut g = Gen { j, rng, out };
    if !j.allowed(1, n) {
        let at = j.start + g.step(10.0);
        g.monthly("user_login", at, at + 60 * DAY, 2.0, 1.0);
        return;
    }
    let configured = j.start + g.step(8.0);
    g.push_office(configured, "account_configured", 1.0);
    // Logins: a few a month until the team is active, most working days after.
    let team_active = if j.allowed(4, n) {
        Some(configured + g.step(30.0) + g.step(60.0))
    } else {
        None
    };
    let sparse = if j.stop.is_some() { 4.0 } else { 6.0 };
    let busy_from = team_active.unwrap_or(i64::MAX);
    g.monthly(
        "user_login",
        configured,
        busy_from.saturating_sub(30 * DAY),
        sparse,
        1.0,
    );
    if let Some(t) = team_active {
        g.monthly("user_login", t - 30 * DAY, j.end + 1, 12.0, 1.0);
    }
    if !j.allowed(2, n) {
        return;
    }
    // Billing cycles: monthly from the first; a customer that stops before three keeps
    // to one or two.
    let first = configured + g.step(22.0);
    let cycles = if j.allowed(3, n) { usize::MAX } else { 2 };
    let ar_down = if j.allowed(5, n) {
        team_active.map(|t| t + g.step(120.0))
    } else {
        None
    };
    let mut ar: f64 = 55.0 + g.rng.unit() * 20.0;
    let mut t = first;
    let mut done = 0;
    while t <= j.end && done < cycles {
        let at = g.office(t);
        g.push(at, "billing_cycle_completed", 1.0);
        // AR days: down to 45 or below by the time the customer gets there, else hovering
        // above it.
        ar = match ar_down {
            Some(d) if t >= d => (ar - g.rng.unit() * 3.0).clamp(30.0, 45.0),
            Some(d) => {
                let months = ((d - t) as f64 / (30.0 * DAY as f64)).max(1.0);
                (ar - (ar - 44.0) / months).max(45.5)
            }
            None => (ar + g.rng.unit() * 4.0 - 2.0).clamp(46.0, 66.0),
        };
        g.push(at + 3600, "ar_days", (ar * 10.0).round() / 10.0);
        done += 1;
        t += g.rng.range(28, 33) * DAY;
    }
    let Some(ar_down) = ar_down else { return };
    // The cycle on or after the AR target carries the first value of 45 or less.
    if !j.allowed(6, n) {
        return;
    }
    let module = ar_down + g.step(90.0);
    g.push_office(module, "module_purchased", 1.0);
    if j.allowed(7, n) {
        let referral = module + g.step(120.0);
        g.push_office(referral, "referral_given", 1.0);
    }
}

/// Each template's capabilities beyond the milestones (seed 001's maturity phases), read
/// from the events the templates wrote so they follow the same customer. Billing SaaS:
/// once the customer runs cycles, some switch on dunning; the engaged ones connect their
/// ERP and share scheduled reports. Then Dealer Photos' and Inbound's.
pub fn capabilities(j: &Journey, rng: &mut Rng, out: &mut Events) {
    let when = |name: &str, nth: usize| {
        let mut ts: Vec<i64> = out.iter().filter(|e| e.1 == name).map(|e| e.0).collect();
        ts.sort_unstable();
        ts.get(nth - 1).copied()
    };
    let third_cycle = when("billing_cycle_completed", 3);
    let good_ar = out
        .iter()
        .filter(|e| e.1 == "ar_days" && e.2 <= 45.0)
        .map(|e| e.0)
        .min();
    let module = when("module_purchased", 1);
    let mut g = Gen { j, rng, out };
    if let Some(t) = third_cycle
        && g.rng.chance(0.7)
    {
        let at = t + g.step(20.0);
        g.push_office(at, "dunning_enabled", 1.0);
    }
    if let Some(t) = good_ar
        && g.rng.chance(0.6)
    {
        let at = t - g.step(25.0);
        g.push_office(at.max(j.start), "integration_enabled", 1.0);
    }
    if let Some(t) = module.or(good_ar)
        && g.rng.chance(0.55)
    {
        let from = t + g.step(15.0);
        g.monthly("report_shared", from, j.end + 1, 5.0, 1.0);
    }
    dealer_capabilities(&mut g);
    inbound_capabilities(&mut g);
}

/// The times of `name`'s events so far, sorted.
fn times(out: &Events, name: &str) -> Vec<i64> {
    let mut ts: Vec<i64> = out.iter().filter(|e| e.1 == name).map(|e| e.0).collect();
    ts.sort_unstable();
    ts
}

/// Dealer Photos beyond the milestones: photos per vehicle measured monthly, rising in
/// the months the dealer uploads on many days; background removal and 360° spins for the
/// engaged ones.
fn dealer_capabilities(g: &mut Gen<'_>) {
    let uploads = times(g.out, "photo_uploaded");
    let Some(&first) = uploads.first() else {
        return;
    };
    let mut level = 6.0 + g.rng.unit() * 6.0;
    let mut month = first;
    while month <= g.j.end {
        g.push_office(month, "photos_per_vehicle", level.round());
        let next = month + 30 * DAY;
        let days = uploads.iter().filter(|&&t| t >= month && t < next).count();
        level = if days >= 8 {
            (level + 1.0 + g.rng.unit() * 2.0).min(36.0)
        } else {
            (level - g.rng.unit()).max(4.0)
        };
        month = next;
    }
    let engaged = uploads.len() >= 20;
    if engaged && g.rng.chance(0.55) {
        let at = first + g.step(40.0);
        g.push_office(at, "background_removal_enabled", 1.0);
    }
    if engaged && g.rng.chance(0.35) {
        let from = first + g.step(90.0);
        g.monthly("spin_created", from, g.j.end + 1, 2.0, 1.0);
    }
}

/// Inbound beyond the milestones: more landing pages the more the channel works, CRM
/// sync for those handing opportunities to sales, smart content for the prolific.
fn inbound_capabilities(g: &mut Gen<'_>) {
    let Some(&live) = times(g.out, "landing_page_published").first() else {
        return;
    };
    let opportunity = times(g.out, "opportunity_created").first().copied();
    let nurturing = !times(g.out, "email_sent").is_empty();
    let rate = if opportunity.is_some() {
        1.0 + g.rng.unit()
    } else if nurturing {
        0.4 + g.rng.unit() * 0.6
    } else {
        0.1 + g.rng.unit() * 0.3
    };
    let from = live + g.step(25.0);
    g.monthly("landing_page_published", from, g.j.end + 1, rate, 1.0);
    if let Some(t) = opportunity
        && g.rng.chance(0.6)
    {
        let at = t - g.step(10.0);
        g.push_office(at.max(live), "crm_sync_enabled", 1.0);
    }
    if times(g.out, "landing_page_published").len() >= 4 && g.rng.chance(0.4) {
        let at = from + g.step(60.0);
        g.push_office(at, "smart_content_enabled", 1.0);
    }
}

/// Dealer Photos: upload sessions (the value is the photos uploaded), 50 photos, a
/// habit of uploading on 12 days a month, no other upload channel, a second rooftop, a
/// referral.
pub fn dealer(j: &Journey, rng: &mut Rng, out: &mut Events) {
    let n = 6;
    let mut g = Gen { j, rng, out };
    // Other upload channels, weekly from the start, until the dealer relies on us alone;
    // a little (grey) while it is getting there, more (red) for one who stopped.
    let other = if j.stop.is_some() { 3.0 } else { 1.0 };
    if !j.allowed(1, n) {
        g.monthly(
            "other_channel_uploads",
            j.start,
            j.end + 1,
            4.0,
            other + 1.0,
        );
        return;
    }
    let first = j.start + g.step(5.0);
    // Onboarding: a session every few days until 50 photos are in; one who stops before
    // stays short of 50.
    let target = if j.allowed(2, n) {
        50.0
    } else {
        g.rng.range(5, 45) as f64
    };
    let mut t = first;
    let mut photos = 0.0;
    while photos < target && t <= j.end {
        let batch = (g.rng.range(4, 10) as f64).min(target - photos);
        g.push_office(t, "photo_uploaded", batch);
        photos += batch;
        t += g.rng.range(2, 4) * DAY;
    }
    let sole = if j.allowed(4, n) && photos >= 50.0 {
        Some(t + g.step(20.0) + g.step(60.0))
    } else {
        None
    };
    g.monthly(
        "other_channel_uploads",
        j.start,
        sole.map_or(j.end + 1, |s| s - 31 * DAY),
        4.0,
        other,
    );
    if photos < 50.0 {
        return;
    }
    // The habit: sessions on most working days once it forms, fewer before (and for good,
    // for one who stops before it).
    let onboarded = t;
    let habit = if j.allowed(3, n) {
        Some(onboarded + g.step(20.0))
    } else {
        None
    };
    let light = if j.stop.is_some() { 5.0 } else { 7.0 };
    g.monthly(
        "photo_uploaded",
        onboarded,
        habit.unwrap_or(j.end + 1),
        light,
        12.0,
    );
    // Some dealers cool off a while after they rely on us alone: fewer upload days.
    let cooling = match sole {
        Some(s) if g.rng.chance(0.4) => s + g.step(90.0),
        _ => j.end + 1,
    };
    if let Some(h) = habit {
        g.monthly("photo_uploaded", h, cooling, 14.0, 18.0);
        let rate = 2.0 + g.rng.unit() * 6.0;
        g.monthly("photo_uploaded", cooling.max(h), j.end + 1, rate, 12.0);
    }
    let Some(sole) = sole else { return };
    if j.allowed(5, n) {
        let rooftop = sole + g.step(120.0);
        g.push_office(rooftop, "rooftop_added", 1.0);
        if j.allowed(6, n) {
            let referral = rooftop + g.step(120.0);
            g.push_office(referral, "referral_given", 1.0);
        }
    }
}

/// Inbound methodology: tracking code and a first landing page, leads each week, nurturing
/// flows and emails, opportunities handed to sales.
pub fn inbound(j: &Journey, rng: &mut Rng, out: &mut Events) {
    let n = 4;
    let mut g = Gen { j, rng, out };
    let tracking = j.start + g.step(10.0);
    g.push_office(tracking, "tracking_code_installed", 1.0);
    if !j.allowed(1, n) {
        return;
    }
    let live = tracking + g.step(20.0);
    g.push_office(live, "landing_page_published", 1.0);
    // Leads every week: a trickle until the channel works (for good, for one who stops).
    let flowing = if j.allowed(2, n) {
        Some(live + g.step(45.0))
    } else {
        None
    };
    let mut w = live;
    while w <= j.end {
        let leads = if flowing.is_some_and(|f| w >= f) {
            g.rng.range(26, 50)
        } else if j.stop.is_some() {
            g.rng.range(2, 9)
        } else {
            g.rng.range(6, 16)
        };
        g.push_office(w, "lead_captured", leads as f64);
        w += 7 * DAY;
    }
    let Some(flowing) = flowing else { return };
    // Nurturing: one flow and a few emails at first; a second flow and weekly emails once
    // nurturing runs.
    let first_flow = flowing + g.step(10.0);
    g.push_office(first_flow, "automation_flow_active", 1.0);
    let nurturing = if j.allowed(3, n) {
        Some(first_flow + g.step(40.0))
    } else {
        None
    };
    let until = nurturing.unwrap_or(j.end + 1);
    let sparse = if j.stop.is_some() { 1.5 } else { 2.5 };
    g.monthly("email_sent", first_flow, until, sparse, 1.0);
    let Some(nurturing) = nurturing else { return };
    g.push_office(nurturing, "automation_flow_active", 2.0);
    g.monthly("email_sent", nurturing, j.end + 1, 5.0, 1.0);
    // Opportunities: a few, then ten or more a month once the machine runs.
    let scaling = if j.allowed(4, n) {
        nurturing + g.step(60.0)
    } else {
        i64::MAX
    };
    let mut w = nurturing;
    while w <= j.end {
        let opportunities = if w >= scaling {
            g.rng.range(3, 5)
        } else if j.stop.is_some() {
            g.rng.range(0, 1)
        } else {
            g.rng.range(1, 2)
        };
        if opportunities > 0 {
            g.push_office(w, "opportunity_created", opportunities as f64);
        }
        w += 7 * DAY;
    }
}
