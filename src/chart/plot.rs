//! The drawing itself, with plotters: a palette that readers with colour-vision deficiency can
//! tell apart (Okabe–Ito), and every kind of mark with its own line style and marker shape,
//! so nothing is told by colour alone and the chart survives greyscale:
//!
//! | what | line | marker |
//! | --- | --- | --- |
//! | measured values | solid, thick | filled, a shape per measure (circle, square, diamond) |
//! | illustrative values | long dashes | hollow, the measure's shape |
//! | baseline | – | a large hollow ring of the measure's shape |
//! | baseline to targets | thin, short dashes | – |
//! | targets | – | hollow triangle |
//! | projection | dotted | small hollow circle |
//! | ambition | – | cross |
//!
//! The legend lies under the plot, laid out with the real font's widths and wrapped, so it
//! covers no data and no label runs out of its box.

use plotters::coord::Shift;
use plotters::element::{DynElement, IntoDynElement};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FONT;
use super::axis::{XAxis, y_range};
use super::series::{Series, value_text};
use crate::labels::Labels;
use crate::model::Unit;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 480;
const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);
const VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
const GREEN: RGBColor = RGBColor(0x00, 0x9e, 0x73);
const PURPLE: RGBColor = RGBColor(0xcc, 0x79, 0xa7);
const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);
/// The Okabe–Ito colours that keep a 3:1 contrast on white, one per measure.
const PALETTE: [RGBColor; 5] = [BLUE, VERMILLION, GREEN, PURPLE, BLACK];
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
pub(super) const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(super) const LABEL_SIZE: u32 = 19;
const LEGEND_SIZE: u32 = 17;

/// A marker's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    Cross,
}

/// The measured values' shape of the `k`th measure.
const SHAPES: [Shape; 3] = [Shape::Circle, Shape::Square, Shape::Diamond];

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    None,
    Solid,
    Dashed,
    Thin,
    Dotted,
}

/// The look of one kind of mark: colour, line and marker (shape, filled, radius).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    pub colour: RGBColor,
    pub line: Line,
    pub marker: Option<(Shape, bool, i32)>,
}

/// What a chart draws of a series, each with its look and its legend text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Values,
    Illustrative,
    Baseline,
    Path,
    Targets,
    Projection,
    Ambition,
}

/// The look of a kind of mark of the `k`th of `n` series. With one series each kind has a
/// colour of its own; with several, a series' marks share its colour.
pub(super) fn look(kind: Kind, k: usize, n: usize) -> Look {
    let own = PALETTE[k % PALETTE.len()];
    let colour = |single: RGBColor| if n > 1 { own } else { single };
    let shape = SHAPES[k % SHAPES.len()];
    match kind {
        Kind::Values => Look {
            colour: own,
            line: Line::Solid,
            marker: Some((shape, true, 6)),
        },
        Kind::Illustrative => Look {
            colour: own,
            line: Line::Dashed,
            marker: Some((shape, false, 6)),
        },
        Kind::Baseline => Look {
            colour: own,
            line: Line::None,
            marker: Some((shape, false, 10)),
        },
        Kind::Path => Look {
            colour: colour(VERMILLION),
            line: Line::Thin,
            marker: None,
        },
        Kind::Targets => Look {
            colour: colour(VERMILLION),
            line: Line::None,
            marker: Some((Shape::Triangle, false, 8)),
        },
        Kind::Projection => Look {
            colour: own,
            line: Line::Dotted,
            marker: Some((Shape::Circle, false, 4)),
        },
        Kind::Ambition => Look {
            colour: colour(GREEN),
            line: Line::None,
            marker: Some((Shape::Cross, false, 8)),
        },
    }
}

