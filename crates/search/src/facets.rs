//! Facets: what the matching articles are, counted (by outlet, month, pillar, place, person,
//! organisation, document), and the filters that narrow a search to one of those values.
//!
//! Each article's facet values come from its stored facts (what extraction found) and its
//! metadata, and are indexed as tantivy facets under one field: `/outlet/<name>`,
//! `/month/<YYYY-MM>`, `/pillar/<key>`, `/place/<name>`, `/person/<name>`, `/org/<name>`,
//! `/doc/<number>`. Counts are taken over the same query the results come from, visibility
//! filter included, so a count never reveals an article the user may not see.

use serde::Serialize;
use tantivy::schema::Facet;
use tre_store::Article;

/// The facet families, in display order, with the key a filter uses.
pub const FAMILIES: [&str; 7] = ["outlet", "month", "pillar", "place", "person", "org", "doc"];

/// How many values of each family are reported (months: all).
pub const TOP: usize = 12;

/// One value and how many matching articles carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Counts over every matching article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub outlet: Vec<FacetCount>,
    /// By month, in time order.
    pub month: Vec<FacetCount>,
    pub pillar: Vec<FacetCount>,
    pub place: Vec<FacetCount>,
    pub person: Vec<FacetCount>,
    pub org: Vec<FacetCount>,
    pub doc: Vec<FacetCount>,
}

impl Facets {
    pub fn family_mut(&mut self, family: &str) -> Option<&mut Vec<FacetCount>> {
        Some(match family {
            "outlet" => &mut self.outlet,
            "month" => &mut self.month,
            "pillar" => &mut self.pillar,
            "place" => &mut self.place,
            "person" => &mut self.person,
            "org" => &mut self.org,
            "doc" => &mut self.doc,
            _ => return None,
        })
    }
}

/// The facet a filter written `family:value` names.
pub fn parse_filter(text: &str) -> Result<Facet, String> {
    let (family, value) = text.split_once(':').ok_or_else(|| {
        format!("facet filter {text:?} must be written family:value, e.g. pillar:economic")
    })?;
    let family = family.trim();
    let value = tre_text::normalize(value.trim());
    if !FAMILIES.contains(&family) {
        return Err(format!(
            "{family:?} is not a facet; use one of {}",
            FAMILIES.join(", ")
        ));
    }
    if value.is_empty() {
        return Err(format!(
            "facet filter {text:?} has no value after the colon"
        ));
    }
    Ok(Facet::from_path([family, value.as_str()]))
}

/// The facet values of an article.
pub fn of_article(a: &Article) -> Vec<Facet> {
    let mut out = Vec::new();
    let mut push = |family: &str, value: &str| {
        let v = value.trim();
        if !v.is_empty() {
            let f = Facet::from_path([family, v]);
            if !out.contains(&f) {
                out.push(f);
            }
        }
    };
    if let Some(o) = &a.outlet {
        push("outlet", o);
    }
    if let Some(day) = a.published.as_deref().or(a.day.as_deref())
        && day.len() >= 7
    {
        push("month", &day[..7]);
    }
    let Some(facts) = a
        .facts
        .as_deref()
        .and_then(|f| serde_json::from_str::<serde_json::Value>(f).ok())
    else {
        return out;
    };
    let list = |key: &str| facts.get(key).and_then(|v| v.as_array()).cloned();
    let name = |v: &serde_json::Value, key: &str| -> Option<String> {
        v.get("canonical")
            .and_then(|c| c.as_str())
            .or_else(|| v.get(key).and_then(|n| n.as_str()))
            .map(str::to_owned)
    };
    for p in list("pillars").unwrap_or_default() {
        if let Some(k) = p.get("pillar").and_then(|k| k.as_str()) {
            push("pillar", k);
        }
    }
    for p in list("places").unwrap_or_default() {
        // Countries, provinces and cities; venues are too particular to facet on.
        if p.get("kind").and_then(|k| k.as_str()) != Some("venue")
            && let Some(n) = name(&p, "name")
        {
            push("place", &n);
        }
    }
    for p in list("persons").unwrap_or_default() {
        if let Some(n) = name(&p, "name") {
            push("person", &n);
        }
    }
    for o in list("organizations").unwrap_or_default() {
        if let Some(n) = name(&o, "name") {
            push("org", &n);
        }
    }
    for d in list("documents").unwrap_or_default() {
        if let Some(n) = d.get("number").and_then(|n| n.as_str()) {
            push("doc", n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_name_a_family_and_a_value() {
        assert_eq!(
            parse_filter("place: Nhật Bản").unwrap(),
            Facet::from_path(["place", "Nhật Bản"])
        );
        assert!(parse_filter("colour:red").unwrap_err().contains("pillar"));
        assert!(parse_filter("pillar").unwrap_err().contains("family:value"));
        assert!(parse_filter("pillar:").is_err());
        // A slash in a value stays inside the value.
        assert_eq!(
            parse_filter("doc:34-NQ/TW").unwrap(),
            Facet::from_path(["doc", "34-NQ/TW"])
        );
    }
}
