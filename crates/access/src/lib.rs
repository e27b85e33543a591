//! Who may see and do what in tre.
//!
//! - [`levels`]: the classification scheme (Thường, Hạn chế, Mật, Tối mật, Tuyệt mật by default,
//!   configurable), ranked so that "may see" is one comparison.
//! - [`principal`]: a signed-in user as the rest of tre sees them: role, clearance, scope, desks;
//!   and [`Visibility`], what a query must be restricted to on their behalf.
//! - [`policy`]: the one table of which role may do which action, and the record-level check
//!   (classification and scope) every read goes through.
//! - [`password`], [`token`]: Argon2id password hashes, session tokens stored only as hashes.
//! - [`audit`]: the hash-chained, MAC-sealed audit log's entries, chaining and verification.
//!
//! **Architecture invariant:** pure code. No storage, no HTTP, no clock (times are passed in);
//! the only outside resource is the operating system's random generator for salts and tokens.
//! The service layer (`tre-service`) is what applies all this to every use case, so the command
//! line and the web application cannot differ.

pub mod audit;
pub mod levels;
pub mod password;
pub mod policy;
pub mod principal;
pub mod token;

pub use audit::{AuditKey, AuditProblem, AuditRecord, ChainHead, NewAuditEntry, VerifyReport};
pub use levels::{Level, Levels};
pub use policy::{Action, Decision, Role};
pub use principal::{Principal, Scope, Visibility};
