//! Numbers in journey files are written as people write them: `3`, not `3.0`.

use serde::Serializer;

/// Largest integer an f64 holds exactly; beyond it the float form is the honest one.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// The value as a whole number, when it is one that f64 holds exactly.
pub(crate) fn whole(value: f64) -> Option<i64> {
    #[allow(clippy::cast_possible_truncation)]
    (value.fract() == 0.0 && value.abs() < EXACT_INTEGER_LIMIT).then_some(value as i64)
}

/// A number as people write it: `3`, not `3.0`; fractions as they are.
pub fn display(value: f64) -> String {
    whole(value).map_or_else(|| value.to_string(), |w| w.to_string())
}

pub(crate) fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    match whole(*value) {
        Some(n) => serializer.serialize_i64(n),
        None => serializer.serialize_f64(*value),
    }
}

pub(crate) fn serialize_opt<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serialize(v, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct N(#[serde(serialize_with = "super::serialize")] f64);

    #[test]
    fn whole_numbers_have_no_decimal_point_and_fractions_keep_theirs() {
        let text = |v: f64| serde_json::to_string(&N(v)).unwrap();
        assert_eq!(text(3.0), "3");
        assert_eq!(text(-45.0), "-45");
        assert_eq!(text(0.25), "0.25");
        assert_eq!(text(1e300), "1e+300");
    }
}