/// A marker at `at` (data or pixel coordinates), as one element.
fn marker<'a, DB: DrawingBackend + 'a, C: Clone + 'a>(
    at: C,
    look: Look,
) -> Option<DynElement<'a, DB, C>> {
    let (shape, filled, r) = look.marker?;
    let style = ShapeStyle {
        color: look.colour.to_rgba(),
        filled,
        stroke_width: 2,
    };
    let stroke = ShapeStyle {
        filled: false,
        stroke_width: if r > 8 { 2 } else { 3 },
        ..style
    };
    let poly = |points: Vec<(i32, i32)>| {
        if filled {
            (EmptyElement::at(at.clone()) + Polygon::new(points, style)).into_dyn()
        } else {
            let mut closed = points.clone();
            closed.push(points[0]);
            (EmptyElement::at(at.clone()) + PathElement::new(closed, stroke)).into_dyn()
        }
    };
    Some(match shape {
        Shape::Circle => (EmptyElement::at(at.clone())
            + Circle::new((0, 0), r, if filled { style } else { stroke }))
        .into_dyn(),
        Shape::Square => {
            let s = r * 4 / 5;
            poly(vec![(-s, -s), (s, -s), (s, s), (-s, s)])
        }
        Shape::Diamond => poly(vec![(0, -r), (r, 0), (0, r), (-r, 0)]),
        Shape::Triangle => poly(vec![(0, -r), (r, r * 4 / 5), (-r, r * 4 / 5)]),
        Shape::Cross => (EmptyElement::at(at.clone())
            + PathElement::new(vec![(-r, -r), (r, r)], stroke)
            + PathElement::new(vec![(-r, r), (r, -r)], stroke))
        .into_dyn(),
    })
}

/// The legend: one entry per kind of mark drawn, in the order drawn.
fn legend_entries(l: &Labels, series: &[Series]) -> Vec<(Look, String)> {
    let several = series.len() > 1;
    let mut entries = Vec::new();
    for (k, s) in series.iter().enumerate() {
        let named = |what: &str| {
            if several {
                format!("{} – {what}", s.label)
            } else {
                capitalise(what)
            }
        };
        let mut add =
            |kind: Kind, what: &str| entries.push((look(kind, k, series.len()), named(what)));
        if !s.values.is_empty() {
            if s.illustrative {
                add(Kind::Illustrative, l.legend_illustrative);
            } else {
                add(Kind::Values, l.legend_measured);
            }
        }
        if s.baseline.is_some() {
            add(Kind::Baseline, l.charts.legend_baseline);
        }
        if !s.path().is_empty() {
            add(Kind::Path, l.charts.legend_path);
        }
        if !s.targets.is_empty() {
            add(Kind::Targets, l.legend_targets);
        }
        if s.projection.is_some() {
            add(Kind::Projection, l.charts.legend_projection);
        }
        if s.ambition.is_some() {
            add(Kind::Ambition, l.legend_ambition);
        }
    }
    entries
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

const SWATCH: i32 = 34;
const ROW: i32 = 24;
const PAD: i32 = 18;

/// Legend entries placed in rows across `width`: each entry's position and its text's lines.
type Placed = Vec<((i32, i32), Look, Vec<String>)>;

/// Lays the legend out with the font's real widths, wrapping a text too long for a row.
fn layout(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    entries: &[(Look, String)],
    width: i32,
) -> Placed {
    let font: TextStyle = (FONT, LEGEND_SIZE).into_font().into();
    let measure = |t: &str| {
        area.estimate_text_size(t, &font)
            .map_or(t.chars().count() as i32 * 10, |(w, _)| w as i32)
    };
    let room = width - SWATCH - 8;
    let (mut x, mut y) = (0, 0);
    let mut placed = Vec::new();
    for (look, text) in entries {
        let mut lines = vec![String::new()];
        for word in text.split(' ') {
            let last = lines.last_mut().expect("a line");
            let candidate = if last.is_empty() {
                word.to_owned()
            } else {
                format!("{last} {word}")
            };
            if measure(&candidate) > room && !last.is_empty() {
                lines.push(word.to_owned());
            } else {
                *last = candidate;
            }
        }
        let w = SWATCH + 8 + lines.iter().map(|t| measure(t)).max().unwrap_or(0);
        if x > 0 && (x + w > width || lines.len() > 1) {
            x = 0;
            y += ROW;
        }
        let rows = lines.len() as i32;
        placed.push(((x, y), *look, lines));
        x += w + PAD;
        if rows > 1 {
            x = 0;
            y += ROW * rows;
        }
    }
    placed
}

/// The height the placed legend takes.
fn legend_height(placed: &Placed) -> i32 {
    placed
        .iter()
        .map(|((_, y), _, lines)| y + ROW * lines.len() as i32)
        .max()
        .unwrap_or(0)
}

/// A sample of a line style, from `x0` to `x1` at height `y`, in pixels.
fn line_sample(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    look: Look,
    (x0, x1, y): (i32, i32, i32),
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let style = |w: u32| look.colour.stroke_width(w);
    match look.line {
        Line::None => {}
        Line::Solid => area
            .draw(&PathElement::new(vec![(x0, y), (x1, y)], style(3)))
            .map_err(err)?,
        Line::Dashed | Line::Thin => {
            let (dash, gap, w) = if look.line == Line::Dashed {
                (10, 5, 3)
            } else {
                (5, 4, 2)
            };
            let mut x = x0;
            while x < x1 {
                let end = (x + dash).min(x1);
                area.draw(&PathElement::new(vec![(x, y), (end, y)], style(w)))
                    .map_err(err)?;
                x = end + gap;
            }
        }
        Line::Dotted => {
            for x in (x0..=x1).step_by(7) {
                area.draw(&Circle::new((x, y), 2, look.colour.filled()))
                    .map_err(err)?;
            }
        }
    }
    Ok(())
}

/// Draws a line through `points` (data coordinates) in a look's line style.
fn draw_line<DB: DrawingBackend, X: Ranged<ValueType = f64>, Y: Ranged<ValueType = f64>>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    points: &[(f64, f64)],
    look: Look,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let c = look.colour;
    match look.line {
        Line::None => {}
        Line::Solid => {
            chart
                .draw_series(LineSeries::new(points.to_vec(), c.stroke_width(3)))
                .map_err(err)?;
        }
        Line::Dashed => {
            chart
                .draw_series(DashedLineSeries::new(
                    points.to_vec(),
                    10,
                    5,
                    c.stroke_width(3),
                ))
                .map_err(err)?;
        }
        Line::Thin => {
            chart
                .draw_series(DashedLineSeries::new(
                    points.to_vec(),
                    5,
                    4,
                    c.stroke_width(2),
                ))
                .map_err(err)?;
        }
        Line::Dotted => {
            chart
                .draw_series(DottedLineSeries::new(points.to_vec(), 0, 7, move |p| {
                    Circle::new(p, 2, c.filled())
                }))
                .map_err(err)?;
        }
    }
    Ok(())
}

