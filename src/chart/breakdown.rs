//! A measure's breakdown (per health region, per category): one bar per period whose value
//! the content breaks down. The parts are stacked when they add up to the value (counts,
//! millions, a share's numerator — drawn in percent of the share's denominator, so the bar
//! is as tall as the share) and stand side by side when they do not (percentages, days).
//!
//! Each part keeps its colour and its place in every bar; colours alternate between dark and
//! light so that neighbouring parts stay apart in greyscale, every part is outlined, and each
//! is labelled with its number where it has room and named in the legend in stacking order.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FONT;
use super::axis::top_from_zero;
use super::plot::{self, LABEL_SIZE, Line, Look, Shape, TEXT};
use super::series::value_text;
use crate::analyse::MeasureFacts;
use crate::labels::Labels;
use crate::model::{Measure, Unit};

/// The parts' colours (Okabe–Ito), dark and light in turn.
const PARTS: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xf0, 0xe4, 0x42),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0xcc, 0x79, 0xa7),
];

/// One period's bar.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bar {
    /// The period in the document's words.
    pub when: String,
    /// Each part's height as drawn, in the order of [`Parts::labels`]; `None` where this
    /// period does not have the part.
    pub parts: Vec<Option<f64>>,
}

/// What a breakdown chart draws.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Parts {
    /// The parts' names, in the order they first appear.
    pub labels: Vec<String>,
    /// A bar per period, oldest first.
    pub bars: Vec<Bar>,
    /// Whether the parts add up to the value and are stacked.
    pub stacked: bool,
    /// The unit drawn (percent for a share).
    pub unit: Unit,
    /// Whether the heights are a share's parts in percent.
    pub share: bool,
}

/// The breakdowns of a measure's values that its facts count (a status page's: those known
/// at its quarter's end), or none when no such value has one.
pub(super) fn parts(l: &Labels, m: &Measure, facts: &MeasureFacts) -> Option<Parts> {
    let share = facts.share;
    let mut labels: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for v in &m.values {
        if v.breakdown.is_empty() || !facts.values.iter().any(|p| p.period == v.period) {
            continue;
        }
        let of = v.quantity.of.filter(|of| *of > 0.0);
        if share && of.is_none() {
            continue;
        }
        let mut row = Vec::new();
        for (label, x) in &v.breakdown {
            let k = labels.iter().position(|o| o == label).unwrap_or_else(|| {
                labels.push(label.clone());
                labels.len() - 1
            });
            row.push((k, of.map_or(*x, |of| x / of * 100.0)));
        }
        rows.push((l.period(v.period), row));
    }
    if rows.is_empty() {
        return None;
    }
    let bars = rows
        .into_iter()
        .map(|(when, row)| {
            let mut parts = vec![None; labels.len()];
            for (k, x) in row {
                parts[k] = Some(x);
            }
            Bar { when, parts }
        })
        .collect();
    Some(Parts {
        labels,
        bars,
        stacked: share || matches!(m.unit, Unit::Count | Unit::Millions),
        unit: if share { Unit::Percent } else { m.unit },
        share,
    })
}

/// Alt text without its title: how the parts are drawn, then every bar's parts in words.
pub(super) fn alt_text(l: &Labels, p: &Parts) -> String {
    let mut words = Vec::new();
    if p.share {
        words.push(l.chart_share_in_percent.to_owned());
    }
    words.push(
        if p.stacked {
            l.charts.breakdown_stacked
        } else {
            l.charts.breakdown_side_by_side
        }
        .to_owned(),
    );
    for b in &p.bars {
        let parts: Vec<String> = p
            .labels
            .iter()
            .zip(&b.parts)
            .filter_map(|(label, x)| x.map(|x| format!("{label}: {}", value_text(l, p.unit, x))))
            .collect();
        words.push(format!("{}: {}", b.when, parts.join("; ")));
    }
    format!("{}.", words.join(". "))
}

