//! Signing in and out, sessions, passwords and accounts.
//!
//! Passwords are Argon2id hashes; session tokens and one-time codes are stored only as
//! SHA-256 digests. A session ends when it is signed out, revoked by an administrator, unused
//! for `session_idle_ms`, or `session_absolute_ms` after sign-in. Repeated failed sign-ins
//! lock an account for a time that doubles with each further failure. Every sign-in, failure
//! and account change is in the audit log.

use crate::{Caller, Service, ServiceError, now_ms};
use serde::Serialize;
use tre_access::{Action, Principal, Role, Scope, password, token};
use tre_store::{SessionRecord, UserRecord};

/// A successful sign-in: the token for the client to present (the cookie), and who it is.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: String,
    pub caller: Caller,
    /// The user signed in with a one-time code (or their password was reset) and must choose
    /// a password before anything else.
    pub must_change_password: bool,
    pub expires_at: i64,
}

/// A new account, as an administrator describes it.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub clearance: i32,
    /// `None`: the whole service for ministry roles, no country for mission roles (to be
    /// granted).
    pub scope: Option<Scope>,
    pub mission: Option<String>,
    pub language: String,
}

/// Changes to an account; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub clearance: Option<i32>,
    pub scope: Option<Scope>,
    pub mission: Option<Option<String>>,
    pub language: Option<String>,
    pub disabled: Option<bool>,
}

/// A one-time sign-in code handed to a new user (or after a reset), shown once.
#[derive(Debug, Clone, Serialize)]
pub struct OneTimeCode {
    pub username: String,
    pub code: String,
    pub expires_at: i64,
}

const WRONG: &str = "wrong user name or password";

/// A hash to verify against when the account does not exist, so that a wrong user name takes
/// as long as a wrong password and does not reveal which accounts exist.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| password::hash("tre: no such account").unwrap_or_default())
}

