//! Writing to the audit log, and reading and verifying it (administrators only).
//!
//! What is recorded: every sign-in (and failed attempt), sign-out, read of a record above the
//! lowest level (articles, and searches, entity pages and briefings that show any), export,
//! change, and permission refused. Reads of ordinary published news are not recorded one by
//! one: they reveal nothing the newspapers did not print.

use crate::{Caller, Service, ServiceError, now_ms};
use serde::Serialize;
use tre_access::audit::Verifier;
use tre_access::{Action, AuditRecord, NewAuditEntry, VerifyReport};
use tre_store::AuditFilter;

/// The outcome of `tre audit verify`, with the key's fingerprint.
#[derive(Debug, Clone, Serialize)]
pub struct AuditVerification {
    pub report: VerifyReport,
    pub key_fingerprint: String,
}

impl Service {
    /// Appends one entry for `caller`. A failure to record fails the operation: nothing is
    /// done that cannot be accounted for.
    pub async fn record(
        &self,
        caller: &Caller,
        action: &str,
        target: &str,
        outcome: &str,
        level: i32,
        detail: serde_json::Value,
    ) -> Result<(), ServiceError> {
        self.record_as(
            &caller.principal.user_id,
            caller.ip.clone(),
            action,
            target,
            outcome,
            level,
            detail,
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn record_as(
        &self,
        actor: &str,
        ip: Option<String>,
        action: &str,
        target: &str,
        outcome: &str,
        level: i32,
        detail: serde_json::Value,
    ) -> Result<(), ServiceError> {
        let entry = NewAuditEntry {
            at_ms: now_ms(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            target: target.to_owned(),
            outcome: outcome.to_owned(),
            level,
            detail: detail.to_string(),
            ip,
        };
        self.inner
            .store
            .append_audit(vec![entry], &self.inner.key)
            .await?;
        Ok(())
    }

    /// Records a read when what was shown includes anything above the lowest level.
    pub(crate) async fn record_read(
        &self,
        caller: &Caller,
        action: &str,
        target: &str,
        classified: &[(String, i32)],
    ) -> Result<(), ServiceError> {
        let level = classified.iter().map(|(_, l)| *l).max().unwrap_or(0);
        if level <= 0 {
            return Ok(());
        }
        let ids: Vec<&str> = classified
            .iter()
            .filter(|(_, l)| *l > 0)
            .map(|(id, _)| id.as_str())
            .collect();
        self.record(
            caller,
            action,
            target,
            "allowed",
            level,
            serde_json::json!({ "classified": ids }),
        )
        .await
    }

    /// Audit entries matching `filter`, newest first.
    pub async fn audit_search(
        &self,
        caller: &Caller,
        filter: &AuditFilter,
    ) -> Result<Vec<AuditRecord>, ServiceError> {
        self.authorize(caller, Action::ReadAudit, "audit log")
            .await?;
        Ok(self.inner.store.audit_search(filter).await?)
    }

    /// Walks the whole log and checks every link and seal against the key.
    pub async fn audit_verify(
        &self,
        caller: &Caller,
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> Result<AuditVerification, ServiceError> {
        self.authorize(caller, Action::ReadAudit, "audit log")
            .await?;
        let store = self.inner.store.as_ref();
        let mut v = Verifier::new(self.inner.key.clone());
        let mut after = 0;
        let mut done = 0;
        // Every entry there is, then the head. An append commits its entries and the new head
        // together, so a head read after the entries covers every genuine entry already read;
        // one beyond it was not written by tre.
        loop {
            let page = store.audit_after(after, 5000).await?;
            let Some(end) = page.last() else { break };
            after = end.seq;
            for r in &page {
                v.feed(r);
            }
            done += page.len() as u64;
            progress(done);
        }
        let head = store.audit_head().await?;
        // Entries appended while we walked, up to that head.
        while let Some(h) = &head {
            if after >= h.seq {
                break;
            }
            let page = store.audit_after(after, 5000).await?;
            let page: Vec<_> = page.into_iter().filter(|r| r.seq <= h.seq).collect();
            let Some(end) = page.last() else { break };
            after = end.seq;
            for r in &page {
                v.feed(r);
            }
            done += page.len() as u64;
            progress(done);
        }
        let report = v.finish(head.as_ref());
        self.record(
            caller,
            "audit_verify",
            "audit log",
            if report.ok() { "ok" } else { "failed" },
            0,
            serde_json::json!({ "entries": report.entries, "problems": report.problems.len() }),
        )
        .await?;
        Ok(AuditVerification {
            report,
            key_fingerprint: self.inner.key.fingerprint(),
        })
    }
}
