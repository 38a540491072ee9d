//! The library's two calls on the bundled sample: every user, or every problem with
//! the row a person finds it on. `cargo run --example check`.

use bulk_users::{Format, Options};

fn main() {
    let upload = include_bytes!("../cli/data/sample.csv");
    let options = Options::new().default_site("HQ");
    match options.parse(upload, Format::Csv) {
        Ok(users) => {
            for user in users {
                println!(
                    "{} <{}> {} at {}",
                    user.name, user.email, user.user_type, user.site
                );
            }
        }
        Err(errors) => {
            for error in &errors {
                println!("{} [{}]", error, error.code);
            }
        }
    }
}
