//! Norwegian typography for numbers, percentages and dates: `124 453`, `0,506`, `46 %`,
//! `13. desember 2023`. Spaces inside a number or before `%` are no-break spaces.

use time::Date;

use crate::model::{Quantity, Unit};

/// No-break space, used as thousands separator and before units.
pub const NBSP: char = '\u{a0}';

/// Month names in bokmål.
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// A number with a decimal comma, up to `max_decimals` decimals (trailing zeros dropped) and
/// thousands grouped by no-break spaces from five digits on (`124 453`, `2898`, `0,506`).
pub fn number(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", max_decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (text.clone(), String::new()),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if digits.len() > 4 && i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(NBSP);
        }
        grouped.push(*c);
    }
    let negative =
        value < 0.0 && (grouped.chars().any(|c| c != '0' && c != NBSP) || !frac.is_empty());
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// A percentage: `46 %`, `12,5 %`.
pub fn percent(value: f64) -> String {
    format!("{}{NBSP}%", number(value, 1))
}

/// A date: `13. desember 2023`.
pub fn date(d: Date) -> String {
    format!(
        "{}. {} {}",
        d.day(),
        MONTHS[usize::from(u8::from(d.month())) - 1],
        d.year()
    )
}

/// A quantity in its unit: `46 %`, `124 453`, `147/356`, `0,506 mill.`.
pub fn quantity(unit: Unit, q: Quantity) -> String {
    match (unit, q.of) {
        (_, Some(of)) => format!("{}/{}", number(q.value, 2), number(of, 2)),
        (Unit::Percent, None) => percent(q.value),
        (Unit::Millions, None) => format!("{}{}mill.", number(q.value, 3), NBSP),
        (Unit::Days, None) => format!("{}{}dager", number(q.value, 1), NBSP),
        _ => number(q.value, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: String) -> String {
        s.replace(NBSP, " ")
    }

    #[test]
    fn numbers_follow_norwegian_rules() {
        assert_eq!(plain(number(124453.0, 2)), "124 453");
        assert_eq!(plain(number(2898.0, 2)), "2898");
        assert_eq!(plain(number(108000.0, 0)), "108 000");
        assert_eq!(number(0.506, 3), "0,506");
        assert_eq!(number(11.4, 1), "11,4");
        assert_eq!(plain(number(1234567.25, 2)), "1 234 567,25");
        assert_eq!(number(-3.0, 0), "−3");
        assert_eq!(number(-0.0001, 1), "0");
        assert_eq!(number(f64::NAN, 1), "–");
    }

    #[test]
    fn percent_has_a_space_before_the_sign() {
        assert_eq!(plain(percent(46.0)), "46 %");
        assert_eq!(plain(percent(12.5)), "12,5 %");
    }

    #[test]
    fn dates_are_written_out() {
        let d = Date::from_calendar_date(2023, time::Month::December, 13).unwrap();
        assert_eq!(date(d), "13. desember 2023");
    }

    #[test]
    fn quantities_in_their_units() {
        let q = |value, of| crate::model::Quantity { value, of };
        assert_eq!(quantity(Unit::Share, q(147.0, Some(356.0))), "147/356");
        assert_eq!(quantity(Unit::Percent, q(46.0, None)), "46\u{a0}%");
        assert_eq!(quantity(Unit::Millions, q(0.506, None)), "0,506\u{a0}mill.");
        assert_eq!(quantity(Unit::Count, q(124453.0, None)), "124\u{a0}453");
    }
}
