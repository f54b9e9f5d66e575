//! Periods and dates as the content writes them: `2021`, `2026-Q2`, `2026-01`, `2023-10-01`,
//! and ranges `2021-09/2022-08`.

use time::{Date, Month};

/// A checked period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter of a year, 1 to 4.
    Quarter(i32, u8),
    /// A month of a year, 1 to 12.
    Month(i32, u8),
    /// A day.
    Day(Date),
    /// From the start of one period to the end of another.
    Range(Single, Single),
}

/// A period that is not a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Single {
    /// A calendar year.
    Year(i32),
    /// A quarter.
    Quarter(i32, u8),
    /// A month.
    Month(i32, u8),
    /// A day.
    Day(Date),
}

impl Single {
    fn parse(s: &str) -> Result<Single, String> {
        let s = s.trim();
        let num = |t: &str, what: &str| -> Result<u32, String> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 4 {
                Err(format!("invalid {what} `{t}`"))
            } else {
                t.parse::<u32>()
                    .map_err(|_| format!("invalid {what} `{t}`"))
            }
        };
        let year = |t: &str| -> Result<i32, String> {
            let y = num(t, "year")?;
            if t.len() != 4 || !(1900..=2200).contains(&y) {
                return Err(format!(
                    "invalid year `{t}` (expected four digits, 1900 to 2200)"
                ));
            }
            Ok(y as i32)
        };
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Single::Year(year(y)?)),
            [y, q] if q.starts_with(['Q', 'q']) => {
                let n = num(&q[1..], "quarter")?;
                if !(1..=4).contains(&n) {
                    return Err(format!("quarter {q} does not exist (expected Q1 to Q4)"));
                }
                Ok(Single::Quarter(year(y)?, n as u8))
            }
            [y, m] => {
                let n = num(m, "month")?;
                if m.len() != 2 || !(1..=12).contains(&n) {
                    return Err(format!("month {m} does not exist (expected 01 to 12)"));
                }
                Ok(Single::Month(year(y)?, n as u8))
            }
            [y, m, d] => {
                let yv = year(y)?;
                let mv = num(m, "month")?;
                let dv = num(d, "day")?;
                let month = u8::try_from(mv)
                    .ok()
                    .and_then(|m| Month::try_from(m).ok())
                    .ok_or_else(|| format!("month {m} does not exist (expected 01 to 12)"))?;
                let date = u8::try_from(dv)
                    .ok()
                    .and_then(|d| Date::from_calendar_date(yv, month, d).ok())
                    .ok_or_else(|| {
                        format!(
                            "day {d} does not exist in {y}-{m} (expected 01 to {})",
                            month.length(yv)
                        )
                    })?;
                Ok(Single::Day(date))
            }
            _ => Err(format!("`{s}` is not a period")),
        }
    }

    /// First day of the period.
    pub fn start(self) -> Date {
        match self {
            Single::Year(y) => date(y, 1, 1),
            Single::Quarter(y, q) => date(y, (q - 1) * 3 + 1, 1),
            Single::Month(y, m) => date(y, m, 1),
            Single::Day(d) => d,
        }
    }

    /// Last day of the period.
    pub fn end(self) -> Date {
        match self {
            Single::Year(y) => date(y, 12, 31),
            Single::Quarter(y, q) => last_day(y, q * 3),
            Single::Month(y, m) => last_day(y, m),
            Single::Day(d) => d,
        }
    }

    fn into_period(self) -> Period {
        match self {
            Single::Year(y) => Period::Year(y),
            Single::Quarter(y, q) => Period::Quarter(y, q),
            Single::Month(y, m) => Period::Month(y, m),
            Single::Day(d) => Period::Day(d),
        }
    }
}

fn date(y: i32, m: u8, d: u8) -> Date {
    let month = Month::try_from(m).unwrap_or(Month::January);
    Date::from_calendar_date(y, month, d).unwrap_or(Date::MIN)
}

fn last_day(y: i32, m: u8) -> Date {
    let month = Month::try_from(m).unwrap_or(Month::December);
    date(y, m, month.length(y))
}

impl Period {
    /// Parses a period, saying what was expected when it is not one.
    pub fn parse(s: &str) -> Result<Period, String> {
        const EXPECTED: &str = "expected a year (2021), quarter (2026-Q2), month (2026-01), day (2023-10-01) or range (2021-09/2022-08)";
        let result = match s.split_once('/') {
            Some((a, b)) => {
                let (a, b) = (Single::parse(a)?, Single::parse(b)?);
                if b.end() < a.start() {
                    return Err(format!("range {s} ends before it starts"));
                }
                Ok(Period::Range(a, b))
            }
            None => Single::parse(s).map(Single::into_period),
        };
        // A message that already says what was expected needs no list of every form.
        result.map_err(|e| {
            if e.contains("(expected") {
                e
            } else {
                format!("{e}; {EXPECTED}")
            }
        })
    }

