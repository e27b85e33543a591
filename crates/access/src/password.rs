//! Password hashing with Argon2id, and the rules a new password must meet.
//!
//! Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$...`) so parameters can be raised
//! later without invalidating stored hashes: verification reads them from the string.
//! Hashing costs tens of milliseconds on purpose; callers on an async runtime run it on a
//! blocking thread.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, PasswordHash, Version};

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;

fn hasher() -> Argon2<'static> {
    // OWASP's first Argon2id configuration: 19 MiB, two passes, one lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes `password` with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| format!("no random numbers from the system: {e}"))?;
    hasher()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("hashing the password failed: {e}"))
}

/// Whether `password` matches the stored `phc` hash. A malformed stored hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => hasher().verify_password(password.as_bytes(), &h).is_ok(),
        Err(_) => false,
    }
}

/// Why `password` may not be used by `username`, if it may not.
pub fn weakness(password: &str, username: &str) -> Option<String> {
    let n = password.chars().count();
    if n < MIN_LENGTH {
        return Some(format!(
            "the password has {n} characters; use at least {MIN_LENGTH} (a phrase of several \
             words is easiest to remember)"
        ));
    }
    if password
        .chars()
        .all(|c| c == password.chars().next().unwrap_or(c))
    {
        return Some("the password repeats one character; choose a phrase".to_owned());
    }
    let lower = password.to_lowercase();
    if !username.is_empty() && lower.contains(&username.to_lowercase()) {
        return Some("the password contains the user name; choose another".to_owned());
    }
    const COMMON: [&str; 8] = [
        "1234567890",
        "0123456789",
        "password12",
        "matkhau123",
        "qwertyuiop",
        "abcdefghij",
        "admin12345",
        "1111111111",
    ];
    if COMMON.iter().any(|c| lower.starts_with(c)) {
        return Some("the password is one of the most common ones; choose another".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash("cây tre trăm đốt").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("cây tre trăm đốt", &h));
        assert!(!verify("cây tre trăm đốT", &h));
        assert!(!verify("cây tre trăm đốt", "not a hash"));
        assert_ne!(h, hash("cây tre trăm đốt").unwrap(), "salted");
    }

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert!(weakness("short", "lan").unwrap().contains("at least 10"));
        assert!(weakness("aaaaaaaaaaaa", "lan").is_some());
        assert!(
            weakness("nguyenlan2024!", "nguyenlan")
                .unwrap()
                .contains("user name")
        );
        assert!(weakness("1234567890ab", "x").is_some());
        assert_eq!(weakness("ba cây chụm lại nên hòn núi cao", "lan"), None);
    }
}
