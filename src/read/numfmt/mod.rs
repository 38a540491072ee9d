//! How a spreadsheet shows a number through a number format code (`000`, `#,##0.00`,
//! `0.0%`, `"Site "0`, `0.00E+00`), and a time of day through a time code (`h:mm
//! AM/PM`), in the invariant (en-US) separators the code is written with. Dates are not
//! formatted here: they read as ISO 8601.
//!
//! No crate renders Excel number formats as a small, bounded, panic-free function, so this
//! is written by hand. It covers what lists of users carry: digit placeholders (`0`, `#`,
//! `?`), thousands separators and scaling commas, decimals, percent, scientific
//! notation, literal text (`"…"`, `\x`, and the characters Excel shows as they are),
//! `_x` spaces, `*x` fills (left out), colours, currency symbols (`[$€-407]`),
//! fractions (`fraction.rs`), conditions (`[<=9999999]`), and sections for positive,
//! negative, zero and text values. What is not rendered here gives `None`: the caller
//! then shows the number as General does.

mod fraction;
mod number;
mod style;
mod time;

pub(crate) use style::{builtin_style, NumberStyle};
use time::{elapsed, is_elapsed};
pub(crate) use time::{shape, Shape};
pub(crate) use Separators as NumberSeparators;

/// The longest format code rendered; a longer one is shown as General.
const MAX_CODE_BYTES: usize = 256;

/// The most digit placeholders honoured; Excel itself keeps 15 significant digits.
const MAX_PLACES: usize = 30;

/// The characters a number's decimal point and thousands separator show as: a code is
/// written with `.` and `,`, and shown with its locale's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Separators {
    pub(crate) decimal: char,
    pub(crate) group: char,
}

impl Separators {
    /// The separators codes are written with, and Excel's files are shown with here.
    pub(crate) const INVARIANT: Separators = Separators {
        decimal: '.',
        group: ',',
    };
}

/// `value` as the format `code` shows it, in the invariant separators, or `None` for a
/// code this module does not render.
#[cfg(test)]
fn format(value: f64, code: &str) -> Option<String> {
    format_with(value, code, Separators::INVARIANT)
}

/// `value` as the format `code` shows it, its decimal point and thousands separator
/// shown as `separators`, or `None` for a code this module does not render (the caller
/// shows General then).
pub(crate) fn format_with(value: f64, code: &str, separators: Separators) -> Option<String> {
    if !value.is_finite() || code.len() > MAX_CODE_BYTES {
        return None;
    }
    let chosen = choose(code, value)?;
    if is_elapsed(chosen.section) {
        return elapsed(chosen.value, chosen.section);
    }
    render(chosen.section, chosen.value, chosen.signed, separators)
}

/// Where a number goes in a code ([`choose`]).
struct Chosen<'c> {
    /// The section that shows it (`General` when the code's only section is for text).
    section: &'c str,
    /// The number that section shows: a negative number's own section shows it without
    /// its sign (it writes one where it wants one), unless that section is General.
    value: f64,
    /// Whether the sign of `value` is shown.
    signed: bool,
}

/// The section of `code` that shows `value`, as Excel chooses it: with conditions, the
/// first section whose condition the value meets, else the first without one; else by
/// sign, the first section for a positive number, the second for a negative one, the
/// third for zero. A section with `@` is for text: a number never goes through it, and
/// through a code that has no other shows as General. `None` when no section fits.
fn choose(code: &str, value: f64) -> Option<Chosen<'_>> {
    let sections = number_sections(code);
    if sections.iter().any(|s| holds_text(s)) {
        return (sections.len() == 1).then_some(Chosen {
            section: "General",
            value,
            signed: true,
        });
    }
    if sections.iter().any(|section| condition(section).is_some()) {
        let section = sections.iter().find(|section| match condition(section) {
            Some(meets) => meets(value),
            None => true,
        })?;
        return Some(Chosen {
            section,
            value,
            signed: true,
        });
    }
    let has_general = |section: &str| section.to_ascii_lowercase().contains("general");
    let (section, value, signed) = match (sections.as_slice(), value) {
        ([only], v) => (*only, v, true),
        ([positive, ..], v) if v > 0.0 => (*positive, v, false),
        // General keeps its sign, even in the negative section.
        ([_, negative, ..], v) if v < 0.0 && has_general(negative) => (*negative, v, true),
        ([_, negative, ..], v) if v < 0.0 => (*negative, -v, false),
        ([_, _, zero, ..], v) => (*zero, v, false),
        ([positive, ..], v) => (*positive, v, false),
        _ => return None,
    };
    Some(Chosen {
        section,
        value,
        signed,
    })
}

