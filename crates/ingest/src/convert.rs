//! One input to one article: decode, clean, normalise, identify.

use crate::read::{Job, Payload};
use crate::{Failure, IngestOptions};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tre_page::Page;
use tre_store::{ArticleContent, Facts, NewArticle};
use tre_text::NormText;

/// The article id for a name: folded to ASCII, lower case, `[a-z0-9._-]` only, so ids are easy
/// to type (`tre show 000_3134ff17c9627f8e`). `None` when nothing usable is left.
pub fn article_id(name: &str) -> Option<String> {
    let folded = tre_text::fold(&tre_text::normalize(name));
    let mut id = String::with_capacity(folded.len());
    for c in folded.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if c == '-' && id.ends_with('-') {
            continue;
        }
        id.push(c);
    }
    let id = id.trim_matches(['-', '.']);
    let id: String = id.chars().take(120).collect();
    (!id.is_empty()).then_some(id)
}

/// A stable id for an article known by its URL (fragment dropped, scheme and host lower-cased).
pub fn url_id(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let canonical = match url.find("://") {
        Some(i) => {
            let rest = &url[i + 3..];
            let host_end = rest.find('/').unwrap_or(rest.len());
            format!(
                "{}://{}{}",
                url[..i].to_ascii_lowercase(),
                rest[..host_end].to_ascii_lowercase(),
                &rest[host_end..]
            )
        }
        None => url.to_owned(),
    };
    let d = Sha256::digest(canonical.as_bytes());
    let hex: String = d[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("u{hex}")
}

pub(crate) fn convert(
    job: Job,
    opts: &IngestOptions,
) -> Result<(NewArticle, Vec<String>), Failure> {
    let source = job.source;
    let fail = |reason: String| Failure {
        source: source.clone(),
        reason,
    };
    let mut warnings = Vec::new();
    let (page, id, meta) = match job.payload {
        Payload::Text(bytes) => {
            let d = tre_page::decode(&bytes).map_err(|e| fail(e.to_string()))?;
            warnings.extend(d.note);
            let page = tre_page::clean_text_page(&d.text).map_err(|e| fail(e.to_string()))?;
            let id = file_id(&job.default_id, &source);
            (page, id, Meta::default())
        }
        Payload::Html(bytes) => {
            let d = tre_page::decode_html(&bytes).map_err(|e| fail(e.to_string()))?;
            warnings.extend(d.note);
            let page = tre_page::clean_html_page(&d.text).map_err(|e| fail(e.to_string()))?;
            let id = match &page.url {
                Some(u) => url_id(u),
                None => file_id(&job.default_id, &source),
            };
            (page, id, Meta::default())
        }
        Payload::Record(bytes) => record(&bytes, opts).map_err(fail)?,
    };
    let Page {
        title: page_title,
        lead,
        paragraphs,
        captions,
        credits,
        byline,
        source_line,
        published: page_published,
        page_date,
        url: page_url,
        site_name,
        warnings: page_warnings,
    } = page;
    warnings.extend(page_warnings);
    let published = match &meta.published {
        Some(raw) => match normalise_date(raw) {
            Some(d) => Some(d),
            None => {
                warnings.push(format!(
                    "its \"published\" value {raw:?} is not a date tre reads (YYYY-MM-DD, ISO \
                     8601 or DD/MM/YYYY); stored without a date"
                ));
                page_published
            }
        },
        None => page_published,
    };
    // tre-page returns normalised text (moved, not copied); metadata from JSON Lines records
    // is normalised here.
    let list = |v: Vec<String>| {
        v.into_iter()
            .map(NormText::from_normalized)
            .collect::<Vec<_>>()
    };
    let title = match &meta.title {
        Some(t) if !t.trim().is_empty() && meta.html => NormText::new(t),
        _ => NormText::from_normalized(page_title),
    };
    let content = ArticleContent {
        url: meta.url.clone().or(page_url),
        outlet: meta
            .outlet
            .as_deref()
            .or(site_name.as_deref())
            .or(opts.outlet.as_deref())
            .map(NormText::new),
        section: meta.section.as_deref().map(NormText::new),
        title,
        lead: lead.map(NormText::from_normalized),
        paragraphs: list(paragraphs),
        captions: list(captions),
        credits: list(credits),
        byline: byline.map(NormText::from_normalized),
        source_line: source_line.map(NormText::from_normalized),
        published,
        page_date,
        classification: meta.classification.unwrap_or(opts.classification),
    };
    let article = NewArticle::new(id, source, content);
    let article = match &opts.extractor {
        Some(x) => {
            let facts = extract(x, &article);
            article.with_facts(facts)
        }
        None => article,
    };
    Ok((article, warnings))
}

/// Runs the extractor on an article as it will be stored.
pub fn extract(extractor: &tre_extract::Extractor, a: &NewArticle) -> Facts {
    let c = a.content();
    let input = tre_extract::ArticleInput {
        id: a.id().to_owned(),
        title: c.title.as_str().to_owned(),
        paragraphs: c
            .lead
            .iter()
            .chain(&c.paragraphs)
            .map(|p| p.as_str().to_owned())
            .collect(),
        captions: c.captions.iter().map(|p| p.as_str().to_owned()).collect(),
        byline: c.byline.as_ref().map(|b| b.as_str().to_owned()),
        source_line: c.source_line.as_ref().map(|b| b.as_str().to_owned()),
        published: c.published.clone(),
    };
    let x = extractor.extract(&input);
    Facts {
        version: tre_kb::EXTRACTOR_VERSION,
        json: serde_json::to_string(&x).unwrap_or_else(|_| "{}".to_owned()),
        countries: tre_kb::countries(&x),
    }
}

/// Reads one page file (`.txt` or `.html`/`.htm`) into an article, as ingest would, without
/// storing it: for `tre extract` on files that are not ingested.
pub fn article_from_file(
    path: &std::path::Path,
    opts: &IngestOptions,
) -> Result<(NewArticle, Vec<String>), Failure> {
    let source = path.display().to_string();
    let fail = |reason: String| Failure {
        source: source.clone(),
        reason,
    };
    let kind = crate::read::InputKind::of(path);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read it: {e}")))?;
    if meta.len() > opts.max_file_bytes {
        return Err(fail(format!(
            "the file is {}, more than an article page can be",
            crate::read::human_bytes(meta.len())
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read it: {e}")))?;
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem
        .rsplit_once('.')
        .map(|(s, _)| s.to_owned())
        .unwrap_or(stem);
    let payload = match kind {
        Some(crate::read::InputKind::Html) => Payload::Html(bytes),
        Some(crate::read::InputKind::Text) | None => Payload::Text(bytes),
        Some(_) => {
            return Err(fail(
                "JSON Lines hold many articles; ingest them, or give .txt or .html pages"
                    .to_owned(),
            ));
        }
    };
    convert(
        Job {
            source: source.clone(),
            default_id: stem,
            payload,
        },
        opts,
    )
}

fn file_id(default_id: &str, source: &str) -> String {
    article_id(default_id).unwrap_or_else(|| url_id(source))
}

/// What a JSON Lines record says about itself besides its text.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    section: Option<String>,
    published: Option<String>,
    /// The record carried HTML (its own title then wins over the page's).
    html: bool,
    /// The record's own classification rank.
    classification: Option<i32>,
}

fn record(bytes: &[u8], opts: &IngestOptions) -> Result<(Page, String, Meta), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "the record is not valid UTF-8 (at byte {}); JSON Lines must be UTF-8",
            e.valid_up_to()
        )
    })?;
    let v: Value = serde_json::from_str(text)
        .map_err(|e| format!("the record is not valid JSON ({e}); skipped"))?;
    let Value::Object(o) = v else {
        return Err("the record is not a JSON object; each line must be {\"id\": ..., \"title\": ..., \"text\": ...}".to_owned());
    };
    let string = |k: &str| -> Option<String> {
        match o.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let url = string("url");
    let id = match (string("id").as_deref().and_then(article_id), &url) {
        (Some(id), _) => id,
        (None, Some(u)) => url_id(u),
        (None, None) => {
            return Err(
                "the record has no \"id\" (or \"url\"); every record needs one so that \
                 re-ingesting it updates it instead of duplicating it"
                    .to_owned(),
            );
        }
    };
    let title = string("title");
    let classification = match string("classification") {
        Some(c) => Some(
            opts.levels
                .parse(&c)
                .map_err(|e| format!("its \"classification\": {e}; skipped"))?
                .rank,
        ),
        None => None,
    };
    let meta = |html: bool| Meta {
        title: title.clone(),
        url: url.clone(),
        outlet: string("outlet").or_else(|| string("source_name")),
        section: string("category").or_else(|| string("section")),
        published: string("published")
            .or_else(|| string("date"))
            .or_else(|| string("published_at")),
        html,
        classification,
    };
    if let Some(html) = string("html") {
        let page = tre_page::clean_html_page(&html).map_err(|e| e.to_string())?;
        return Ok((page, id, meta(true)));
    }
    let Some(body) = string("text") else {
        return Err(
            "the record has neither \"text\" nor \"html\"; there is no article in it".to_owned(),
        );
    };
    let Some(t) = &title else {
        return Err("the record has \"text\" but no \"title\"".to_owned());
    };
    let page = tre_page::clean_article(t, &body).map_err(|e| e.to_string())?;
    Ok((page, id, meta(false)))
}

/// A publication date in the forms feeds and dumps use, as `YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM` in Vietnam's local time (UTC+7; times with another offset are converted).
pub fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let digits = |t: &str| -> Option<i64> {
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    // Split date and time parts.
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let (y, m, d) = match parts.as_slice() {
        [a, b, c] if a.len() == 4 => (digits(a)?, digits(b)?, digits(c)?),
        [a, b, c] if c.len() == 4 => (digits(c)?, digits(b)?, digits(a)?),
        _ => return None,
    };
    if !(1900..=2200).contains(&y)
        || !(1..=12).contains(&m)
        || d < 1
        || d > tre_store::days::days_in_month(y, m)
    {
        return None;
    }
    let Some(time) = time.filter(|t| !t.is_empty()) else {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    };
    // HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]
    let (clock, offset_min) = split_offset(time)?;
    let hm: Vec<&str> = clock.split(':').collect();
    if hm.len() < 2 {
        return None;
    }
    let (h, mi) = (digits(hm[0])?, digits(hm[1])?);
    if h > 23 || mi > 59 {
        return None;
    }
    let mut minutes = tre_store::days::from_civil(y, m, d) * 1440 + h * 60 + mi;
    if let Some(off) = offset_min {
        minutes += 7 * 60 - off;
    }
    let (days, rem) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (y, m, d) = tre_store::days::to_civil(days);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}",
        rem / 60,
        rem % 60
    ))
}

