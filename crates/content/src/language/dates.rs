//! Dates in words, per language, by ICU4X (`icu` with `jiff-icu`): the
//! month and year a checklist's rows are grouped under ("June 2025",
//! "Juni 2025", "2025年6月"), a day's weekday, a chart axis's ticks. Dates
//! in figures stay ISO 8601 (2025-06-02) in every language: they sort and
//! are unambiguous.

use icu::datetime::fieldsets::{E, MD, YM};
use icu::datetime::DateTimeFormatter;
use icu::locale::Locale;
use jiff::civil::Date;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    // ICU4X's formatters are per thread (not `Sync`); each is made once per
    // language and thread.
    static MONTHS: Memo<DateTimeFormatter<YM>> = RefCell::default();
    static WEEKDAYS: Memo<DateTimeFormatter<E>> = RefCell::default();
    static SHORT_MONTHS: Memo<DateTimeFormatter<YM>> = RefCell::default();
    static SHORT_DAYS: Memo<DateTimeFormatter<MD>> = RefCell::default();
}

fn locale(lang: &str) -> Locale {
    lang.parse()
        .unwrap_or_else(|_| "en".parse().expect("en is a locale"))
}

fn iso(d: Date) -> icu::calendar::Date<icu::calendar::Iso> {
    jiff_icu::ConvertFrom::convert_from(d)
}

/// A formatter per language and thread.
type Memo<T> = RefCell<HashMap<String, Rc<T>>>;

/// `lang`'s formatter from `memo`, made by `make` the first time this
/// thread asks (in English when ICU4X has no data for `lang`).
fn formatter<T: 'static, Err: std::fmt::Debug>(
    memo: &'static std::thread::LocalKey<Memo<T>>,
    lang: &str,
    make: impl Fn(Locale) -> Result<T, Err>,
) -> Rc<T> {
    memo.with(|m| {
        m.borrow_mut()
            .entry(lang.to_string())
            .or_insert_with(|| {
                Rc::new(
                    make(locale(lang))
                        .or_else(|_| make(locale("en")))
                        .expect("English month and weekday names are built in"),
                )
            })
            .clone()
    })
}

/// "June 2025" in `lang`.
pub fn month_year(lang: &str, d: Date) -> String {
    formatter(&MONTHS, lang, |l| {
        DateTimeFormatter::try_new(l.into(), YM::long())
    })
    .format(&iso(d))
    .to_string()
}

/// "Monday" in `lang`.
pub fn weekday(lang: &str, d: Date) -> String {
    formatter(&WEEKDAYS, lang, |l| {
        DateTimeFormatter::try_new(l.into(), E::long())
    })
    .format(&iso(d))
    .to_string()
}

/// A chart axis's tick: "Jun 02" (`month_day`) or "Jun 2025", abbreviated,
/// in `lang`. English keeps the site's own form (`strftime`'s `%b %d`);
/// other languages take ICU4X's medium form ("2. Juni", "juin 2025",
/// "2025/06").
pub fn tick(lang: &str, d: Date, month_day: bool) -> String {
    if lang.split('-').next() == Some("en") {
        return d
            .strftime(if month_day { "%b %d" } else { "%b %Y" })
            .to_string();
    }
    if month_day {
        return formatter(&SHORT_DAYS, lang, |l| {
            DateTimeFormatter::try_new(l.into(), MD::medium())
        })
        .format(&iso(d))
        .to_string();
    }
    formatter(&SHORT_MONTHS, lang, |l| {
        DateTimeFormatter::try_new(l.into(), YM::medium())
    })
    .format(&iso(d))
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_are_named_and_ordered_per_language() {
        let d = jiff::civil::date(2025, 6, 2);
        assert_eq!(month_year("en", d), "June 2025");
        assert_eq!(month_year("de", d), "Juni 2025");
        assert_eq!(month_year("fr", d), "juin 2025");
        assert_eq!(month_year("ja", d), "2025年6月");
        assert_eq!(weekday("en", d), "Monday");
        assert_eq!(weekday("de", d), "Montag");
        assert_eq!(weekday("ja", d), "月曜日");
        assert_eq!(tick("en", d, true), "Jun 02");
        assert_eq!(tick("en", d, false), "Jun 2025");
        assert_eq!(tick("de", d, true), "2. Juni");
        assert_eq!(tick("ja", d, false), "2025/06");
        assert_eq!(tick("fr", d, false), "juin 2025");
        // An unknown tag still gets names.
        assert_eq!(month_year("xx-unknown-tag-!!", d), "June 2025");
    }
}