/// `text`, a text value, as the format `code` shows it, when the code changes it: through
/// the code's text section, the fourth, or its only one when that holds `@` (`"Site "@`
/// shows Oslo as `Site Oslo`; `;;;` hides it). There `@` and `General` stand for the
/// text. `None` when the code shows text as it is, as it shows empty text.
pub(crate) fn format_text(text: &str, code: &str) -> Option<String> {
    if text.is_empty() || code.len() > MAX_CODE_BYTES {
        return None;
    }
    let sections = split_sections(code);
    let section = match sections.as_slice() {
        [_, _, _, text_section, ..] => *text_section,
        [only] if holds_text(only) => *only,
        _ => return None,
    };
    // Placeholders of digits or dates in a text section are not rendered here.
    let tokens = tokenize(section)?;
    tokens
        .iter()
        .map(|token| match token {
            Token::Literal(literal) => Some(literal.as_str()),
            Token::Text | Token::General => Some(text),
            _ => None,
        })
        .collect()
}

/// `value`'s time of day as the time code `code` shows it (`h:mm AM/PM` on 0.7 is
/// `4:48 PM`), or `None` for a code this module does not render.
pub(crate) fn format_time_of_day(value: f64, code: &str) -> Option<String> {
    if !value.is_finite() || code.len() > MAX_CODE_BYTES {
        return None;
    }
    time::time_of_day(value, split_sections(code).first().copied().unwrap_or(code))
}

/// A section's condition (`[<=9999999]`, `[<>50]`): whether `value` meets it.
fn condition(section: &str) -> Option<impl Fn(f64) -> bool> {
    let mut found = None;
    scan(section, |_, _, bracketed| {
        let Some(inside) = bracketed.filter(|b| b.starts_with(['<', '>', '='])) else {
            return;
        };
        let operator_end = inside
            .find(|c: char| !matches!(c, '<' | '>' | '='))
            .unwrap_or(inside.len());
        let (operator, number) = inside.split_at(operator_end);
        if let Ok(limit) = number.trim().parse::<f64>() {
            found = Some((operator.to_owned(), limit));
        }
    });
    let (operator, limit) = found?;
    let test: fn(f64, f64) -> bool = match operator.as_str() {
        "<" => |v, l| v < l,
        "<=" => |v, l| v <= l,
        ">" => |v, l| v > l,
        ">=" => |v, l| v >= l,
        "=" => |v, l| v == l,
        "<>" => |v, l| v != l,
        _ => return None,
    };
    Some(move |value| test(value, limit))
}

/// The sections of a code that a number can go through: all but a last one with `@`.
fn number_sections(code: &str) -> Vec<&str> {
    let mut sections = split_sections(code);
    if sections.len() > 1 && sections.last().is_some_and(|s| holds_text(s)) {
        sections.pop();
    }
    sections
}

/// Whether a section holds `@`, the text (outside quotes, escapes and brackets).
fn holds_text(section: &str) -> bool {
    let mut at = false;
    scan(section, |_, c, bracketed| {
        at |= c == '@' && bracketed.is_none()
    });
    at
}

/// The sections of a code, split at `;` outside quotes, escapes and brackets.
fn split_sections(code: &str) -> Vec<&str> {
    let mut sections = Vec::new();
    let mut start = 0;
    scan(code, |i, c, bracketed| {
        if c == ';' && bracketed.is_none() {
            sections.push(code.get(start..i).unwrap_or(""));
            start = i.saturating_add(1);
        }
    });
    sections.push(code.get(start..).unwrap_or(""));
    sections
}

/// Calls `each` with the byte index of every character of `code` that is a code, not
/// text: outside quotes, not escaped (`\x`, `_x`, `*x`); a bracket's content comes
/// whole, as `Some`. The one scanner of the module: sections, dates and elapsed times.
fn scan(code: &str, mut each: impl FnMut(usize, char, Option<&str>)) {
    let mut chars = code.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                chars.by_ref().find(|&(_, c)| c == '"');
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let start = i.saturating_add(1);
                let end = chars
                    .by_ref()
                    .find(|&(_, c)| c == ']')
                    .map_or(code.len(), |(j, _)| j);
                each(i, c, Some(code.get(start..end).unwrap_or("")));
            }
            _ => each(i, c, None),
        }
    }
}