/// The data table's rows: a row per part of each bar.
pub(super) fn rows(l: &Labels, p: &Parts) -> Vec<[String; 3]> {
    p.bars
        .iter()
        .flat_map(|b| {
            p.labels.iter().zip(&b.parts).filter_map(|(label, x)| {
                x.map(|x| [label.clone(), b.when.clone(), value_text(l, p.unit, x)])
            })
        })
        .collect()
}

/// The look of the `k`th part: its colour, in a filled square.
fn look(k: usize) -> Look {
    Look {
        colour: PARTS[k % PARTS.len()],
        line: Line::None,
        marker: Some((Shape::Square, true, 9)),
    }
}

/// Black or white, whichever reads better on `c`.
fn ink(c: RGBColor) -> RGBColor {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) {
        BLACK
    } else {
        WHITE
    }
}

/// Draws the breakdown as SVG.
pub(super) fn svg(l: &Labels, p: &Parts) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let heights = p.bars.iter().map(|b| {
        let parts = b.parts.iter().flatten().copied();
        if p.stacked {
            parts.sum::<f64>()
        } else {
            parts.fold(0.0, f64::max)
        }
    });
    // Bars start at zero, always.
    let top = top_from_zero(heights.fold(0.0, f64::max), p.unit == Unit::Percent);
    let n = p.bars.len();
    let entries: Vec<(Look, String)> = p
        .labels
        .iter()
        .enumerate()
        .map(|(k, label)| (look(k), label.clone()))
        .collect();
    let ranges = ((-0.5, n as f64 - 0.5), (0.0, top));
    plot::framed(l, p.unit, &entries, ranges, 36, |chart, area, font| {
        let every = n.div_ceil(8).max(1);
        let under = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
        for (i, b) in p.bars.iter().enumerate().filter(|(i, _)| i % every == 0) {
            let (px, py) = chart.backend_coord(&(i as f64, 0.0));
            area.draw(&Text::new(b.when.clone(), (px, py + 9), under.clone()))
                .map_err(err)?;
        }
        draw_bars(l, p, chart, area, font)
    })
}

/// Draws the bars, each part outlined, and each part's number inside it where it fits.
fn draw_bars(
    l: &Labels,
    p: &Parts,
    chart: &mut plot::Plot<'_, '_>,
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    font: &TextStyle<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let k = p.labels.len().max(1) as f64;
    let outline = TEXT.stroke_width(1);
    let mut boxes = Vec::new();
    for (i, b) in p.bars.iter().enumerate() {
        let x = i as f64;
        let mut base = 0.0;
        for (j, h) in b.parts.iter().enumerate() {
            let Some(h) = *h else { continue };
            let (x0, x1, y0) = if p.stacked {
                (x - 0.3, x + 0.3, base)
            } else {
                let w = 0.8 / k;
                let left = x - 0.4 + w * j as f64;
                (left, left + w, 0.0)
            };
            let corners = [(x0, y0), (x1, y0 + h)];
            chart
                .draw_series([Rectangle::new(corners, PARTS[j % PARTS.len()].filled())])
                .map_err(err)?;
            chart
                .draw_series([Rectangle::new(corners, outline)])
                .map_err(err)?;
            boxes.push((corners, j, h));
            if p.stacked {
                base += h;
            }
        }
    }
    // A part's number inside it, where it fits.
    for ([(x0, y0), (x1, y1)], j, h) in boxes {
        let text = value_text(l, p.unit, h);
        let (ax, ay) = chart.backend_coord(&(x0, y0));
        let (bx, by) = chart.backend_coord(&(x1, y1));
        let Ok((w, th)) = area.estimate_text_size(&text, font) else {
            continue;
        };
        if (bx - ax) < w as i32 + 6 || (ay - by) < th as i32 + 6 {
            continue;
        }
        let style = (FONT, LABEL_SIZE)
            .into_font()
            .color(&ink(PARTS[j % PARTS.len()]))
            .pos(Pos::new(HPos::Center, VPos::Center));
        area.draw(&Text::new(text, ((ax + bx) / 2, (ay + by) / 2), style))
            .map_err(err)?;
    }
    Ok(())
}

