//! Writes spreadsheet_ods_users.ods with spreadsheet-ods 0.25.1 (crates.io), the Rust
//! crate services use to write OpenDocument: a user list whose Sites are a number
//! through a three-digit style, a date, a formula saved without a value and one with
//! it, a boolean, a percentage, a duration, 0.1 + 0.2 and a large number through the
//! writer's default number style (two decimals).
//!
//! Run as the `src/main.rs` of a binary crate that depends on `spreadsheet-ods =
//! "0.25.1"`, `chrono = "0.4"` and `icu_locid = "1.5"`: `cargo run`.

use spreadsheet_ods::{format, CellStyle, Sheet, WorkBook, ValueFormatNumber};
use icu_locid::locale;
fn main() {
    let mut wb = WorkBook::new(locale!("en_US"));
    let mut sheet = Sheet::new("Users");
    for (c, h) in ["User name*", "Email*", "User type", "Site"].iter().enumerate() {
        sheet.set_value(0, c as u32, *h);
    }
    let people = ["Ada", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy"];
    for (i, p) in people.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.set_value(r, 0, *p);
        sheet.set_value(r, 1, format!("{}@example.com", p.to_lowercase()));
    }
    let mut three = ValueFormatNumber::new_named("three");
    three.part_number().min_integer_digits(3).build();
    let three = wb.add_number_format(three);
    let three = wb.add_cellstyle(CellStyle::new("three_style", &three));
    let pct = wb.add_percentage_format(format::create_percentage_format("pct", 0));
    let pct = wb.add_cellstyle(CellStyle::new("pct_style", &pct));
    let date = wb.add_datetime_format(format::create_date_mdy_format("mdy"));
    let date = wb.add_cellstyle(CellStyle::new("mdy_style", &date));
    let dur = wb.add_timeduration_format(format::create_time_interval_format("interval"));
    let dur = wb.add_cellstyle(CellStyle::new("dur_style", &dur));
    sheet.set_value(1, 2, "Privileged");
    sheet.set_styled_value(1, 3, 7, &three);
    sheet.set_styled_value(2, 3, chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), &date);
    sheet.set_formula(3, 3, "of:=UPPER(\"oslo\")");
    sheet.set_formula(4, 3, "of:=UPPER(\"oslo\")");
    sheet.set_value(4, 3, "OSLO");
    sheet.set_value(5, 3, true);
    sheet.set_styled_value(6, 3, 0.5, &pct);
    sheet.set_styled_value(7, 3, chrono::Duration::hours(36), &dur);
    sheet.set_value(8, 3, 0.1 + 0.2);
    sheet.set_value(9, 3, 12345678901.0);
    wb.push_sheet(sheet);
    spreadsheet_ods::write_ods(&mut wb, "spreadsheet_ods_users.ods").unwrap();
}