/// Whether a letter, followed by `rest`, is a code of dates and times: day, month, year,
/// hour, second, era (`e`, `g`), Buddhist year (`b`), and the `A` of `A/P` and `AM/PM`.
pub(super) fn is_date_letter(c: char, rest: impl Iterator<Item = char>) -> bool {
    match c.to_ascii_lowercase() {
        'd' | 'm' | 'y' | 'h' | 's' | 'e' | 'g' | 'b' => true,
        'a' => {
            let next: String = rest.take(4).collect::<String>().to_ascii_lowercase();
            next.starts_with("/p") || next.starts_with("m/pm")
        }
        _ => false,
    }
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Literal(String),
    /// `0`, `#` or `?`.
    Digit(char),
    Point,
    /// A `,` between digit placeholders: group thousands.
    Group,
    Percent,
    /// `E+`/`E-` and the exponent's placeholders.
    Exponent {
        plus: bool,
        digits: usize,
    },
    /// `General` inside a section.
    General,
    /// `@`: the text, in a text section.
    Text,
    /// The `/` of a fraction.
    Slash,
    /// Hours, minutes or seconds: a run of `h`, `m` or `s` (`width` letters), or one in
    /// brackets (`[h]`, `total`: counted on past a day, an hour or a minute).
    Time {
        unit: time::Unit,
        total: bool,
        width: usize,
    },
    /// `AM/PM` (any case; shown as `AM` or `PM`), or `A/P` with its two letters as
    /// written: the hours before it count to 12.
    AmPm(Option<(char, char)>),
}

/// Splits a section into tokens; `None` for what is not rendered here.
fn tokenize(section: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = section.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Up to the closing mark, which is consumed with it.
            '"' => tokens.push(Token::Literal(
                chars.by_ref().take_while(|&c| c != '"').collect(),
            )),
            '\\' => tokens.push(Token::Literal(chars.next()?.to_string())),
            // `_x` leaves the width of x: a space. `*x` fills the cell with x: left out.
            '_' => {
                chars.next()?;
                tokens.push(Token::Literal(" ".to_owned()));
            }
            '*' => {
                chars.next()?;
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&c| c != ']').collect();
                if let Some(currency) = inside.strip_prefix('$') {
                    let symbol = currency.split('-').next().unwrap_or("");
                    tokens.push(Token::Literal(symbol.to_owned()));
                } else if let Some(unit) = time::bracketed_unit(&inside) {
                    let width = inside.chars().count();
                    tokens.push(Token::Time {
                        unit,
                        total: true,
                        width,
                    });
                }
                // Colours, conditions and locale codes change no character.
            }
            '0' | '#' | '?' => tokens.push(Token::Digit(c)),
            '.' => tokens.push(Token::Point),
            // A comma before any digit placeholder is shown as it is.
            ',' if !tokens.iter().any(|t| matches!(t, Token::Digit(_))) => {
                tokens.push(Token::Literal(",".to_owned()));
            }
            ',' => tokens.push(Token::Group),
            '%' => tokens.push(Token::Percent),
            'E' | 'e' => {
                let plus = match chars.next()? {
                    '+' => true,
                    '-' => false,
                    _ => return None,
                };
                let mut digits = 0usize;
                while chars.next_if(|d| matches!(d, '0' | '#' | '?')).is_some() {
                    digits = digits.saturating_add(1);
                }
                tokens.push(Token::Exponent { plus, digits });
            }
            'G' | 'g' => {
                let rest: String = chars.clone().take(6).collect();
                if !rest.eq_ignore_ascii_case("eneral") {
                    return None;
                }
                for _ in 0..6 {
                    chars.next();
                }
                tokens.push(Token::General);
            }
            '$' | '-' | '+' | '/' | '(' | ')' | ':' | '!' | '^' | '&' | '\'' | '~' | '{' | '}'
            | '<' | '>' | '=' | ' ' => {
                // A `/` makes the section a fraction (`fraction.rs`).
                tokens.push(if c == '/' {
                    Token::Slash
                } else {
                    Token::Literal(c.to_string())
                });
            }
            '@' => tokens.push(Token::Text),
            c if !c.is_ascii() => tokens.push(Token::Literal(c.to_string())),
            // Digits other than 0 are shown as they are.
            '1'..='9' => tokens.push(Token::Literal(c.to_string())),
            c if time::Unit::of(c).is_some() => {
                let mut width = 1usize;
                while chars.next_if(|n| n.eq_ignore_ascii_case(&c)).is_some() {
                    width = width.saturating_add(1);
                }
                if let Some(unit) = time::Unit::of(c) {
                    tokens.push(Token::Time {
                        unit,
                        total: false,
                        width,
                    });
                }
            }
            'A' | 'a' if is_date_letter(c, chars.clone()) => {
                let rest: String = chars.clone().take(4).collect();
                if rest.eq_ignore_ascii_case("m/pm") {
                    chars.by_ref().take(4).for_each(drop);
                    tokens.push(Token::AmPm(None));
                } else {
                    chars.next();
                    let p = chars.next()?;
                    tokens.push(Token::AmPm(Some((c, p))));
                }
            }
            // Letters of dates are not rendered here; Excel shows others as they are.
            c if c.is_ascii_alphabetic() && !is_date_letter(c, chars.clone()) => {
                tokens.push(Token::Literal(c.to_string()));
            }
            // Other marks (`|`, `;` in quotes aside) are shown as they are.
            c if c.is_ascii_punctuation() => tokens.push(Token::Literal(c.to_string())),
            _ => return None,
        }
    }
    Some(tokens)
}

