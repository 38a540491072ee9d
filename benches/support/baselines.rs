//! What a service would otherwise run on the same CSV bytes: the raw `csv` reader, and
//! the peer a service would write by hand. Shared by the benches.

/// The csv crate reading every record into a `StringRecord`.
pub fn csv_reader(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut count = 0;
    while reader.read_record(&mut record).unwrap_or(false) {
        count += 1;
    }
    count
}

/// What a service would write by hand: serde rows, `EmailAddress::is_valid`, and a
/// `HashSet` of lower-cased addresses for duplicates.
pub fn naive(bytes: &[u8]) -> Result<usize, String> {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Row {
        #[serde(rename = "User name*")]
        name: String,
        #[serde(rename = "Email*")]
        email: String,
        #[serde(rename = "User type")]
        user_type: String,
        #[serde(rename = "Site")]
        site: String,
    }
    let mut reader = csv::Reader::from_reader(bytes);
    let mut users = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| e.to_string())?;
        let email = row.email.trim();
        if row.name.trim().is_empty()
            || !email_address::EmailAddress::is_valid(email)
            || !seen.insert(email.to_lowercase())
        {
            return Err(format!("bad row {}", users.len() + 2));
        }
        users.push(row);
    }
    Ok(users.len())
}
