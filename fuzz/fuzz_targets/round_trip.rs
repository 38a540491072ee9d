#![no_main]
use arbitrary::Arbitrary;
use bulk_users::{Format, NewUser, Options, UserType};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct User {
    name: String,
    local: String,
    domain: String,
    privileged: bool,
    site: String,
}

// Arbitrary users, written as CSV: those the rules accept must come back identically
// from both the CSV and the .xlsx template; and the errors workbook of that CSV must
// check as the CSV does, whatever its cells hold.
fuzz_target!(|users: Vec<User>| {
    let users: Vec<NewUser> = users
        .into_iter()
        .take(500)
        .map(|u| NewUser {
            name: u.name,
            email: format!("{}@{}.example", u.local, u.domain),
            user_type: if u.privileged {
                UserType::Privileged
            } else {
                UserType::Standard
            },
            site: u.site,
        })
        .collect();
    let options = Options::new();
    let csv = options.write_csv_template_with(&users);
    let workbook = options
        .errors_xlsx(&csv, Format::Csv)
        .expect("an errors workbook for any upload");
    let from_csv = options.check(&csv, Format::Csv);
    // An upload that cannot be read (a NUL makes it binary) gets the empty template.
    if from_csv.errors.iter().all(|e| e.row.is_some()) {
        let from_workbook = options.check(&workbook, Format::Xlsx);
        assert_eq!(from_workbook.users, from_csv.users);
        let located = |report: &bulk_users::Report| -> Vec<_> {
            report.errors.iter().map(|e| (e.row, e.column, e.code)).collect()
        };
        assert_eq!(located(&from_workbook), located(&from_csv));
    }
    if let Ok(parsed) = options.parse(&csv, Format::Csv) {
        let again = options.write_csv_template_with(&parsed);
        assert_eq!(options.parse(&again, Format::Csv).as_ref(), Ok(&parsed));
        let xlsx = options
            .write_template_with(&parsed)
            .expect("valid users fit the template");
        assert_eq!(options.parse(&xlsx, Format::Xlsx), Ok(parsed));
    }
});
