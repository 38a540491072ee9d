//! The user lists of other systems, read as they are: each recognised by its own header
//! set, its columns mapped to ours, and the rest of its columns ignored. Role and admin
//! columns (Okta's `userType`, Google's `Employee Type`) are never mapped: a privilege is
//! not guessed.
//!
//! The header sets are the vendors' own (`tests/data/README.md` cites each).

use crate::model::column::Column;

/// What a header of another system's list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// One of our columns.
    Column(Column),
    /// The first or the last name, joined into the User name.
    First,
    Last,
}

/// Another system's user list.
#[derive(Debug)]
pub(crate) struct System {
    /// Its name, as a person knows it.
    pub(crate) name: &'static str,
    /// How its headers are told apart: by the property name in brackets
    /// (`Name [displayName] Required`), or by the text before any bracket
    /// (`First Name [Required]`).
    by_property: bool,
    /// The headers (in key form) that all appear in its lists and together in no other.
    signature: &'static [&'static str],
    /// Its headers that hold what we read.
    fields: &'static [(&'static str, Field)],
    /// The example row its template carries, if any: a User name and an Email.
    pub(crate) example: Option<(&'static str, &'static str)>,
}

use Field::{First, Last};
const NAME: Field = Field::Column(Column::UserName);
const EMAIL: Field = Field::Column(Column::Email);
const SITE: Field = Field::Column(Column::Site);

/// Every system known, in the order they are tried.
pub(crate) const SYSTEMS: [System; 7] = [
    System {
        name: "Microsoft Entra bulk create",
        by_property: true,
        signature: &["displayname", "userprincipalname"],
        fields: &[
            ("displayname", NAME),
            ("userprincipalname", EMAIL),
            ("givenname", First),
            ("surname", Last),
            ("physicaldeliveryofficename", SITE),
        ],
        example: Some(("Chris Green", "chris@contoso.com")),
    },
    System {
        name: "Microsoft 365 users export",
        by_property: false,
        signature: &["display name", "user principal name"],
        fields: &[
            ("display name", NAME),
            ("user principal name", EMAIL),
            ("first name", First),
            ("last name", Last),
            ("office", SITE),
        ],
        example: None,
    },
    System {
        name: "Microsoft 365 add users",
        by_property: false,
        signature: &["user name", "display name", "first name", "last name"],
        fields: &[
            ("display name", NAME),
            ("user name", EMAIL),
            ("first name", First),
            ("last name", Last),
        ],
        example: None,
    },
    System {
        name: "Google Workspace",
        by_property: false,
        signature: &["first name", "last name", "email address", "org unit path"],
        fields: &[
            ("first name", First),
            ("last name", Last),
            ("email address", EMAIL),
        ],
        example: None,
    },
    System {
        name: "Okta",
        by_property: false,
        signature: &["login", "firstname", "lastname", "email"],
        fields: &[
            ("displayname", NAME),
            ("firstname", First),
            ("lastname", Last),
            ("email", EMAIL),
        ],
        example: None,
    },
    System {
        name: "JumpCloud",
        by_property: false,
        signature: &["username", "firstname", "lastname", "email"],
        fields: &[("firstname", First), ("lastname", Last), ("email", EMAIL)],
        example: None,
    },
    System {
        name: "Zoom",
        by_property: false,
        signature: &["email", "first name", "last name", "user group"],
        fields: &[
            ("email", EMAIL),
            ("first name", First),
            ("last name", Last),
            ("location", SITE),
        ],
        example: None,
    },
];

/// Header keys (see `column::header_key`) of a first or a last name in any list that
/// is not a known system's: a list of first and last names has its names joined too.
pub(crate) const NAME_PARTS: [(&str, Field); 8] = [
    ("first name", First),
    ("firstname", First),
    ("given name", First),
    ("givenname", First),
    ("last name", Last),
    ("lastname", Last),
    ("surname", Last),
    ("family name", Last),
];

impl System {
    /// The system whose list a header row of these keys is, if any.
    pub(crate) fn recognise(keys: &[String]) -> Option<&'static System> {
        SYSTEMS.iter().find(|system| {
            system
                .signature
                .iter()
                .all(|wanted| keys.iter().any(|key| system.name_of(key) == Some(wanted)))
        })
    }

    /// What the header `key` holds in this system's list, if anything we read.
    pub(crate) fn field(&self, key: &str) -> Option<Field> {
        let name = self.name_of(key)?;
        self.fields
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, field)| field)
    }

    /// The part of a header key that names it in this system: the property in brackets,
    /// or the text before any bracket (`first name [required]` → `first name`).
    fn name_of<'k>(&self, key: &'k str) -> Option<&'k str> {
        if self.by_property {
            let (_, rest) = key.split_once('[')?;
            let (property, _) = rest.split_once(']')?;
            Some(property.trim())
        } else {
            Some(key.split_once('[').map_or(key, |(name, _)| name).trim())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::column::header_key;

    fn keys(headers: &[&str]) -> Vec<String> {
        headers.iter().map(|h| header_key(h)).collect()
    }

    #[test]
    fn each_system_is_told_by_its_own_headers() {
        let entra = keys(&[
            "Name [displayName] Required",
            "User name [userPrincipalName] Required",
        ]);
        let system = System::recognise(&entra).map(|s| s.name);
        assert_eq!(system, Some("Microsoft Entra bulk create"));
        let google = keys(&[
            "First Name [Required]",
            "Last Name [Required]",
            "Email Address [Required]",
            "Org Unit Path [Required]",
            "Last Sign In [READ ONLY]",
        ]);
        let system = System::recognise(&google);
        assert_eq!(system.map(|s| s.name), Some("Google Workspace"));
        let google = system.and_then(|s| s.field("email address [required]"));
        assert_eq!(google, Some(EMAIL));
        let okta = keys(&["login", "firstName", "lastName", "email", "userType"]);
        let system = System::recognise(&okta);
        assert_eq!(system.map(|s| s.name), Some("Okta"));
        // Okta's userType is a role: never our User type.
        assert_eq!(system.and_then(|s| s.field("usertype")), None);
        assert_eq!(
            System::recognise(&keys(&["Name", "Email"])).map(|s| s.name),
            None
        );
    }
}