/// The words of a breakdown chart's alt text and table, checked by hand.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse_measure;
    use crate::labels::Lang;
    use crate::model::{Indicator, Thresholds};
    use crate::testing::{measure, q};

    /// A period, its total and its parts.
    type Row<'a> = (&'a str, f64, &'a [(&'a str, f64)]);

    fn with_parts(unit: Unit, values: &[Row<'_>]) -> (Indicator, Parts) {
        let points: Vec<(&str, crate::model::Quantity)> =
            values.iter().map(|(p, v, _)| (*p, q(*v))).collect();
        let mut m = measure(None, &points, &[]);
        m.unit = unit;
        for (v, (_, _, parts)) in m.values.iter_mut().zip(values) {
            v.breakdown = parts.iter().map(|(l, x)| ((*l).to_owned(), *x)).collect();
        }
        let ind = Indicator {
            measures: vec![m],
            ..crate::testing::indicator("9.9")
        };
        let facts = analyse_measure(&ind, &ind.measures[0], Thresholds::default());
        let parts = parts(Lang::Nb.labels(), &ind.measures[0], &facts).expect("parts");
        (ind, parts)
    }

    #[test]
    fn counts_stack_and_every_part_is_told() {
        let (_, p) = with_parts(
            Unit::Count,
            &[
                (
                    "2024",
                    300.0,
                    &[("Helse Nord", 100.0), ("Helse Vest", 200.0)],
                ),
                (
                    "2025",
                    450.0,
                    &[("Helse Vest", 250.0), ("Helse Sør-Øst", 200.0)],
                ),
            ],
        );
        assert!(p.stacked);
        assert_eq!(p.labels, ["Helse Nord", "Helse Vest", "Helse Sør-Øst"]);
        assert_eq!(p.bars[1].parts, [None, Some(250.0), Some(200.0)]);
        let l = Lang::Nb.labels();
        assert_eq!(
            alt_text(l, &p),
            format!(
                "{}. 2024: Helse Nord: 100; Helse Vest: 200. 2025: Helse Vest: 250; \
                 Helse Sør-Øst: 200.",
                l.charts.breakdown_stacked
            )
        );
        assert_eq!(
            rows(l, &p)[2],
            ["Helse Vest", "2025", "250"].map(String::from)
        );
        let svg = svg(l, &p).expect("draws");
        assert!(svg.contains("Helse Sør-Øst"));
    }

    #[test]
    fn percentages_stand_side_by_side() {
        let (_, p) = with_parts(Unit::Percent, &[("2025", 40.0, &[("Sykehus", 60.0)])]);
        assert!(!p.stacked);
        assert_eq!(p.bars.len(), 1);
    }

    #[test]
    fn a_value_without_parts_has_no_bar() {
        let (_, p) = with_parts(
            Unit::Count,
            &[("2024", 300.0, &[]), ("2025", 450.0, &[("A", 1.0)])],
        );
        assert_eq!(p.bars.len(), 1);
        assert_eq!(p.bars[0].when, "2025");
    }

    /// Three hundred parts with long names: a legend taller than the chart is cut, not a panic.
    #[test]
    fn very_many_parts_still_draw() {
        let parts: Vec<(String, f64)> = (0..300)
            .map(|i| (format!("Kommune nummer {i} med et langt navn æøå"), 1.0))
            .collect();
        let borrowed: Vec<(&str, f64)> = parts.iter().map(|(l, x)| (l.as_str(), *x)).collect();
        let (_, p) = with_parts(Unit::Count, &[("2025", 300.0, &borrowed)]);
        let svg = svg(Lang::Nb.labels(), &p).expect("draws");
        assert!(svg.starts_with("<svg"));
    }

    #[test]
    fn text_on_a_part_is_black_or_white_by_contrast() {
        assert_eq!(ink(PARTS[0]), WHITE);
        assert_eq!(ink(PARTS[1]), BLACK);
    }
}
