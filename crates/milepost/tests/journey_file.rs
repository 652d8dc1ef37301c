//! The journey file format as a person meets it: files from other tools and other copies
//! of Milepost, good and broken.

use std::path::PathBuf;

use milepost::journey::file;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/journeys")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_documented_shape_reads_with_optional_fields_absent() {
    let j = file::parse(&fixture("minimal.json")).unwrap();
    assert_eq!(j.stages.len(), 2);
    assert_eq!(j.stages[0].expected_days, Some(45));
    let m = &j.stages[0].milestones[0];
    assert!(m.first_value);
    assert_eq!(m.criteria[0].window_days, None);
    assert_eq!(j.stages[1].milestones[0].criteria[0].value, 45.5);
    assert_eq!(j.stages[1].milestones[0].criteria[0].window_days, Some(90));
    assert_eq!(j.activities[0].milestones, vec!["ar-down".to_owned()]);
    assert_eq!(j.metrics[0].target, Some(45.0));
}

#[test]
fn export_import_export_is_byte_identical() {
    let first = file::to_string(&file::parse(&fixture("minimal.json")).unwrap());
    let second = file::to_string(&file::parse(&first).unwrap());
    assert_eq!(first, second);
    assert!(first.starts_with("{\n  \"format\": \"milepost/journey@1\",\n  \"name\": "));
    assert!(
        first.contains("\"value\": 1,"),
        "whole numbers stay whole:\n{first}"
    );
}

#[test]
fn a_broken_file_lists_every_problem_with_its_place() {
    let problems = file::parse(&fixture("broken.json")).unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = [
        r#"stages[0].milestones[0].criteria[1].aggregate: unknown aggregate "average" (expected one of count, sum, min, max, last, distinct_days)"#,
        r#"stages[0].milestones[0].criteria[2].op: unknown operator "=>" (expected one of >=, >, <=, <, ==)"#,
        "stages[0].milestones[0].criteria[3].window_days: must be at least 1, found -3",
        "name: must not be empty",
        "roles[0].name: must not be empty",
        r#"stages[1].id: duplicate stage id "onboard" (first used at stages[0].id)"#,
        r#"activities[0].stage: refers to stage "launch", which does not exist"#,
        r#"activities[0].role: refers to role "cfo", which does not exist"#,
        r#"activities[0].milestones[0]: refers to milestone "m9", which does not exist"#,
    ];
    for e in expect {
        assert!(text.contains(&e.to_owned()), "missing {e:?} in {text:#?}");
    }
    assert_eq!(text.len(), expect.len(), "{text:#?}");
}