fn check_username(name: &str) -> Result<String, ServiceError> {
    let n = name.trim().to_lowercase();
    let ok = (2..=64).contains(&n.len())
        && n.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(n)
    } else {
        Err(ServiceError::Invalid(format!(
            "user name {name:?}: use 2 to 64 lower-case letters, digits, dots, hyphens or \
             underscores (e.g. lan.nguyen)"
        )))
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// The account as the rest of tre sees its user.
pub fn principal_of(u: &UserRecord, desks: Vec<String>) -> Result<Principal, ServiceError> {
    let role = Role::parse(&u.role).map_err(|e| {
        ServiceError::Store(tre_store::StoreError::Corrupt(format!(
            "account {}: {e}",
            u.username
        )))
    })?;
    let scope = Scope::parse(&u.scope).map_err(|e| {
        ServiceError::Store(tre_store::StoreError::Corrupt(format!(
            "account {}: {e}",
            u.username
        )))
    })?;
    Ok(Principal {
        user_id: u.id.clone(),
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        role,
        clearance: u.clearance,
        scope,
        mission: u.mission.clone(),
        desks,
    })
}

impl Service {
    async fn desks_of(&self, username: &str) -> Result<Vec<String>, ServiceError> {
        Ok(self
            .inner
            .store
            .desks()
            .await?
            .into_iter()
            .filter(|d| d.officers.iter().any(|o| o == username))
            .map(|d| d.id)
            .collect())
    }

    async fn open_session(
        &self,
        user: &UserRecord,
        ip: Option<String>,
        user_agent: Option<String>,
        how: &str,
    ) -> Result<SignedIn, ServiceError> {
        let token = token::generate().map_err(ServiceError::Invalid)?;
        let now = now_ms();
        let session = SessionRecord {
            token_hash: token::digest(&token),
            user_id: user.id.clone(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + self.inner.config.session_absolute_ms,
            ip: ip.clone(),
            user_agent: user_agent.map(|ua| ua.chars().take(300).collect()),
            revoked_at: None,
        };
        self.inner.store.create_session(&session).await?;
        let mut updated = user.clone();
        updated.failed_logins = 0;
        updated.locked_until = None;
        updated.last_login_at = Some(now);
        updated.updated_at = now;
        self.inner.store.put_user(&updated).await?;
        let principal = principal_of(&updated, self.desks_of(&updated.username).await?)?;
        let caller = Caller {
            principal,
            ip,
            session: Some(session.token_hash.clone()),
        };
        self.record(
            &caller,
            "sign_in",
            &user.username,
            "ok",
            0,
            serde_json::json!({ "with": how }),
        )
        .await?;
        Ok(SignedIn {
            token,
            caller,
            must_change_password: updated.must_change_password,
            expires_at: session.expires_at,
        })
    }

    /// Counts a failure against an existing account, locking it when there were too many.
    async fn failed(
        &self,
        user: &UserRecord,
        ip: Option<String>,
        why: &str,
    ) -> Result<ServiceError, ServiceError> {
        let c = &self.inner.config;
        let now = now_ms();
        let n = user.failed_logins + 1;
        let lock = (n >= c.lockout_after).then(|| {
            let doublings = (n - c.lockout_after).clamp(0, 10) as u32;
            now + (c.lockout_ms.saturating_mul(1 << doublings)).min(24 * 3600 * 1000)
        });
        self.inner.store.record_failed_login(&user.id, lock).await?;
        self.record_as(
            "anonymous",
            ip,
            "sign_in",
            &user.username,
            "failed",
            0,
            serde_json::json!({ "reason": why, "failures": n, "locked": lock.is_some() }),
        )
        .await?;
        Ok(ServiceError::Unauthenticated(match lock {
            Some(_) => format!(
                "{WRONG}; after {n} failed attempts the account is locked for a while: try \
                 again later or ask an administrator"
            ),
            None => WRONG.to_owned(),
        }))
    }

    /// Refuses an account that is locked, saying until when.
    async fn check_lock(&self, user: &UserRecord, ip: Option<String>) -> Result<(), ServiceError> {
        let now = now_ms();
        if let Some(until) = user.locked_until.filter(|u| *u > now) {
            self.record_as(
                "anonymous",
                ip,
                "sign_in",
                &user.username,
                "failed",
                0,
                serde_json::json!({ "reason": "locked" }),
            )
            .await?;
            let minutes = (until - now + 59_999) / 60_000;
            return Err(ServiceError::Unauthenticated(format!(
                "too many failed sign-ins: this account is locked for {minutes} more minute{}; \
                 an administrator can unlock it sooner",
                if minutes == 1 { "" } else { "s" }
            )));
        }
        Ok(())
    }

    /// Signs in with a user name and password.
    pub async fn sign_in(
        &self,
        username: &str,
        password_text: &str,
        ip: Option<String>,
        user_agent: Option<String>,
    ) -> Result<SignedIn, ServiceError> {
        let name = username.trim().to_lowercase();
        let pw = password_text.to_owned();
        let Some(user) = self.inner.store.user_by_name(&name).await? else {
            blocking(move || password::verify(&pw, dummy_hash())).await;
            self.record_as(
                "anonymous",
                ip,
                "sign_in",
                &name.chars().take(64).collect::<String>(),
                "failed",
                0,
                serde_json::json!({ "reason": "no such account" }),
            )
            .await?;
            return Err(ServiceError::Unauthenticated(WRONG.to_owned()));
        };
        self.check_lock(&user, ip.clone()).await?;
        let Some(hash) = user.password_hash.clone() else {
            blocking(move || password::verify(&pw, dummy_hash())).await;
            return Err(self.failed(&user, ip, "no password set").await?);
        };
        if !blocking(move || password::verify(&pw, &hash)).await {
            return Err(self.failed(&user, ip, "wrong password").await?);
        }
        if user.disabled {
            self.record_as(
                "anonymous",
                ip,
                "sign_in",
                &user.username,
                "failed",
                0,
                serde_json::json!({ "reason": "disabled" }),
            )
            .await?;
            return Err(ServiceError::Unauthenticated(
                "this account is disabled; ask an administrator".to_owned(),
            ));
        }
        self.open_session(&user, ip, user_agent, "password").await
    }

    /// Signs in with a one-time code (a new account, or after a reset). The code works once;
    /// the user must then choose a password.
    pub async fn sign_in_with_code(
        &self,
        username: &str,
        code: &str,
        ip: Option<String>,
        user_agent: Option<String>,
    ) -> Result<SignedIn, ServiceError> {
        let name = username.trim().to_lowercase();
        let wrong = || {
            ServiceError::Unauthenticated(
                "wrong user name or one-time code, or the code was used or has expired; ask an \
                 administrator for a new one"
                    .to_owned(),
            )
        };
        let Some(user) = self.inner.store.user_by_name(&name).await? else {
            self.record_as(
                "anonymous",
                ip,
                "sign_in",
                &name.chars().take(64).collect::<String>(),
                "failed",
                0,
                serde_json::json!({ "reason": "no such account", "with": "code" }),
            )
            .await?;
            return Err(wrong());
        };
        self.check_lock(&user, ip.clone()).await?;
        let now = now_ms();
        let valid = token::is_well_formed(code.trim())
            && user.one_time_code.as_deref() == Some(token::digest(code.trim()).as_str())
            && user.one_time_expires.is_some_and(|e| e > now);
        if !valid {
            self.failed(&user, ip, "wrong or expired one-time code")
                .await?;
            return Err(wrong());
        }
        if user.disabled {
            return Err(ServiceError::Unauthenticated(
                "this account is disabled; ask an administrator".to_owned(),
            ));
        }
        let mut used = user.clone();
        used.one_time_code = None;
        used.one_time_expires = None;
        used.must_change_password = true;
        used.updated_at = now;
        self.inner.store.put_user(&used).await?;
        self.open_session(&used, ip, user_agent, "one-time code")
            .await
    }

    /// The caller a session token stands for, or why it no longer stands for anyone.
    pub async fn authenticate(
        &self,
        session_token: &str,
        ip: Option<String>,
    ) -> Result<Caller, ServiceError> {
        let ended = |why: &str| ServiceError::Unauthenticated(why.to_owned());
        if !token::is_well_formed(session_token) {
            return Err(ended("not signed in"));
        }
        let hash = token::digest(session_token);
        let store = &self.inner.store;
        let Some(s) = store.session(&hash).await? else {
            return Err(ended("not signed in"));
        };
        if s.revoked_at.is_some() {
            return Err(ended("your session has ended; sign in again"));
        }
        let now = now_ms();
        if now >= s.expires_at {
            return Err(ended("your session has expired; sign in again"));
        }
        let idle = self.inner.config.session_idle_ms;
        if now - s.last_seen_at > idle {
            store.revoke_session(&hash, now).await?;
            return Err(ServiceError::Unauthenticated(format!(
                "you were signed out after {} minutes without activity; sign in again",
                idle / 60_000
            )));
        }
        let Some(user) = store.user(&s.user_id).await? else {
            return Err(ended("not signed in"));
        };
        if user.disabled {
            store.revoke_user_sessions(&user.id, now).await?;
            return Err(ended("this account is disabled; ask an administrator"));
        }
        // Recording activity is a write; once a minute per session is enough for the idle
        // timeout to be right to the minute.
        if now - s.last_seen_at > 60_000 {
            store.touch_session(&hash, now).await?;
        }
        let principal = principal_of(&user, self.desks_of(&user.username).await?)?;
        Ok(Caller {
            principal,
            ip,
            session: Some(hash),
        })
    }

    /// Whether the caller's account must choose a password before doing anything else.
    pub async fn must_change_password(&self, caller: &Caller) -> Result<bool, ServiceError> {
        Ok(self
            .inner
            .store
            .user(&caller.principal.user_id)
            .await?
            .is_some_and(|u| u.must_change_password))
    }

    /// Ends the caller's session.
    pub async fn sign_out(&self, caller: &Caller) -> Result<(), ServiceError> {
        if let Some(h) = &caller.session {
            self.inner.store.revoke_session(h, now_ms()).await?;
        }
        self.record(
            caller,
            "sign_out",
            caller.username(),
            "ok",
            0,
            serde_json::json!({}),
        )
        .await
    }

    /// Sets the caller's password. The current one is needed unless the account must change
    /// it (after a one-time code).
    pub async fn change_password(
        &self,
        caller: &Caller,
        current: Option<&str>,
        new_password: &str,
    ) -> Result<(), ServiceError> {
        let store = &self.inner.store;
        let Some(mut user) = store.user(&caller.principal.user_id).await? else {
            return Err(ServiceError::NotFound(
                "the command line has no account password to change".to_owned(),
            ));
        };
        if !user.must_change_password {
            let ok = match (current, user.password_hash.clone()) {
                (Some(c), Some(h)) => {
                    let c = c.to_owned();
                    blocking(move || password::verify(&c, &h)).await
                }
                _ => false,
            };
            if !ok {
                self.record(
                    caller,
                    "change",
                    "password",
                    "denied",
                    0,
                    serde_json::json!({ "reason": "wrong current password" }),
                )
                .await?;
                return Err(ServiceError::Invalid(
                    "the current password is wrong".to_owned(),
                ));
            }
        }
        if let Some(why) = password::weakness(new_password, &user.username) {
            return Err(ServiceError::Invalid(why));
        }
        let pw = new_password.to_owned();
        let hash = blocking(move || password::hash(&pw))
            .await
            .map_err(ServiceError::Invalid)?;
        user.password_hash = Some(hash);
        user.must_change_password = false;
        user.updated_at = now_ms();
        store.put_user(&user).await?;
        self.record(caller, "change", "password", "ok", 0, serde_json::json!({}))
            .await
    }

    fn new_code(&self, username: &str) -> Result<(OneTimeCode, String), ServiceError> {
        let code = token::generate().map_err(ServiceError::Invalid)?;
        let expires_at = now_ms() + self.inner.config.one_time_code_ms;
        let digest = token::digest(&code);
        Ok((
            OneTimeCode {
                username: username.to_owned(),
                code,
                expires_at,
            },
            digest,
        ))
    }

    fn check_clearance(&self, caller: &Caller, clearance: i32) -> Result<(), ServiceError> {
        if self.levels().get(clearance).is_none() {
            return Err(ServiceError::Invalid(format!(
                "clearance {clearance} is not a level; use one of {}",
                self.levels()
                    .all()
                    .iter()
                    .map(|l| format!("{} ({})", l.rank, l.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if clearance > caller.principal.clearance {
            return Err(ServiceError::Forbidden(
                "you cannot grant a clearance above your own".to_owned(),
            ));
        }
        Ok(())
    }

    /// Every account.
    pub async fn users(&self, caller: &Caller) -> Result<Vec<UserRecord>, ServiceError> {
        self.authorize(caller, Action::ManageUsers, "accounts")
            .await?;
        Ok(self.inner.store.users().await?)
    }

    /// One account and its sessions.
    pub async fn user(
        &self,
        caller: &Caller,
        id: &str,
    ) -> Result<(UserRecord, Vec<SessionRecord>), ServiceError> {
        self.authorize(caller, Action::ManageUsers, id).await?;
        let u = self
            .inner
            .store
            .user(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("no account {id:?}")))?;
        let sessions = self.inner.store.sessions_of(id).await?;
        Ok((u, sessions))
    }

    /// Finds an account by user name (administrators).
    pub async fn user_by_name(
        &self,
        caller: &Caller,
        username: &str,
    ) -> Result<UserRecord, ServiceError> {
        self.authorize(caller, Action::ManageUsers, username)
            .await?;
        self.inner
            .store
            .user_by_name(&username.trim().to_lowercase())
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("no account {username:?}")))
    }

    /// Creates an account; returns it with the one-time code its user signs in with first.
    pub async fn create_user(
        &self,
        caller: &Caller,
        new: NewUser,
    ) -> Result<(UserRecord, OneTimeCode), ServiceError> {
        self.authorize(caller, Action::ManageUsers, &new.username)
            .await?;
        let username = check_username(&new.username)?;
        self.check_clearance(caller, new.clearance)?;
        if new.display_name.trim().is_empty() {
            return Err(ServiceError::Invalid(
                "give the user's full name (display name)".to_owned(),
            ));
        }
        let scope = new.scope.clone().unwrap_or(if new.role.is_mission_role() {
            Scope::Countries(Vec::new())
        } else {
            Scope::Global
        });
        let (code, digest) = self.new_code(&username)?;
        let now = now_ms();
        let user = UserRecord {
            id: format!(
                "u-{}",
                &token::generate().map_err(ServiceError::Invalid)?[..16]
            ),
            username: username.clone(),
            display_name: tre_text::normalize(new.display_name.trim()),
            password_hash: None,
            role: new.role.key().to_owned(),
            clearance: new.clearance,
            scope: scope.to_stored(),
            mission: new.mission.clone().filter(|m| !m.trim().is_empty()),
            language: if new.language == "en" { "en" } else { "vi" }.to_owned(),
            disabled: false,
            must_change_password: true,
            failed_logins: 0,
            locked_until: None,
            one_time_code: Some(digest),
            one_time_expires: Some(code.expires_at),
            created_at: now,
            updated_at: now,
            last_login_at: None,
        };
        self.inner.store.put_user(&user).await?;
        self.record(
            caller,
            "change",
            &format!("user:{username}"),
            "ok",
            0,
            serde_json::json!({
                "created": true, "role": user.role, "clearance": user.clearance,
                "scope": user.scope, "mission": user.mission,
            }),
        )
        .await?;
        Ok((user, code))
    }

    /// Changes an account. Disabling it ends its sessions at once.
    pub async fn update_user(
        &self,
        caller: &Caller,
        id: &str,
        changes: UserChanges,
    ) -> Result<UserRecord, ServiceError> {
        self.authorize(caller, Action::ManageUsers, id).await?;
        let store = &self.inner.store;
        let mut u = store
            .user(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("no account {id:?}")))?;
        let before = u.clone();
        if let Some(n) = changes.display_name.filter(|n| !n.trim().is_empty()) {
            u.display_name = tre_text::normalize(n.trim());
        }
        if let Some(r) = changes.role {
            u.role = r.key().to_owned();
        }
        if let Some(c) = changes.clearance {
            self.check_clearance(caller, c)?;
            u.clearance = c;
        }
        if let Some(s) = changes.scope {
            u.scope = s.to_stored();
        }
        if let Some(m) = changes.mission {
            u.mission = m.filter(|m| !m.trim().is_empty());
        }
        if let Some(l) = changes.language {
            u.language = if l == "en" { "en" } else { "vi" }.to_owned();
        }
        if let Some(d) = changes.disabled {
            if d && u.id == caller.principal.user_id {
                return Err(ServiceError::Invalid(
                    "you cannot disable your own account".to_owned(),
                ));
            }
            u.disabled = d;
            if !d {
                u.failed_logins = 0;
                u.locked_until = None;
            }
        }
        if u == before {
            return Ok(u);
        }
        u.updated_at = now_ms();
        store.put_user(&u).await?;
        if u.disabled && !before.disabled {
            store.revoke_user_sessions(&u.id, now_ms()).await?;
        }
        self.record(
            caller,
            "change",
            &format!("user:{}", u.username),
            "ok",
            0,
            serde_json::json!({
                "role": [before.role, u.role.clone()],
                "clearance": [before.clearance, u.clearance],
                "scope": [before.scope, u.scope.clone()],
                "mission": [before.mission, u.mission.clone()],
                "disabled": [before.disabled, u.disabled],
            }),
        )
        .await?;
        Ok(u)
    }

    /// Resets an account: its password stops working, its sessions end, and a new one-time
    /// code is issued.
    pub async fn reset_user(&self, caller: &Caller, id: &str) -> Result<OneTimeCode, ServiceError> {
        self.authorize(caller, Action::ManageUsers, id).await?;
        let store = &self.inner.store;
        let mut u = store
            .user(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("no account {id:?}")))?;
        let (code, digest) = self.new_code(&u.username)?;
        u.password_hash = None;
        u.must_change_password = true;
        u.one_time_code = Some(digest);
        u.one_time_expires = Some(code.expires_at);
        u.failed_logins = 0;
        u.locked_until = None;
        u.updated_at = now_ms();
        store.put_user(&u).await?;
        store.revoke_user_sessions(&u.id, now_ms()).await?;
        self.record(
            caller,
            "change",
            &format!("user:{}", u.username),
            "ok",
            0,
            serde_json::json!({ "reset": true }),
        )
        .await?;
        Ok(code)
    }

    /// Ends every session of an account.
    pub async fn revoke_sessions(&self, caller: &Caller, id: &str) -> Result<u64, ServiceError> {
        self.authorize(caller, Action::ManageUsers, id).await?;
        let n = self.inner.store.revoke_user_sessions(id, now_ms()).await?;
        self.record(
            caller,
            "change",
            &format!("sessions:{id}"),
            "ok",
            0,
            serde_json::json!({ "revoked": n }),
        )
        .await?;
        Ok(n)
    }

    /// On a store without any account, creates the first administrator (`admin`, every
    /// clearance, the whole service) and returns its one-time code; otherwise `None`.
    pub async fn ensure_first_admin(&self) -> Result<Option<OneTimeCode>, ServiceError> {
        if !self.inner.store.users().await?.is_empty() {
            return Ok(None);
        }
        let system = Caller {
            principal: Principal::operator("system"),
            ip: None,
            session: None,
        };
        let (_, code) = self
            .create_user(
                &system,
                NewUser {
                    username: "admin".to_owned(),
                    display_name: "Quản trị hệ thống".to_owned(),
                    role: Role::Administrator,
                    clearance: self.levels().highest().rank,
                    scope: Some(Scope::Global),
                    mission: None,
                    language: "vi".to_owned(),
                },
            )
            .await?;
        Ok(Some(code))
    }
}