/// The plot area of a chart, in data coordinates: years or bar positions across, as drawn up.
pub(super) type Plot<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Draws a chart in the frame every chart shares: white, `entries` as the legend under the
/// plot, a grid and a y axis from `y.0` to `y.1` labelled in `unit`, x from `x.0` to `x.1` with
/// `x_labels` pixels under it for the labels `body` writes there. `body` draws the marks, given
/// the plot, its drawing area and the labels' font.
pub(super) fn framed(
    l: &Labels,
    unit: Unit,
    entries: &[(Look, String)],
    (x, y): ((f64, f64), (f64, f64)),
    x_labels: u32,
    body: impl FnOnce(
        &mut Plot<'_, '_>,
        &DrawingArea<SVGBackend<'_>, Shift>,
        &TextStyle<'_>,
    ) -> Result<(), String>,
) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let placed = layout(&root, entries, WIDTH as i32 - 2 * PAD);
        let legend_h = legend_height(&placed) + PAD;
        let (plot, legend) = root.split_vertically(HEIGHT as i32 - legend_h);
        let label_font: TextStyle = (FONT, LABEL_SIZE).into_font().color(&TEXT);
        let y_fmt = |v: &f64| value_text(l, unit, *v);
        let y_width = (0..=5)
            .map(|i| y.0 + (y.1 - y.0) * f64::from(i) / 5.0)
            .filter_map(|v| root.estimate_text_size(&y_fmt(&v), &label_font).ok())
            .map(|(w, _)| w)
            .max()
            .unwrap_or(40);
        let mut chart = ChartBuilder::on(&plot)
            .margin(PAD as u32)
            .margin_bottom(4)
            .x_label_area_size(x_labels)
            .y_label_area_size(y_width + 16)
            .build_cartesian_2d(x.0..x.1, y.0..y.1)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(TEXT)
            .y_labels(6)
            .y_label_formatter(&y_fmt)
            .label_style(label_font.clone())
            .draw()
            .map_err(err)?;
        body(&mut chart, &plot, &label_font)?;
        draw_legend(&legend, &placed)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Draws the chart as SVG.