/// A section's tokens rendered: a time or a date by no one here, a fraction by
/// `fraction.rs`, digits by `number.rs`.
fn render(section: &str, value: f64, signed: bool, separators: Separators) -> Option<String> {
    let tokens = tokenize(section)?;
    // A time is shown by `time.rs`, or as General; a number never shows as text.
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Time { .. } | Token::AmPm(_) | Token::Text))
    {
        return None;
    }
    if tokens.contains(&Token::Slash) {
        return fraction::render(&tokens, value, signed);
    }
    number::render(&tokens, value, signed, separators)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_commas_and_literals_between_digits() {
        shows(1_234_567.0, "0.0,,\"M\"", "1.2M");
        shows(1_234_567.0, "#,##0.00,,", "1.23");
        shows(12_345.0, "#,##0,", "12");
        shows(12_345.6, "#,##0.0", "12,345.6");
        shows(12_345.68, "\"a\"#\"b\"#\"c\"0.0\"d\"0", "a123b4c5.6d8");
    }

    /// One conformance table run through the crate: every case shows as the table says
    /// or is listed among the known failures, and every listed case still fails (the
    /// list may only shrink).
    struct Run {
        /// The listed failures of this table.
        known: Vec<&'static str>,
        cases: usize,
        out_of_scope: usize,
        wrong: std::collections::BTreeSet<String>,
        unexpected: Vec<String>,
    }

    impl Run {
        /// A run whose failures are the lines of `known` that start with `prefix` (a
        /// list may serve several tables); `#` starts a comment.
        fn new(known: &'static str, prefix: &str) -> Run {
            let listed = known
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty());
            Run {
                known: listed.filter(|l| l.starts_with(prefix)).collect(),
                cases: 0,
                out_of_scope: 0,
                wrong: std::collections::BTreeSet::new(),
                unexpected: Vec::new(),
            }
        }

        /// The case `name`: the crate showed `got` where the table shows `shown`.
        fn case(&mut self, name: String, got: Option<&str>, shown: &str) {
            self.cases += 1;
            if got != Some(shown) {
                if !self.known.contains(&name.as_str()) {
                    self.unexpected
                        .push(format!("{name}: {got:?} where the table shows {shown:?}"));
                }
                self.wrong.insert(name);
            }
        }

        /// A case of the table this crate does not show on purpose (a date).
        fn out_of_scope(&mut self) {
            self.out_of_scope += 1;
        }

        /// Asserts the run, which had at least `at_least` cases.
        #[track_caller]
        fn finish(self, table: &str, at_least: usize) {
            assert!(self.unexpected.is_empty(), "{:#?}", self.unexpected);
            assert_eq!(
                self.wrong.len(),
                self.known.len(),
                "fixed cases are still listed as failures: {:#?}",
                self.known
                    .iter()
                    .filter(|k| !self.wrong.contains(**k))
                    .collect::<Vec<_>>()
            );
            println!(
                "{table}: {} cases ({} out of scope), {} listed as failures",
                self.cases,
                self.out_of_scope,
                self.known.len()
            );
            assert!(self.cases >= at_least, "{}", self.cases);
        }
    }

    const SSF_FAILURES: &str = include_str!("../../../tests/conformance/ssf/expected_failures.txt");

    /// Runs an SSF table: a header of codes, then a value and what each code shows (a
    /// `|` before what SSF itself does not yet show).
    fn run_ssf_table(name: &str, table: &str, at_least: usize) {
        let mut run = Run::new(SSF_FAILURES, &format!("{name}:"));
        let mut lines = table.lines();
        let codes: Vec<&str> = lines.next().unwrap().split('\t').skip(1).collect();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let value = fields.next().unwrap();
            for (code, shown) in codes.iter().zip(fields) {
                let got = format(value.parse().unwrap(), code);
                let case = format!("{name}: {code}: {value}");
                run.case(case, got.as_deref(), shown.trim_start_matches('|'));
            }
        }
        run.finish(name, at_least);
    }

    /// The cases of a table of `format<TAB>value<TAB>shown` lines (`#` starts a comment).
    fn tsv_cases(table: &str) -> impl Iterator<Item = (&str, f64, &str)> {
        table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let (format, value, shown) = (fields.next()?, fields.next()?, fields.next()?);
                Some((format, value.parse().unwrap(), shown))
            })
    }

    /// SheetJS SSF's table of thousands separators and scaling commas
    /// (tests/conformance/README.md).
    #[test]
    fn commas_as_the_ssf_table_shows_them() {
        let table = include_str!("../../../tests/conformance/ssf/comma.tsv");
        run_ssf_table("comma.tsv", table, 100);
    }

    /// SSF's `exp.tsv`: numbers through scientific codes of 1 to 4 integer digits.
    #[test]
    fn exponents_as_the_ssf_table_shows_them() {
        let table = include_str!("../../../tests/conformance/ssf/exp.tsv");
        run_ssf_table("exp.tsv", table, 150);
    }

    #[test]
    fn a_number_goes_through_its_own_section_in_date_and_time_codes() {
        // A date code whose zero section shows nothing (Excel's accounting-style date
        // formats for some locales): a date is a date, zero is an empty cell.
        let code = "dd/mm/yyyy;dd/mm/yyyy;_-* \"\"??_-;_-@_-";
        let style = NumberStyle::of_code(code);
        assert_eq!(
            style,
            NumberStyle::Sections(code.to_owned(), Separators::INVARIANT)
        );
        assert_eq!(style.show(45352.0, false), "2024-03-01");
        assert_eq!(style.show(0.0, false).trim(), "");
        assert_eq!(
            style.show_text("Oslo").as_deref().map(str::trim),
            Some("Oslo")
        );
        let style = NumberStyle::of_code("yyyy-mm-dd;\"before\";\"none\"");
        assert_eq!(style.show(-2.0, false), "before");
        assert_eq!(style.show(0.0, false), "none");
        assert_eq!(style.show(45352.5, false), "2024-03-01 12:00:00");
        let style = NumberStyle::of_code("h:mm AM/PM;;\"none\"");
        assert_eq!(style.show(0.75, false), "6:00 PM");
        assert_eq!(style.show(0.0, false), "none");
        assert_eq!(style.show(-0.75, false), "");
        // One shape in every section for numbers: a date, or a time, as before.
        assert_eq!(NumberStyle::of_code("[$-409]d-mmm-yy;@"), NumberStyle::Date);
        assert_eq!(
            NumberStyle::of_code("yyyy-mm-dd;yyyy-mm-dd"),
            NumberStyle::Date
        );
        assert_eq!(
            NumberStyle::of_code("h:mm;h:mm"),
            NumberStyle::Time("h:mm;h:mm".to_owned())
        );
        // Elapsed times too.
        shows(-1.0, "[h]:mm;\"negative\"", "negative");
        shows(-1.5, "[h]:mm;[h]:mm", "36:00");
        shows(-1.5, "[h]:mm", "-36:00");
        shows(0.0, "[h]:mm;[h]:mm;", "");
    }

    #[test]
    fn text_shows_through_the_text_section() {
        let cases = [
            ("\"Site \"@", "Oslo", Some("Site Oslo")),
            (";;;", "Oslo", Some("")),
            ("0;-0;0;[Blue]\"(\"@\")\"", "Oslo", Some("(Oslo)")),
            ("0;-0;0;General", "Oslo", Some("Oslo")),
            ("@_)", "Oslo", Some("Oslo ")),
            ("*-@", "Oslo", Some("Oslo")),
            ("[$€-407]@", "Oslo", Some("€Oslo")),
            // No text section: text as it is.
            ("0.00", "Oslo", None),
            ("\"foo\";\"bar\";@", "Oslo", None),
            ("\"@\"", "Oslo", None),
            ("\"Site \"@", "", None),
        ];
        for (code, text, shown) in cases {
            assert_eq!(format_text(text, code).as_deref(), shown, "{code}");
        }
    }

    /// SSF's `oddities.json`: each code with values and what it shows. The cases in
    /// scope are a number through a code that shows a number or a time of day (dates
    /// read as ISO 8601 here), and a text value through any code.
    #[test]
    fn oddities_as_the_ssf_table_shows_them() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/conformance/ssf/oddities.json"))
                .unwrap();
        let mut run = Run::new(SSF_FAILURES, "oddities.json:");
        for entry in table.as_array().unwrap() {
            let entry = entry.as_array().unwrap();
            // A code given by its built-in number is out of scope here.
            let Some(code) = entry[0].as_str() else {
                (1..entry.len()).for_each(|_| run.out_of_scope());
                continue;
            };
            for case in &entry[1..] {
                let case = case.as_array().cloned().unwrap_or_default();
                let text = case.first().and_then(serde_json::Value::as_str);
                if let (Some(text), Some(shown), 2) = (text, case.get(1), case.len()) {
                    let got = format_text(text, code).unwrap_or_else(|| text.to_owned());
                    let shown = shown.as_str().unwrap_or_default();
                    run.case(
                        format!("oddities.json: {code}: {text:?}"),
                        Some(&got),
                        shown,
                    );
                    continue;
                }
                let value = case.first().and_then(serde_json::Value::as_f64);
                let shown = case.get(1).and_then(serde_json::Value::as_str);
                let (Some(value), Some(shown), 2) = (value, shown, case.len()) else {
                    run.out_of_scope();
                    continue;
                };
                let got = match shape(code) {
                    Shape::Date => {
                        run.out_of_scope();
                        continue;
                    }
                    Shape::Time => format_time_of_day(value, code),
                    Shape::Number => format(value, code),
                };
                run.case(
                    format!("oddities.json: {code}: {value}"),
                    got.as_deref(),
                    shown,
                );
            }
        }
        run.finish("oddities.json", 100);
    }

    /// Apache POI's format workbooks: Excel's own `TEXT(value, format)` beside each
    /// value and code, and the text typed beside each value of `FormatKM.xlsx`
    /// (tests/conformance/poi). Each table's first line names its workbook's date
    /// system; all but `km.tsv` are 1904 workbooks. A date shows here as ISO 8601, so a
    /// date case runs where its code lays the date out in that order (`yyyy-mm-dd`),
    /// on the date; the other date cases are out of scope.
    #[test]
    fn excel_text_results_from_the_poi_workbooks() {
        let known = include_str!("../../../tests/conformance/poi/expected_failures.txt");
        let tables = [
            (
                "number.tsv",
                include_str!("../../../tests/conformance/poi/number.tsv"),
            ),
            (
                "general.tsv",
                include_str!("../../../tests/conformance/poi/general.tsv"),
            ),
            (
                "choice.tsv",
                include_str!("../../../tests/conformance/poi/choice.tsv"),
            ),
            (
                "condition.tsv",
                include_str!("../../../tests/conformance/poi/condition.tsv"),
            ),
            (
                "elapsed.tsv",
                include_str!("../../../tests/conformance/poi/elapsed.tsv"),
            ),
            (
                "date.tsv",
                include_str!("../../../tests/conformance/poi/date.tsv"),
            ),
            (
                "date_number.tsv",
                include_str!("../../../tests/conformance/poi/date_number.tsv"),
            ),
            (
                "km.tsv",
                include_str!("../../../tests/conformance/poi/km.tsv"),
            ),
        ];
        let mut run = Run::new(known, "");
        let mut dates = 0;
        for (name, table) in tables {
            let first = table.lines().next().unwrap_or_default();
            let is_1904 = match first {
                _ if first.ends_with("(1904 date system)") => true,
                _ if first.ends_with("(1900 date system)") => false,
                _ => panic!("{name}: the first line names no date system: {first}"),
            };
            for (code, value, shown) in tsv_cases(table) {
                let style = NumberStyle::of_code(code);
                let got = style.show(value, is_1904);
                let case = format!("{name}: {code}: {value}");
                if style != NumberStyle::Date {
                    run.case(case, Some(&got), shown);
                } else if code.to_ascii_lowercase().starts_with("yyyy-mm-dd") {
                    dates += 1;
                    run.case(case, got.get(..10), shown.get(..10).unwrap_or(shown));
                } else {
                    run.out_of_scope();
                }
            }
        }
        // The 1904 workbooks' dates: 1952-10-11 is 17,816 there, and 1 is 1904-01-02.
        assert_eq!(dates, 10);
        run.finish("POI TEXT()", 300);
    }

    /// What LibreOffice shows for numbers through time-of-day codes and Excel's built-in
    /// time and fraction formats (tests/conformance/libreoffice/time_formats.tsv). Where
    /// LibreOffice and Excel differ, the crate shows what Excel does: those cases are
    /// listed, with why.
    #[test]
    fn time_formats_as_libreoffice_shows_them() {
        let table = include_str!("../../../tests/conformance/libreoffice/time_formats.tsv");
        let known = include_str!(
            "../../../tests/conformance/libreoffice/time_formats_expected_failures.txt"
        );
        let mut run = Run::new(known, "");
        for (format, value, shown) in tsv_cases(table) {
            let style = match format.parse::<u32>() {
                Ok(id) => builtin_style(id),
                Err(_) => NumberStyle::of_code(format),
            };
            let got = style.show(value, false);
            run.case(format!("{format}\t{value}"), Some(&got), shown);
        }
        run.finish("time_formats.tsv", 600);
    }

    /// SSF's `fraction.json`: numbers through fraction codes, fixed denominators among
    /// them (`# ??/100`).
    #[test]
    fn fractions_as_the_ssf_table_shows_them() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/conformance/ssf/fraction.json"))
                .unwrap();
        let mut run = Run::new(SSF_FAILURES, "fraction.json:");
        for entry in table.as_array().unwrap() {
            let (value, code) = (entry[0].as_f64().unwrap(), entry[1].as_str().unwrap());
            let shown = entry[2].as_str().unwrap();
            let got = format(value, code);
            run.case(
                format!("fraction.json: {code}: {value}"),
                got.as_deref(),
                shown,
            );
        }
        run.finish("fraction.json", 100);
    }

    /// The ISO 8601 text of a date (`2024-03-01 09:30:00`) laid out as Excel's built-in
    /// date format `id` lays it out, so that the date (day 0 of 1900 among them) can be
    /// compared with what a table shows through that format. `None` for another id.
    fn as_builtin_date(iso: &str, id: u64) -> Option<String> {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (date, time) = iso.split_once(' ').unwrap_or((iso, "00:00:00"));
        let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
        let [year, month, day] = parts[..] else {
            panic!("{iso}")
        };
        let (yy, name) = (year % 100, MONTHS[month as usize - 1]);
        let hour: u32 = time[..2].parse().unwrap();
        Some(match id {
            14 => format!("{month}/{day}/{yy:02}"),
            15 => format!("{day}-{name}-{yy:02}"),
            16 => format!("{day}-{name}"),
            17 => format!("{name}-{yy:02}"),
            22 => format!("{month}/{day}/{yy:02} {hour}:{}", &time[3..5]),
            _ => return None,
        })
    }

    /// SSF's `implied.json`: numbers through Excel's built-in formats, by number (and a
    /// few through a code). Dates show as ISO 8601 here: their parts are compared, laid
    /// out as the format does ([`as_builtin_date`]). SSF leaves a date or a time of a
    /// value no date has empty: Excel shows it as `#####`, which the crate tells
    /// ([`NumberStyle::hides_in_hashes`]) and gives here as empty too.
    #[test]
    fn builtin_formats_as_the_ssf_table_shows_them() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/conformance/ssf/implied.json"))
                .unwrap();
        let mut run = Run::new(SSF_FAILURES, "implied.json:");
        let mut case = |value: f64, id: u64, shown: &str| {
            let style = builtin_style(u32::try_from(id).unwrap());
            let got = if style.hides_in_hashes(value, false) {
                String::new()
            } else if style == NumberStyle::Date {
                as_builtin_date(&style.show(value, false), id).unwrap()
            } else {
                style.show(value, false)
            };
            run.case(format!("implied.json: {id}: {value}"), Some(&got), shown);
        };
        for entry in table.as_array().unwrap() {
            let entry = entry.as_array().unwrap();
            let value = entry[0].as_f64().unwrap();
            match entry.as_slice() {
                [_, cases] => {
                    for pair in cases.as_array().unwrap() {
                        let pair = pair.as_array().unwrap();
                        case(value, pair[0].as_u64().unwrap(), pair[1].as_str().unwrap());
                    }
                }
                [_, id, shown] => case(value, id.as_u64().unwrap(), shown.as_str().unwrap()),
                _ => panic!("{entry:?}"),
            }
        }
        run.finish("implied.json", 400);
    }

    #[track_caller]
    pub(super) fn shows(value: f64, code: &str, expected: &str) {
        assert_eq!(
            format(value, code).as_deref(),
            Some(expected),
            "{value} as {code}"
        );
    }

    #[test]
    fn digits_zeros_and_separators() {
        shows(42.0, "000", "042");
        shows(123.0, "0000", "0123");
        shows(98765.0, "#,##0", "98,765");
        shows(1234567.891, "#,##0.00", "1,234,567.89");
        shows(0.5, "#,##0", "1");
        shows(2.5, "0", "3");
        shows(1.005, "0.00", "1.01");
        shows(0.0, "#", "");
        shows(0.25, "0.0%", "25.0%");
        shows(0.5, "0%", "50%");
        shows(3.0, "\"Office \"0", "Office 3");
        shows(7.0, "\"Site \"0", "Site 7");
        shows(1234.5, "0.00E+00", "1.23E+03");
        shows(0.000123, "0.0E+0", "1.2E-4");
        shows(12345.0, "##0.0E+0", "12.3E+3");
        shows(1500000.0, "#,##0,,\"M\"", "2M");
        shows(5.0, "0_);(0)", "5 ");
        shows(-5.0, "0_);(0)", "(5)");
        shows(-5.0, "0", "-5");
        shows(0.0, "0;-0;\"zero\"", "zero");
        shows(12.5, "[$€-407] #,##0.00", "€ 12.50");
        shows(12.5, "[Red]0.0", "12.5");
        shows(12.0, "\\#0", "#12");
        shows(1.5, "0.##", "1.5");
        shows(1.0, "0.##", "1.");
        shows(1.5, "0.0?", "1.5 ");
        shows(5.0, "??0", "  5");
        shows(123456789.0, "000-00-0000", "123-45-6789");
        shows(42.0, "\"ID \"General", "ID 42");
        shows(12.5, ".00", "12.50");
        shows(0.5, ".00", ".50");
        shows(-0.0001, "0.00", "0.00");
        shows(999.999, "0.00", "1000.00");
        shows(1e20, "0", "100000000000000000000");
    }

    #[test]
    fn conditions_literals_and_text_sections() {
        shows(5.0, "[<10]0;0.0", "5");
        shows(50.0, "[<10]0;0.0", "50.0");
        shows(-5.0, "[<10]0;0.0", "-5");
        shows(
            8_675_309.0,
            "[<=9999999]###-####;(###) ###-####",
            "867-5309",
        );
        shows(
            2_813_308_004.0,
            "[<=9999999]###-####;(###) ###-####",
            "(281) 330-8004",
        );
        shows(7.0, "r0", "r7");
        shows(-25.0, "General;General\\ ", "-25 ");
        shows(1.0, "@", "1");
        shows(0.0, "\"foo\";\"bar\";@", "foo");
    }

    proptest::proptest! {
        /// Any code of the characters codes are made of, on any number: an answer or
        /// `None`, never a panic, and never a text longer than the code allows.
        #[test]
        fn any_code_on_any_number(
            code in "[0#?,./ E+%\"_*<>=a-zA-Z@;:1-9\\\\\\[\\]-]{0,40}",
            value in proptest::num::f64::ANY,
        ) {
            if let Some(text) = format(value, &code) {
                proptest::prop_assert!(text.len() <= 4096, "{} bytes", text.len());
            }
            let _ = shape(&code);
            let _ = NumberStyle::of_code(&code).show(value, false);
        }

        /// Any code of the letters of times, on any value a date has: an answer or
        /// `None`, never a panic, and a text no longer than the code allows.
        #[test]
        fn any_time_code_on_any_time(
            code in r#"[hHmMsS:. 0AaPp/"\\\[\];@]{0,30}"#,
            value in crate::read::shown::DATE_SERIALS,
        ) {
            if let Some(text) = format_time_of_day(value, &code) {
                proptest::prop_assert!(text.len() <= 4 * code.len(), "{text:?} for {code:?}");
            }
            let _ = NumberStyle::of_code(&code).show(value, false);
        }
    }

    #[test]
    fn a_locale_shows_its_own_separators() {
        let german = Separators {
            decimal: ',',
            group: '.',
        };
        let shows_in = |value: f64, code: &str, expected: &str| {
            let shown = format_with(value, code, german);
            assert_eq!(shown.as_deref(), Some(expected), "{value} as {code}");
        };
        shows_in(1_234_567.891, "#,##0.00", "1.234.567,89");
        shows_in(0.125, "0.0%", "12,5%");
        shows_in(-0.5, "0.00", "-0,50");
        shows_in(2.5, "\"Site \"General", "Site 2,5");
        // A literal point or comma is the code's own text.
        shows_in(7.0, "0\".\"\\,", "7.,");
    }

    #[test]
    fn fractions() {
        shows(0.5, "# ?/?", " 1/2");
        shows(12.345_678_9, "# ??/??", "12 28/81");
        shows(12.345_678_9, "??/??", "1000/81");
        shows(2.25, "# ?/4", "2 1/4");
        shows(3.0, "# ?/?", "3    ");
        shows(-0.75, "# ?/?", "- 3/4");
        shows(0.000_01, "??/??", " 0/1 ");
    }

    #[test]
    fn what_is_not_rendered_here() {
        assert_eq!(format(5.0, "dd/mm"), None);
        assert_eq!(format(f64::NAN, "0"), None);
        assert_eq!(format(5.0, &"0".repeat(300)), None);
        assert_eq!(format(5.0, &"0".repeat(40)), None);
    }
}
