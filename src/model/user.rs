//! The values an upload turns into.

/// A user to create, as read from one row of the file.
///
/// Serialises as `{"name": "Ada Lovelace", "email": "ada@example.com",
/// "user_type": "Standard", "site": "HQ"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NewUser {
    /// The User name, trimmed.
    pub name: String,
    /// The Email, trimmed, with its domain in lower case (the local part is kept as
    /// typed).
    pub email: String,
    /// The User type; an empty cell gives the default ([`UserType::Standard`]).
    pub user_type: UserType,
    /// The Site, trimmed; an empty cell gives the default site (`HQ`).
    pub site: String,
}

impl NewUser {
    /// A user from its four values, as they are.
    ///
    /// `NewUser`'s fields stay public and the struct can be written as a literal (its
    /// shape is part of the crate's stable API); this is the same, as a call.
    ///
    /// ```
    /// use bulk_users::{NewUser, UserType};
    /// let ada = NewUser::new("Ada Lovelace", "ada@example.com", UserType::Privileged, "Oslo");
    /// assert_eq!(ada.email, "ada@example.com");
    /// assert_eq!(ada.site, "Oslo");
    /// ```
    pub fn new(
        name: impl Into<String>,
        email: impl Into<String>,
        user_type: UserType,
        site: impl Into<String>,
    ) -> Self {
        NewUser {
            name: name.into(),
            email: email.into(),
            user_type,
            site: site.into(),
        }
    }
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum UserType {
    /// An ordinary user: the default.
    #[default]
    Standard,
    /// A user with administrative rights.
    Privileged,
}

impl UserType {
    /// The name as the template's dropdown and JSON show it.
    pub const fn as_str(self) -> &'static str {
        match self {
            UserType::Standard => "Standard",
            UserType::Privileged => "Privileged",
        }
    }
}

impl std::fmt::Display for UserType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