pub(super) fn svg(
    l: &Labels,
    unit: Unit,
    series: &[Series],
    axis: &XAxis,
) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let ys: Vec<f64> = series.iter().flat_map(|s| s.marks()).map(|m| m.y).collect();
    let (bottom, top) = y_range(&ys, unit == Unit::Percent);
    let quarterly = !axis.years.is_empty();
    let entries = legend_entries(l, series);
    let named = axis.ticks.iter().any(|t| !t.label.is_empty());
    let room = if quarterly && named { 60 } else { 36 };
    let ranges = ((axis.lo, axis.hi), (bottom, top));
    framed(l, unit, &entries, ranges, room, |chart, plot, font| {
        // The x axis's ticks and labels sit at the middles of years or quarters, which
        // plotters' own key points do not: they are drawn here.
        let top_style = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
        for t in &axis.ticks {
            let (px, py) = chart.backend_coord(&(t.x, bottom));
            plot.draw(&PathElement::new(
                vec![(px, py), (px, py + 6)],
                TEXT.stroke_width(1),
            ))
            .map_err(err)?;
            if !t.label.is_empty() {
                plot.draw(&Text::new(t.label.clone(), (px, py + 9), top_style.clone()))
                    .map_err(err)?;
            }
        }
        // The years go under the quarters' names, or where those would be when there are none.
        let below = if axis.ticks.iter().any(|t| !t.label.is_empty()) {
            33
        } else {
            9
        };
        for t in &axis.years {
            let (px, py) = chart.backend_coord(&(t.x, bottom));
            plot.draw(&Text::new(
                t.label.clone(),
                (px, py + below),
                top_style.clone(),
            ))
            .map_err(err)?;
        }
        draw_series(chart, series)
    })
}

/// Draws the placed legend entries in `legend`: each one's sample and its lines of text.
fn draw_legend(legend: &DrawingArea<SVGBackend<'_>, Shift>, placed: &Placed) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    let style = (FONT, LEGEND_SIZE)
        .into_font()
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for ((x, y), look, lines) in placed {
        let (x, y) = (x + PAD, y + PAD / 2);
        let mid = y + ROW / 2;
        line_sample(legend, *look, (x, x + SWATCH, mid))?;
        if let Some(m) = marker::<_, (i32, i32)>((x + SWATCH / 2, mid), *look) {
            legend.draw(&m).map_err(err)?;
        }
        for (i, line) in lines.iter().enumerate() {
            let at = (x + SWATCH + 8, mid + ROW * i as i32);
            legend
                .draw(&Text::new(line.clone(), at, style.clone()))
                .map_err(err)?;
        }
    }
    Ok(())
}

/// Draws every series' lines, then its markers on top.
fn draw_series<DB: DrawingBackend, X: Ranged<ValueType = f64>, Y: Ranged<ValueType = f64>>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    series: &[Series],
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let n = series.len();
    for (k, s) in series.iter().enumerate() {
        let values = if s.illustrative {
            Kind::Illustrative
        } else {
            Kind::Values
        };
        let points = |marks: &[super::series::Mark]| -> Vec<(f64, f64)> {
            marks.iter().map(|m| (m.x, m.y)).collect()
        };
        draw_line(chart, &s.path(), look(Kind::Path, k, n))?;
        draw_line(chart, &points(&s.values), look(values, k, n))?;
        draw_line(chart, &s.projection_line(), look(Kind::Projection, k, n))?;
        let projected = s
            .projection
            .as_ref()
            .map(|p| points(&p.1))
            .unwrap_or_default();
        let layers = [
            (
                Kind::Baseline,
                s.baseline.iter().map(|m| (m.x, m.y)).collect(),
            ),
            (values, points(&s.values)),
            (Kind::Targets, points(&s.targets)),
            (Kind::Projection, projected),
            (
                Kind::Ambition,
                s.ambition.iter().map(|m| (m.x, m.y)).collect::<Vec<_>>(),
            ),
        ];
        for (kind, at) in layers {
            let look = look(kind, k, n);
            for m in at
                .into_iter()
                .filter_map(|p| marker::<DB, (f64, f64)>(p, look))
            {
                chart.plotting_area().draw(&m).map_err(err)?;
            }
        }
    }
    Ok(())
}