fn split_offset(t: &str) -> Option<(&str, Option<i64>)> {
    if let Some(c) = t.strip_suffix('Z') {
        return Some((c, Some(0)));
    }
    if let Some(i) = t.rfind(['+', '-']) {
        let (clock, off) = (&t[..i], &t[i..]);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let o: String = off[1..].chars().filter(|c| *c != ':').collect();
        if o.len() != 4 || !o.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hh: i64 = o[..2].parse().ok()?;
        let mm: i64 = o[2..].parse().ok()?;
        return Some((clock, Some(sign * (hh * 60 + mm))));
    }
    Some((t, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_typeable() {
        assert_eq!(
            article_id("000_3134ff17c9627f8e").as_deref(),
            Some("000_3134ff17c9627f8e")
        );
        assert_eq!(
            article_id("Bài viết: Đà Nẵng (1)").as_deref(),
            Some("bai-viet-da-nang-1")
        );
        assert_eq!(
            article_id("vntc-7f05a61da965").as_deref(),
            Some("vntc-7f05a61da965")
        );
        assert_eq!(article_id("???"), None);
        assert_eq!(
            url_id("HTTPS://VnExpress.net/a.html#top"),
            url_id("https://vnexpress.net/a.html")
        );
        assert_ne!(
            url_id("https://vnexpress.net/a.html"),
            url_id("https://vnexpress.net/b.html")
        );
    }

    #[test]
    fn dates_in_feed_forms() {
        assert_eq!(normalise_date("2023-01-10").as_deref(), Some("2023-01-10"));
        assert_eq!(normalise_date("10/01/2023").as_deref(), Some("2023-01-10"));
        assert_eq!(
            normalise_date("2023-01-10T17:37:00+07:00").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(
            normalise_date("2023-01-10T20:00:00Z").as_deref(),
            Some("2023-01-11T03:00")
        );
        assert_eq!(
            normalise_date("2023-01-10 17:37").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(normalise_date("2024-02-30"), None);
        assert_eq!(normalise_date("hôm qua"), None);
        assert_eq!(normalise_date("2023-01-10T25:00"), None);
    }
}
