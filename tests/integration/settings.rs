//! `Settings`: the one written form of the options, read by the CLI, the service and
//! the page.

use bulk_users::{Column, Format, Language, Options, Settings, UnknownColumns, UserType};

#[test]
fn every_key_sets_its_option() {
    let json = r#"{
        "max_rows": 20,
        "max_bytes": 100000,
        "max_inflated_bytes": 1000000,
        "language": "pt-BR",
        "default_site": "Lisboa",
        "default_user_type": "Privileged",
        "unknown_columns": "ignore",
        "allowed_sites": ["Lisboa", "Porto"],
        "aliases": {"Correio": "Email"},
        "formats": ["csv", "ods"],
        "encoding": "windows-1252",
        "allowed_email_domains": ["example.pt"],
        "existing_emails": ["ana@example.pt"]
    }"#;
    let settings: Settings = serde_json::from_str(json).unwrap();
    let expected = Options::new()
        .max_rows(20)
        .max_bytes(100_000)
        .max_inflated_bytes(1_000_000)
        .language(Language::Portuguese)
        .default_site("Lisboa")
        .default_user_type(UserType::Privileged)
        .unknown_columns(UnknownColumns::Ignore)
        .allowed_sites(["Lisboa", "Porto"])
        .alias("Correio", Column::Email)
        .formats([Format::Csv, Format::Ods])
        .encoding("windows-1252")
        .allowed_email_domains(["example.pt"])
        .existing_emails(["ana@example.pt"]);
    assert_eq!(settings.to_options().unwrap(), expected);
    // Written back, the same settings.
    let again: Settings = serde_json::from_str(&serde_json::to_string(&settings).unwrap()).unwrap();
    assert_eq!(again, settings);
}

#[test]
fn no_key_is_the_defaults_and_an_unknown_key_is_refused() {
    let settings: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(settings.to_options().unwrap(), Options::new());
    assert_eq!(serde_json::to_string(&settings).unwrap(), "{}");
    let typo = serde_json::from_str::<Settings>(r#"{"maxRows": 20}"#).unwrap_err();
    assert!(
        typo.to_string().starts_with("unknown field `maxRows`"),
        "{typo}"
    );
    let wrong = serde_json::from_str::<Settings>(r#"{"unknown_columns": "drop"}"#).unwrap_err();
    assert!(
        wrong.to_string().contains("unknown variant `drop`"),
        "{wrong}"
    );
}

#[test]
fn a_value_that_would_fail_every_upload_is_refused_when_read() {
    let read = |json: &str| {
        serde_json::from_str::<Settings>(json)
            .unwrap()
            .to_options()
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    for (site, reason) in [
        ("=cmd", "it starts with a formula character (=, +, - or @)"),
        ("-Oslo", "it starts with a formula character (=, +, - or @)"),
        ("Os\\u0001lo", "it contains a control character"),
    ] {
        let json = format!(r#"{{"allowed_sites": ["Paris", "{site}"]}}"#);
        let error = read(&json).unwrap_err();
        assert!(error.ends_with(reason), "{error}");
    }
    let twice = read(r#"{"allowed_sites": ["Paris", "PARIS"]}"#).unwrap_err();
    assert_eq!(
        twice,
        "allowed_sites: \"PARIS\" cannot be a site: it is given twice"
    );
    let long = format!(r#"{{"allowed_sites": ["{}"]}}"#, "a".repeat(256));
    assert!(read(&long)
        .unwrap_err()
        .ends_with("it is longer than 255 characters"));
    assert!(read(r#"{"encoding": "klingon"}"#)
        .unwrap_err()
        .starts_with("encoding: \"klingon\""));
    assert_eq!(
        read(r#"{"max_rows": 0}"#).unwrap_err(),
        "max_rows: 0 would refuse every file"
    );
    // What the template accepts, the settings accept, and the other way round.
    let sites = ["Paris", "Zürich", "Los Angeles", "a".repeat(255).as_str()].map(String::from);
    let json = serde_json::json!({ "allowed_sites": sites }).to_string();
    let options = serde_json::from_str::<Settings>(&json)
        .unwrap()
        .to_options()
        .unwrap();
    assert!(options.write_template().is_ok());
}

#[test]
fn the_language_is_a_tag_or_an_accept_language_list() {
    for (given, language) in [
        ("fr", Language::French),
        ("ja-JP", Language::Japanese),
        ("de-CH,de;q=0.9,en;q=0.8", Language::German),
        ("xx", Language::English),
    ] {
        let json = format!(r#"{{"language": "{given}"}}"#);
        let options = serde_json::from_str::<Settings>(&json)
            .unwrap()
            .to_options()
            .unwrap();
        assert_eq!(options.sentence_language(), language, "{given}");
    }
}
