//! The analysis of the bundled content: classes only where the seeds give enough numbers.

use std::path::Path;

use statusrapport::analyse::{self, Class, NoClass, TrendClass};
use statusrapport::model::TargetKind;
use statusrapport::pipeline::{Timings, load};

#[test]
fn the_bundled_content_has_classes_only_where_its_numbers_allow() {
    let content_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let content = load(&content_dir, &mut Timings::default())
        .expect("the bundled content loads")
        .output;
    let analysis = analyse::analyse(&content);
    let mut progress = Vec::new();
    let mut trends = Vec::new();
    for ind in content.indicators.values() {
        for m in &ind.measures {
            let facts = analysis.of(ind, m);
            let baseline = m.baseline.as_ref().and_then(|b| b.quantity.zip(b.period));
            let numeric_target = m.targets.iter().any(|t| t.kind != TargetKind::Text);
            let after_baseline =
                baseline.is_some_and(|(_, p)| m.values.iter().any(|v| v.period > p));
            let enough = !m.illustrative && baseline.is_some() && numeric_target && after_baseline;
            let name = format!("{} {}", ind.id, m.id.as_deref().unwrap_or(""));
            match facts.class {
                Ok(Class::Progress(_)) => {
                    assert!(enough, "{name} has a class without the numbers for one");
                    assert!(facts.baseline.is_some() && facts.target_used.is_some());
                    progress.push(name);
                }
                Ok(Class::Trend(c)) => {
                    assert!(!numeric_target && m.values.len() >= 2, "{name}");
                    trends.push((name, c));
                }
                Err(reason) => {
                    assert!(
                        !enough || reason == NoClass::ZeroBaseline,
                        "{name}: {reason:?}"
                    );
                }
            }
        }
    }
    // The seeds of 2026-Q2 measure nothing after a baseline against a numeric target, and
    // one measure without a target has two values: processing time, falling.
    assert_eq!(progress, Vec::<String>::new());
    assert_eq!(trends, [("3.1 2".to_owned(), TrendClass::Improving)]);
}