    /// The period as its first part and, for a range, its last part.
    fn parts(self) -> (Single, Option<Single>) {
        match self {
            Period::Range(a, b) => (a, Some(b)),
            Period::Year(y) => (Single::Year(y), None),
            Period::Quarter(y, q) => (Single::Quarter(y, q), None),
            Period::Month(y, m) => (Single::Month(y, m), None),
            Period::Day(d) => (Single::Day(d), None),
        }
    }

    /// Writes the period with `single` for each part, joined by `sep` for a range.
    fn write(self, single: fn(Single) -> String, sep: &str) -> String {
        match self.parts() {
            (a, Some(b)) => format!("{}{sep}{}", single(a), single(b)),
            (a, None) => single(a),
        }
    }

    /// First day of the period.
    pub fn start(self) -> Date {
        self.parts().0.start()
    }

    /// Last day of the period.
    pub fn end(self) -> Date {
        let (first, last) = self.parts();
        last.unwrap_or(first).end()
    }

    /// The year the period ends in.
    pub fn year(self) -> i32 {
        self.end().year()
    }

    /// The machine form, as written in content (`2026-Q2`).
    pub fn code(self) -> String {
        fn single(s: Single) -> String {
            match s {
                Single::Year(y) => format!("{y}"),
                Single::Quarter(y, q) => format!("{y}-Q{q}"),
                Single::Month(y, m) => format!("{y}-{m:02}"),
                Single::Day(d) => format!("{}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            }
        }
        self.write(single, "/")
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Period {
    /// Whether two periods cover the same days, however they are written (`2021` and
    /// `2021-01/2021-12`).
    pub fn same_span(self, other: Period) -> bool {
        (self.start(), self.end()) == (other.start(), other.end())
    }

    /// How the period is written, as far as its days do not tell: the kind of its first part
    /// and, for a range, of its last part. With the first and last day this names the period.
    fn form(self) -> (u8, Option<u8>) {
        fn kind(s: Single) -> u8 {
            match s {
                Single::Year(_) => 0,
                Single::Quarter(..) => 1,
                Single::Month(..) => 2,
                Single::Day(_) => 3,
            }
        }
        let (first, last) = self.parts();
        (kind(first), last.map(kind))
    }
}

impl Ord for Period {
    /// By last day, then first day; periods over the same days by how they are written, so
    /// that only equal periods compare equal.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.end(), self.start(), self.form()).cmp(&(other.end(), other.start(), other.form()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Period::parse("2021"), Ok(Period::Year(2021)));
        assert_eq!(Period::parse("2026-Q2"), Ok(Period::Quarter(2026, 2)));
        assert_eq!(Period::parse("2026-01"), Ok(Period::Month(2026, 1)));
        assert_eq!(Period::parse("2023-10-01").unwrap().code(), "2023-10-01");
        assert_eq!(
            Period::parse("2021-09/2022-08").unwrap().code(),
            "2021-09/2022-08"
        );
    }

    #[test]
    fn refuses_impossible_periods() {
        for bad in [
            "2026-Q5",
            "2026-13",
            "2023-02-30",
            "20x1",
            "",
            "2021/2020",
            "12345",
            "2026-Q0",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            Period::parse("2026-Q5").unwrap_err(),
            "quarter Q5 does not exist (expected Q1 to Q4)"
        );
        assert_eq!(
            Period::parse("2023-02-30").unwrap_err(),
            "day 30 does not exist in 2023-02 (expected 01 to 28)"
        );
        assert!(
            Period::parse("20x1")
                .unwrap_err()
                .contains("expected a year (2021)")
        );
    }

    #[test]
    fn orders_as_it_compares() {
        let forms = [
            "2021",
            "2021-01/2021-12",
            "2021-Q1/2021-Q4",
            "2021/2021",
            "2021-01-01/2021-12-31",
            "2021-01/2021-Q4",
        ];
        let periods: Vec<Period> = forms.iter().map(|s| Period::parse(s).unwrap()).collect();
        for a in &periods {
            for b in &periods {
                assert_eq!(a.cmp(b).is_eq(), a == b, "{} and {}", a.code(), b.code());
                assert!(a.same_span(*b), "{} and {}", a.code(), b.code());
            }
        }
        let set: std::collections::BTreeSet<Period> = periods.iter().copied().collect();
        assert_eq!(set.len(), forms.len());
        let year = Period::parse("2021").unwrap();
        assert!(!year.same_span(Period::parse("2021-12").unwrap()));
    }

    #[test]
    fn orders_by_end() {
        let mut v: Vec<Period> = ["2026-Q2", "2021", "2023-10", "2026-01"]
            .iter()
            .map(|s| Period::parse(s).unwrap())
            .collect();
        v.sort();
        let codes: Vec<_> = v.iter().map(|p| p.code()).collect();
        assert_eq!(codes, ["2021", "2023-10", "2026-01", "2026-Q2"]);
        assert_eq!(
            Period::parse("2026-Q2").unwrap().end().to_string(),
            "2026-06-30"
        );
    }
}
