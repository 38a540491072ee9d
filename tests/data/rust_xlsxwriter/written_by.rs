use bulk_users::{Format, Language, NewUser, Options, UserType};
fn main() {
    let out = std::path::Path::new(std::env::args().nth(1).unwrap().as_str()).to_owned();
    let w = |name: &str, bytes: Vec<u8>| std::fs::write(out.join(name), bytes).unwrap();
    w("template_default.xlsx", bulk_users::write_template());
    let long: Vec<String> = (0..30).map(|i| format!("Site {i} & \"co\" <long name>")).collect();
    w("template_ja_long_sites.xlsx", Options::new().language(Language::Japanese).max_rows(200).allowed_sites(long).default_site("Tōkyō").write_template().unwrap());
    let users = vec![
        NewUser { name: "Ada Lovelace".into(), email: "ada@example.com".into(), user_type: UserType::Privileged, site: "Oslo".into() },
        NewUser { name: "Bob  <b> & \"c\"".into(), email: "bob@example.com".into(), user_type: UserType::Standard, site: "HQ".into() },
        NewUser { name: " lead\ttab\u{1}ctl ".into(), email: "c@example.com".into(), user_type: UserType::Standard, site: "Bergen".into() },
    ];
    w("template_fr_users_short_sites.xlsx", Options::new().language(Language::French).allowed_sites(["Oslo", "Bergen"]).allowed_email_domains(["example.com"]).write_template_with(&users).unwrap());
    let upload = "User name*,Email*,User type,Site\nAda,ada@example.com,Privileged,Oslo\nBob,bob(at)example.com,Boss,\n,x@y.z,,\n\nDup,ADA@example.com,,  HQ\n=cmd,e@example.com,Standard,=x\n";
    w("errors_rows.xlsx", Options::new().errors_xlsx(upload.as_bytes(), Format::Csv).unwrap());
    let upload2 = "User name*,Email*,Colour,Site\nAda,ada@example.com,red,Oslo\nBob,bob(at)example.com,blue,\n,x@y.z,,\nlead,ada@example.com,,=cmd\n";
    w("errors_problems_de.xlsx", Options::new().language(Language::German).max_rows(2).errors_xlsx(upload2.as_bytes(), Format::Csv).unwrap());
    w("errors_unreadable.xlsx", Options::new().errors_xlsx(b"PK\x03\x04garbage", Format::Xlsx).unwrap());
    w("errors_valid.xlsx", Options::new().errors_xlsx(b"User name*,Email*\nAda,ada@example.com\n", Format::Csv).unwrap());
    let headerless = "Name;Mail\nAda;ada@example.com\n";
    w("errors_header.xlsx", Options::new().errors_xlsx(headerless.as_bytes(), Format::Csv).unwrap());
}
