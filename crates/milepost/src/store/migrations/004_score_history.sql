-- Score history: when a stakeholder's score changes (a re-import, or re-scored in a
-- workshop), the value it had is kept with the time it changed, so a matrix can show where
-- each point was on an earlier date. A trigger records it, so no way of writing a score
-- can skip the history.
CREATE TABLE stakeholder_change (
    customer INTEGER NOT NULL,
    name TEXT NOT NULL,
    field TEXT NOT NULL,
    before REAL,
    after REAL,
    at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE INDEX stakeholder_change_by_stakeholder ON stakeholder_change (customer, name, at);

CREATE TRIGGER stakeholder_score_changed AFTER UPDATE ON stakeholder
BEGIN
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'purpose', old.purpose, new.purpose WHERE old.purpose IS NOT new.purpose;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'intent', old.intent, new.intent WHERE old.intent IS NOT new.intent;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'desire', old.desire, new.desire WHERE old.desire IS NOT new.desire;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'skills', old.skills, new.skills WHERE old.skills IS NOT new.skills;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'revenue_impact', old.revenue_impact, new.revenue_impact WHERE old.revenue_impact IS NOT new.revenue_impact;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'modularity', old.modularity, new.modularity WHERE old.modularity IS NOT new.modularity;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'effort', old.effort, new.effort WHERE old.effort IS NOT new.effort;
    INSERT INTO stakeholder_change (customer, name, field, before, after)
        SELECT new.customer, new.name, 'complexity', old.complexity, new.complexity WHERE old.complexity IS NOT new.complexity;
END;