#[test]
fn other_formats_and_newer_versions_are_refused_by_name() {
    let newer = file::parse(r#"{"format": "milepost/journey@2", "name": "x", "stages": []}"#);
    let msg = newer.unwrap_err()[0].to_string();
    assert!(msg.contains("newer version of Milepost"), "{msg}");

    let other = file::parse(r#"{"format": "bpmn", "name": "x", "stages": []}"#);
    assert_eq!(
        other.unwrap_err()[0].to_string(),
        r#"format: unknown format "bpmn" (expected "milepost/journey@1")"#
    );

    let none = file::parse(r#"{"name": "x", "stages": []}"#);
    assert!(
        none.unwrap_err()[0]
            .to_string()
            .starts_with("format: missing")
    );
}

#[test]
fn invalid_json_says_line_and_column() {
    let err =
        file::parse("{\n  \"format\": \"milepost/journey@1\",\n  \"name\": oops\n}").unwrap_err();
    assert!(
        err[0]
            .to_string()
            .starts_with("not valid JSON at line 3, column"),
        "{}",
        err[0]
    );
}

#[test]
fn missing_and_mistyped_fields_are_named() {
    let text = r#"{"format": "milepost/journey@1", "name": "x",
        "stages": [{"id": "s", "milestones": [{"id": "m", "name": "M",
            "criteria": [{"event": "e", "aggregate": "count", "op": ">=", "value": "three"}]}]}]}"#;
    let text: Vec<String> = file::parse(text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        text.contains(&"stages[0].name: missing".to_owned()),
        "{text:#?}"
    );
    assert!(
        text.contains(
            &r#"stages[0].milestones[0].criteria[0].value: expected number, found "three""#
                .to_owned()
        ),
        "{text:#?}"
    );
}

#[test]
fn misspelt_fields_and_out_of_range_numbers_are_named() {
    let text = r#"{"format": "milepost/journey@1", "name": "x", "stages": [
        {"id": "s", "name": "S", "expected_days": 5000000000, "milestones": [{"id": "m", "name": "M",
            "criteria": [{"event": "e", "aggregate": "count", "op": ">=", "value": 1, "windows_days": 30}]}]}],
        "activities": [{"id": "a", "name": "A", "stage": "s", "milestones": ["m", "m"],
            "trigger": {"kind": "stuck", "days": 0}}]}"#;
    let text: Vec<String> = file::parse(text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    for e in [
        r#"stages[0].milestones[0].criteria[0]: unknown field "windows_days""#,
        "stages[0].expected_days: must be at most 4294967295, found 5000000000",
        r#"activities[0].milestones[1]: milestone "m" is listed twice"#,
    ] {
        assert!(text.contains(&e.to_owned()), "missing {e:?} in {text:#?}");
    }
    let trigger = r#"activities[0].trigger: a "stuck" trigger needs days (a whole number, at least 1), found {"kind":"stuck","days":0}"#;
    assert!(text.contains(&trigger.to_owned()), "{text:#?}");
}

#[test]
fn a_role_on_a_stage_team_must_name_a_real_stage_and_round_trips() {
    let ok = r#"{"format": "milepost/journey@1", "name": "x",
        "stages": [{"id": "s", "name": "S"}],
        "roles": [{"id": "csm", "name": "CSM", "stages": ["s"]}, {"id": "cs", "name": "CS"}]}"#;
    let journey = file::parse(ok).unwrap();
    assert_eq!(journey.roles[0].stages, ["s"]);
    // A role on no team writes no `stages` at all, as before teams existed.
    let text = file::to_string(&journey);
    assert!(text.contains(r#""stages": ["#) && !text.contains(r#""stages": []"#));
    assert_eq!(file::parse(&text).unwrap(), journey);

    let bad = ok.replace(r#""stages": ["s"]"#, r#""stages": ["nowhere"]"#);
    let problems: Vec<String> = file::parse(&bad)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [r#"roles[0].stages[0]: refers to stage "nowhere", which does not exist"#]
    );
}

#[test]
fn a_matrix_written_before_axis_ranges_and_support_levels_still_reads() {
    // The first format: no axis range or direction, the quadrant's text under "action".
    let text = r#"{
      "format": "milepost/journey@1",
      "name": "Old",
      "stages": [{"id": "s", "name": "S"}],
      "matrices": [{
        "id": "ec", "name": "Effort × complexity",
        "x": {"label": "Effort", "field": "effort", "threshold": 5},
        "y": {"label": "Complexity", "field": "complexity", "threshold": 5},
        "best": "bottom_left",
        "quadrants": [{"corner": "bottom_left", "name": "Quick wins", "action": "Go first."}]
      }]
    }"#;
    let j = file::parse(text).unwrap();
    let m = &j.matrices[0];
    assert_eq!((m.x.min, m.x.max), (1.0, 10.0));
    // Less effort is better without the file saying so.
    assert_eq!(m.x.better(), milepost::journey::Direction::Lower);
    assert_eq!(m.x.normalised(1.0), 1.0);
    assert_eq!(m.quadrants[0].rationale.as_deref(), Some("Go first."));
    // Written back in today's form, it reads the same.
    assert_eq!(file::parse(&file::to_string(&j)).unwrap(), j);
}

#[test]
fn a_matrix_with_a_threshold_outside_its_range_or_an_unknown_metric_is_refused() {
    let mut j = milepost::journey::templates::get("billing-saas").unwrap();
    j.matrices[0].x.threshold = 12.0;
    j.matrices[1].y.field = milepost::journey::AxisField::Customer(
        milepost::journey::CustomerField::Metric("nope".into()),
    );
    let problems: Vec<String> = file::validate(&j)
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(
        problems.contains(&"matrices[0].x.threshold: 12 is outside the axis's range 1–10".into()),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("matrices[1].y.field.metric:")),
        "{problems:?}"
    );
}

#[test]
fn names_and_texts_have_limits_and_a_milestone_needs_a_criterion() {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("minimal.json")).unwrap();
    // A 50 MB name once made the PNG export ask for 188 GB; a 201-character name is refused.
    v["name"] = "N".repeat(201).into();
    v["description"] = "d".repeat(20_001).into();
    v["stages"][0]["milestones"][0]["criteria"] = serde_json::json!([]);
    let problems = file::parse(&v.to_string()).unwrap_err();
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|p| p.starts_with("name: is 201 characters long; at most 200")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.starts_with("description: is 20,001 characters long")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|p| p.starts_with(
            "stages[0].milestones[0].criteria: a milestone needs at least one criterion"
        )),
        "{said:?}"
    );
    // The editor's saves are held to the same limits.
    let mut j = file::parse(&fixture("minimal.json")).unwrap();
    j.name = "N".repeat(5_000_000);
    let mut store = milepost::store::Store::open_in_memory().unwrap();
    let id = store
        .insert_journey(&file::parse(&fixture("minimal.json")).unwrap())
        .unwrap();
    let err = store.save_journey(id, &j).unwrap_err().to_string();
    assert!(
        err.contains("at most 200"),
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(err.len() < 1_000, "the message does not repeat the name");
}
