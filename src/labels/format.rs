//! Typography of numbers, percentages, dates, periods and quantities in a language: bokmål
//! and nynorsk write `124 453`, `0,506`, `46 %`, `13. desember 2023`, `2. kvartal 2026`
//! (no-break spaces inside a number and before `%`); English writes `124,453`, `0.506`,
//! `46%`, `13 December 2023`, `Q2 2026`. Every form comes from the language's [`Labels`].

use time::Date;

use super::{Labels, fill};
use crate::model::{Period, Quantity, Quarter, Unit, period::Single};

impl Labels {
    /// A number with the language's decimal separator, up to `max_decimals` decimals
    /// (trailing zeros dropped), thousands grouped from the table's `group_from` digits on.
    pub fn number(&self, value: f64, max_decimals: usize) -> String {
        let f = &self.number;
        if !value.is_finite() {
            return f.not_a_number.to_owned();
        }
        let text = format!("{:.*}", max_decimals, value.abs());
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, f.trim_end_matches('0')),
            None => (text.as_str(), ""),
        };
        let mut out = String::new();
        if value < 0.0 && (int.chars().any(|c| c != '0') || !frac.is_empty()) {
            out.push_str(f.minus);
        }
        let len = int.len();
        for (i, c) in int.chars().enumerate() {
            if len >= f.group_from && i > 0 && (len - i).is_multiple_of(3) {
                out.push_str(f.thousands);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(f.decimal);
            out.push_str(frac);
        }
        out
    }

    /// A percentage: `46 %`, `12,5 %` (bokmål), `46%` (English).
    pub fn percent(&self, value: f64) -> String {
        fill(self.number.percent, &[("n", &self.number(value, 1))])
    }

    /// A date: `13. desember 2023`, `13 December 2023`.
    pub fn date(&self, d: Date) -> String {
        fill(
            self.period.date,
            &[
                ("day", &d.day().to_string()),
                ("month", self.months[usize::from(u8::from(d.month())) - 1]),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// A quarter: `2. kvartal 2026`, `Q2 2026`.
    pub fn quarter(&self, q: Quarter) -> String {
        self.single(Single::Quarter(q.year, q.quarter))
    }

    /// A period: `2021`, `2. kvartal 2026`, `november 2022`, `13. desember 2023`,
    /// `september 2021–august 2022`.
    pub fn period(&self, p: Period) -> String {
        match p {
            Period::Year(y) => self.single(Single::Year(y)),
            Period::Quarter(y, q) => self.single(Single::Quarter(y, q)),
            Period::Month(y, m) => self.single(Single::Month(y, m)),
            Period::Day(d) => self.single(Single::Day(d)),
            Period::Range(a, b) => fill(
                self.period.range,
                &[("from", &self.single(a)), ("to", &self.single(b))],
            ),
        }
    }

    fn single(&self, s: Single) -> String {
        match s {
            Single::Year(y) => y.to_string(),
            Single::Quarter(y, q) => fill(
                self.period.quarter,
                &[("q", &q.to_string()), ("year", &y.to_string())],
            ),
            Single::Month(y, m) => fill(
                self.period.month,
                &[
                    ("month", self.months[usize::from(m.clamp(1, 12)) - 1]),
                    ("year", &y.to_string()),
                ],
            ),
            Single::Day(d) => self.date(d),
        }
    }

    /// A quantity in its unit: `46 %`, `124 453`, `147/356`, `0,506 mill.`.
    pub fn quantity(&self, unit: Unit, q: Quantity) -> String {
        let n = &self.number;
        match (unit, q.of) {
            (_, Some(of)) => format!("{}/{}", self.number(q.value, 2), self.number(of, 2)),
            (Unit::Percent, None) => self.percent(q.value),
            (Unit::Millions, None) => fill(n.millions, &[("n", &self.number(q.value, 3))]),
            (Unit::Days, None) => fill(n.days, &[("n", &self.number(q.value, 1))]),
            _ => self.number(q.value, 2),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::labels::Lang;
    use crate::model::{Period, Quantity, Quarter, Unit};

    fn plain(s: String) -> String {
        s.replace('\u{a0}', " ")
    }

    #[test]
    fn numbers_in_every_language() {
        for lang in [Lang::Nb, Lang::Nn] {
            let l = lang.labels();
            assert_eq!(l.number(124453.0, 2), "124\u{a0}453");
            assert_eq!(l.number(2898.0, 2), "2898");
            assert_eq!(plain(l.number(108000.0, 0)), "108 000");
            assert_eq!(l.number(0.506, 3), "0,506");
            assert_eq!(l.number(11.4, 1), "11,4");
            assert_eq!(plain(l.number(1234567.25, 2)), "1 234 567,25");
            assert_eq!(l.number(-3.0, 0), "−3");
            assert_eq!(l.number(-0.0001, 1), "0");
            assert_eq!(l.number(f64::NAN, 1), "–");
        }
        let en = Lang::En.labels();
        assert_eq!(en.number(124453.0, 2), "124,453");
        assert_eq!(en.number(2898.0, 2), "2,898");
        assert_eq!(en.number(0.506, 3), "0.506");
        assert_eq!(en.number(1234567.25, 2), "1,234,567.25");
        assert_eq!(en.number(-3.5, 1), "−3.5");
    }

    #[test]
    fn percent_in_every_language() {
        for lang in [Lang::Nb, Lang::Nn] {
            assert_eq!(lang.labels().percent(46.0), "46\u{a0}%");
            assert_eq!(lang.labels().percent(12.5), "12,5\u{a0}%");
        }
        assert_eq!(Lang::En.labels().percent(46.0), "46%");
        assert_eq!(Lang::En.labels().percent(12.5), "12.5%");
    }

    #[test]
    fn dates_are_written_out() {
        let d = time::Date::from_calendar_date(2023, time::Month::December, 13).unwrap();
        assert_eq!(Lang::Nb.labels().date(d), "13. desember 2023");
        assert_eq!(Lang::Nn.labels().date(d), "13. desember 2023");
        assert_eq!(Lang::En.labels().date(d), "13 December 2023");
    }

    #[test]
    fn periods_in_every_language() {
        let p = |s| Period::parse(s).unwrap();
        let q = Quarter {
            year: 2026,
            quarter: 2,
        };
        for lang in [Lang::Nb, Lang::Nn] {
            let l = lang.labels();
            assert_eq!(l.period(p("2026-Q2")), "2. kvartal 2026");
            assert_eq!(l.quarter(q), "2. kvartal 2026");
            assert_eq!(l.period(p("2023-12-13")), "13. desember 2023");
            assert_eq!(l.period(p("2022-11")), "november 2022");
            assert_eq!(l.period(p("2021")), "2021");
            assert_eq!(l.period(p("2021-09/2022-08")), "september 2021–august 2022");
        }
        let en = Lang::En.labels();
        assert_eq!(en.period(p("2026-Q2")), "Q2 2026");
        assert_eq!(en.quarter(q), "Q2 2026");
        assert_eq!(en.period(p("2023-12-13")), "13 December 2023");
        assert_eq!(
            en.period(p("2021-09/2022-08")),
            "September 2021–August 2022"
        );
    }

    #[test]
    fn quantities_in_their_units() {
        let q = |value, of| Quantity { value, of };
        let nb = Lang::Nb.labels();
        assert_eq!(nb.quantity(Unit::Share, q(147.0, Some(356.0))), "147/356");
        assert_eq!(nb.quantity(Unit::Percent, q(46.0, None)), "46\u{a0}%");
        assert_eq!(
            nb.quantity(Unit::Millions, q(0.506, None)),
            "0,506\u{a0}mill."
        );
        assert_eq!(nb.quantity(Unit::Count, q(124453.0, None)), "124\u{a0}453");
        assert_eq!(
            Lang::Nn.labels().quantity(Unit::Days, q(3.0, None)),
            "3\u{a0}dagar"
        );
        let en = Lang::En.labels();
        assert_eq!(en.quantity(Unit::Count, q(124453.0, None)), "124,453");
        assert_eq!(en.quantity(Unit::Percent, q(46.0, None)), "46%");
        assert_eq!(
            en.quantity(Unit::Millions, q(0.506, None)),
            "0.506\u{a0}million"
        );
    }
}
