//! What the unit tests share: the project's folders, the bundled content loaded once, and
//! builders for indicators and measures, so a test states only what its case is about.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::model::{
    Baseline, Content, GoalNumber, Indicator, IndicatorId, IndicatorType, Measure, Period,
    Quantity, SourceId, Target, TargetKind, Unit, Value,
};
use crate::pipeline::{Timings, load};

/// The project root.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Loads a content folder, panicking with its problems if it does not load.
pub(crate) fn load_content(dir: &Path) -> Content {
    match load(dir, &mut Timings::default()) {
        Ok(loaded) => loaded.output,
        Err(e) => panic!("{} does not load: {e:?}", dir.display()),
    }
}

/// The bundled `content/`, loaded once per test binary.
pub(crate) fn bundled() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| load_content(&root().join("content")))
}

/// Copies a folder tree.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("the fixture is readable");
        let rel = entry.path().strip_prefix(from).expect("below the fixture");
        let dest: PathBuf = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("the folder is made");
        } else {
            std::fs::copy(entry.path(), &dest).expect("the file is copied");
        }
    }
}

/// A plain number.
pub(crate) fn q(value: f64) -> Quantity {
    Quantity { value, of: None }
}

/// A share: `value` of `of`.
pub(crate) fn share(value: f64, of: f64) -> Quantity {
    Quantity {
        value,
        of: Some(of),
    }
}

/// A period as the content writes it (`2021`, `2026-Q2`).
pub(crate) fn period(s: &str) -> Period {
    Period::parse(s).expect("a period")
}

/// An indicator of goal 1 with this id, counted, without measures: set the fields a test is
/// about with `Indicator { measures, ..indicator(id) }`.
pub(crate) fn indicator(id: &str) -> Indicator {
    Indicator {
        id: IndicatorId::new(id),
        goal: GoalNumber::new(1).expect("goal 1"),
        name: "Test".into(),
        short_name: None,
        number: None,
        unit: Unit::Count,
        unit_label: None,
        kind: IndicatorType::Use,
        description: crate::model::Text::default(),
        measurement: None,
        data_source: None,
        frequency: None,
        footnotes: vec![],
        comments: vec![],
        measures: vec![],
        trend_tolerance: 1.0,
        path: PathBuf::new(),
    }
}

/// A counted measure, higher being better, from its baseline (period, number), values and
/// targets (year, kind); every figure from source `s`.
pub(crate) fn measure(
    base: Option<(&str, Quantity)>,
    values: &[(&str, Quantity)],
    targets: &[(i32, TargetKind)],
) -> Measure {
    let source = || SourceId::new("s");
    Measure {
        id: None,
        name: None,
        unit: Unit::Count,
        baseline: base.map(|(p, quantity)| Baseline {
            quantity: Some(quantity),
            period: Some(period(p)),
            text: None,
            source: source(),
        }),
        targets: targets
            .iter()
            .map(|(year, kind)| Target {
                year: *year,
                kind: *kind,
                text: None,
                source: source(),
            })
            .collect(),
        values: values
            .iter()
            .map(|(p, quantity)| Value {
                period: period(p),
                quantity: *quantity,
                text: None,
                breakdown: vec![],
                source: source(),
            })
            .collect(),
        ambition: None,
        illustrative: false,
        higher_is_better: true,
        values_file: None,
        from_roadmap: None,
    }
}
