//! Cleaning HTML pages: find the article among the page's chrome, read its metadata, and hand
//! its paragraphs to the shared body cleaner.
//!
//! Content is found the way readability-style extractors do it: every paragraph-sized block of
//! text scores its container (commas and length count; links count against), containers whose
//! class, id, `itemprop` or `data-role` name content (`fck_detail`, `detail-content`,
//! `entry-content`, `articleBody`) gain, and the best container wins, with worthy siblings
//! (the sapo beside the body on VnExpress-style pages). Navigation, page header and footer,
//! asides, comment blocks, share bars and related-news boxes are recognised by tag and by the
//! class names Vietnamese news sites use for them, and never count as content; if that leaves
//! too little text, the page is read again without trusting class names, as readability does.

use crate::clean::{self, Block, Hint, Parts};
use crate::dates::{self, When};
use crate::key::{key, tidy, words};
use crate::roles;
use crate::{Page, PageError, assemble};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use std::collections::{HashMap, HashSet};
use tre_text::normalize;

/// Cleans an HTML page (see the module documentation).
pub fn clean_html_page(html: &str) -> Result<Page, PageError> {
    let doc = Html::parse_document(html);
    let meta = Meta::read(&doc);
    let mut parts = Parts::default();
    if looks_truncated(html) {
        parts.warn(
            "the page ends before </html>: the download may be truncated, so the article may \
             be incomplete"
                .to_owned(),
        );
    }
    let protected = protected_nodes(&doc, &meta);
    let mut collected = collect(&doc, &protected, true);
    let main_chars: usize = collected
        .iter()
        .filter(|b| !b.chrome)
        .map(|b| b.text.len())
        .sum();
    if main_chars < 200 {
        // Class names hid too much (a main column called "sidebar-1"): read again trusting
        // only tags, as readability does when its first pass finds too little.
        let again = collect(&doc, &protected, false);
        let again_chars: usize = again
            .iter()
            .filter(|b| !b.chrome)
            .map(|b| b.text.len())
            .sum();
        if again_chars > main_chars {
            collected = again;
        }
    }
    let blocks: Vec<Norm> = collected.into_iter().filter_map(Norm::from_raw).collect();

    let title = choose_title(&meta, &blocks).ok_or(PageError::NoTitle)?;
    let title_key = key(&title);
    let h1_at = blocks
        .iter()
        .position(|b| b.is_h1 && !b.chrome && key(&b.text) == title_key)
        .or_else(|| blocks.iter().position(|b| b.is_h1 && !b.chrome));

    // Dates: metadata first; then a date-classed element or a date line under the title; a
    // date in the page's chrome above the article is the site's "today" header.
    parts.published = meta.published.map(|w| w.iso());
    let mut used: HashSet<usize> = HashSet::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(when) = dates::parse_date_line(&b.text) else {
            continue;
        };
        let before_title = h1_at.is_some_and(|h| i < h);
        let under_title = h1_at.is_some_and(|h| i > h && i <= h + 3);
        if b.chrome {
            if (before_title || h1_at.is_none()) && parts.page_date.is_none() {
                parts.page_date = Some(when.iso());
            }
            continue;
        }
        if b.date_hint || under_title {
            if parts.published.is_none() {
                parts.published = Some(when.iso());
            }
            used.insert(i);
        } else if before_title {
            if parts.page_date.is_none() {
                parts.page_date = Some(when.iso());
            }
            used.insert(i);
        }
    }

    let content = choose_content(&doc, &blocks);
    let body: Vec<Block> = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| content.contains(i) && !used.contains(i) && !b.is_h1)
        .map(|(_, b)| Block {
            text: b.text.clone(),
            hint: b.hint,
        })
        .collect();
    clean::clean_body(&title, &body, &mut parts, clean::Source::Html);

    if parts.byline.is_none() {
        parts.byline = blocks
            .iter()
            .filter(|b| !b.chrome && b.hint == Hint::Byline && words(&b.text) <= 12)
            .map(|b| roles::strip_by(&b.text))
            .find(|t| !t.is_empty() && !roles::is_by_word(t))
            .map(str::to_owned)
            .or_else(|| meta.author.clone());
    }
    if let Some(site) = meta.site_name.clone() {
        parts.site_name = Some(site);
    }
    assemble(title, parts, meta.url.clone())
}

/// A page that was cut off: it opened `<html>` or `<body>` but never closed `</html>`.
fn looks_truncated(html: &str) -> bool {
    let lower_contains = |needle: &str| {
        html.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    (lower_contains("<html") || lower_contains("<body")) && !lower_contains("</html")
}

/// What the page's `<head>` (and JSON-LD) says about the article, normalised.
#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    ld_headline: Option<String>,
    title_tag: Option<String>,
    url: Option<String>,
    site_name: Option<String>,
    published: Option<When>,
    author: Option<String>,
    /// Elements whose name marks them as the article body.
    content_markers: Vec<NodeId>,
    h1s: Vec<NodeId>,
}

fn attr_lower(el: &Element, name: &str) -> Option<String> {
    el.attr(name)
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
}

fn one_line(s: &str) -> Option<String> {
    let n = normalize(&s.replace(['\n', '\r', '\t'], " "));
    let t = tidy(&n);
    (!t.is_empty()).then(|| t.to_owned())
}

impl Meta {
    fn read(doc: &Html) -> Meta {
        let mut m = Meta::default();
        let mut canonical: Option<String> = None;
        let mut published_candidates: Vec<When> = Vec::new();
        for node in doc.tree.root().descendants() {
            let Node::Element(el) = node.value() else {
                continue;
            };
            match el.name() {
                "meta" => m.read_meta(el, &mut published_candidates),
                "link" => {
                    let rel = attr_lower(el, "rel").unwrap_or_default();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        canonical = el.attr("href").and_then(absolute_url);
                    }
                }
                "title" if m.title_tag.is_none() => {
                    if let Some(er) = ElementRef::wrap(node) {
                        m.title_tag = one_line(&er.text().collect::<String>());
                    }
                }
                "script" => {
                    let is_ld = attr_lower(el, "type").is_some_and(|t| t == "application/ld+json");
                    if is_ld && let Some(er) = ElementRef::wrap(node) {
                        let json: String = er.text().collect();
                        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
                            m.read_ld(&v, 0, &mut published_candidates);
                        }
                    }
                }
                "time" => {
                    if let Some(w) = el.attr("datetime").and_then(dates::parse_iso) {
                        // Only a time marked as the publication time is trusted over text.
                        let marked = el.attr("pubdate").is_some()
                            || attr_lower(el, "itemprop").is_some_and(|v| v == "datepublished")
                            || attr_lower(el, "class").is_some_and(|c| {
                                c.contains("published")
                                    || c.contains("publish")
                                    || c.contains("entry-date")
                            });
                        if marked {
                            published_candidates.push(w);
                        }
                    }
                }
                "h1" => m.h1s.push(node.id()),
                _ => {}
            }
            if is_content_marker(el) {
                m.content_markers.push(node.id());
            }
        }
        m.url = m.url.take().or(canonical);
        m.published = published_candidates.into_iter().next();
        m
    }

    fn read_meta(&mut self, el: &Element, published: &mut Vec<When>) {
        let Some(content) = el.attr("content") else {
            return;
        };
        let names = ["property", "name", "itemprop"]
            .iter()
            .filter_map(|a| attr_lower(el, a))
            .collect::<Vec<_>>();
        for n in names {
            match n.as_str() {
                "og:title" | "twitter:title" if self.og_title.is_none() => {
                    self.og_title = one_line(content);
                }
                "og:url" if self.url.is_none() => self.url = absolute_url(content),
                "og:site_name" | "application-name" if self.site_name.is_none() => {
                    self.site_name = one_line(content);
                }
                "article:published_time"
                | "og:article:published_time"
                | "published_time"
                | "pubdate"
                | "publishdate"
                | "publish-date"
                | "publish_date"
                | "datepublished"
                | "dc.date.issued"
                | "dc.date"
                | "date"
                | "article.published"
                | "parsely-pub-date"
                | "sailthru.date" => {
                    if let Some(w) = dates::parse_iso(content) {
                        published.push(w);
                    }
                }
                "author" | "article:author"
                    if self.author.is_none() && !content.contains("://") && words(content) <= 8 =>
                {
                    self.author = one_line(content);
                }
                _ => {}
            }
        }
    }

    fn read_ld(&mut self, v: &serde_json::Value, depth: usize, published: &mut Vec<When>) {
        use serde_json::Value;
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => {
                for item in items {
                    self.read_ld(item, depth + 1, published);
                }
            }
            Value::Object(map) => {
                if let Some(w) = map
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .and_then(dates::parse_iso)
                {
                    published.push(w);
                }
                if self.ld_headline.is_none()
                    && let Some(h) = map.get("headline").and_then(Value::as_str)
                {
                    self.ld_headline = one_line(h);
                }
                if self.author.is_none()
                    && let Some(a) = map.get("author")
                {
                    let name = match a {
                        Value::String(s) => Some(s.as_str()),
                        Value::Object(o) => o.get("name").and_then(Value::as_str),
                        Value::Array(xs) => xs.first().and_then(|x| match x {
                            Value::String(s) => Some(s.as_str()),
                            Value::Object(o) => o.get("name").and_then(Value::as_str),
                            _ => None,
                        }),
                        _ => None,
                    };
                    if let Some(n) = name.filter(|n| !n.contains("://") && words(n) <= 8) {
                        self.author = one_line(n);
                    }
                }
                for (k, child) in map {
                    if k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage" {
                        self.read_ld(child, depth + 1, published);
                    }
                }
            }
            _ => {}
        }
    }
}

fn absolute_url(u: &str) -> Option<String> {
    let u = u.trim();
    (u.starts_with("http://") || u.starts_with("https://"))
        .then(|| one_line(u))
        .flatten()
}

/// The names an element goes by: class, id, `itemprop`, `data-role`, lower case.
fn names_of(el: &Element) -> String {
    let mut s = String::new();
    for a in ["class", "id", "itemprop", "data-role"] {
        if let Some(v) = el.attr(a) {
            s.push(' ');
            s.push_str(&v.to_ascii_lowercase());
        }
    }
    s
}

/// Words inside the names, split at `-`, `_` and `:` as well as spaces.
fn name_parts(names: &str) -> impl Iterator<Item = &str> {
    names
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | ':'))
        .filter(|p| !p.is_empty())
}

const CONTENT_MARKERS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "fck_detail",
    "detail-content",
    "detail__content",
    "detail-cmain",
    "entry-content",
    "post-content",
    "news-content",
    "content-detail",
    "noidung",
    "chitiet",
    "main-content-detail",
];

fn is_content_marker(el: &Element) -> bool {
    let names = names_of(el);
    names
        .split_whitespace()
        .any(|n| CONTENT_MARKERS.iter().any(|m| n == *m || n.starts_with(m)))
}

/// Elements that contain the title or the article body: never chrome, whatever their class.
fn protected_nodes(doc: &Html, meta: &Meta) -> HashSet<NodeId> {
    let mut anchors: Vec<NodeId> = meta.content_markers.clone();
    let og_key = meta.og_title.as_deref().map(key).unwrap_or_default();
    let title_h1 = meta
        .h1s
        .iter()
        .copied()
        .find(|&id| {
            doc.tree
                .get(id)
                .and_then(ElementRef::wrap)
                .is_some_and(|e| {
                    let k = key(&e.text().collect::<String>());
                    !k.is_empty() && og_key.starts_with(&k)
                })
        })
        .or_else(|| meta.h1s.first().copied());
    anchors.extend(title_h1);
    let mut out = HashSet::new();
    for id in anchors {
        let mut cur = doc.tree.get(id);
        while let Some(n) = cur {
            if !out.insert(n.id()) {
                break;
            }
            cur = n.parent();
        }
    }
    out
}

const IGNORED_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "button", "input", "option", "map", "title",
];

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "html",
    "menu",
    "legend",
];

/// Class-name fragments of page chrome that is never article text.
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "binhluan",
    "related",
    "relate",
    "lienquan",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "footer",
    "advert",
    "quangcao",
    "banner",
    "popular",
    "mostread",
    "xemnhieu",
    "docnhieu",
    "tinkhac",
    "newsletter",
    "subscribe",
    "cookie",
    "sponsor",
    "widget",
    "recommend",
    "navbar",
    "menu",
    "pagination",
    "paging",
    "keyword",
    "tukhoa",
    "login",
    "sidebar",
];
/// Class-name words that suggest chrome unless the element also looks like content.
const WEAK_NEGATIVE: &[&str] = &[
    "ad", "ads", "nav", "tag", "tags", "print", "toolbar", "tools", "rating", "vote", "search",
    "modal", "popup", "hidden", "hide", "other", "more", "top", "header", "masthead", "topbar",
    "btn", "button", "icon", "aside",
];
const POSITIVE: &[&str] = &[
    "article", "content", "detail", "entry", "story", "noidung", "chitiet", "fck", "body", "main",
    "post", "text",
];

#[derive(Debug, Clone, Copy, Default)]
struct ClassInfo {
    positive: bool,
    strong_negative: bool,
    weak_negative: bool,
    hint: Option<Hint>,
    date: bool,
}

fn class_info(el: &Element) -> ClassInfo {
    let names = names_of(el);
    if names.trim().is_empty() {
        return ClassInfo::default();
    }
    let has_sub = |list: &[&str]| list.iter().any(|f| names.contains(f));
    let has_part = |list: &[&str]| name_parts(&names).any(|p| list.contains(&p));
    let hint = if has_sub(&["caption", "chuthich"]) {
        Some(Hint::Caption)
    } else if has_sub(&["credit", "photo-author", "image-author"]) {
        Some(Hint::Credit)
    } else if has_sub(&["sapo", "chapeau", "chapo", "standfirst"])
        || has_part(&["lead", "summary", "description", "excerpt", "intro", "desc"])
    {
        Some(Hint::Lead)
    } else if has_sub(&[
        "author", "byline", "tacgia", "writer", "reporter", "butdanh",
    ]) {
        Some(Hint::Byline)
    } else {
        None
    };
    ClassInfo {
        positive: has_sub(POSITIVE),
        strong_negative: has_sub(STRONG_NEGATIVE),
        weak_negative: has_part(WEAK_NEGATIVE),
        hint,
        date: has_sub(&["date", "posted", "timestamp", "ngaydang"]) || has_part(&["time"]),
    }
}

/// A run of text between block boundaries, as collected (not yet normalised).
#[derive(Debug)]
struct RawBlock {
    text: String,
    link_chars: usize,
    container: NodeId,
    container_tag: String,
    hint: Hint,
    date_hint: bool,
    chrome: bool,
    is_h1: bool,
}

/// What an open element contributed to the collector's state, undone when it closes.
struct Frame {
    container: bool,
    ignore: bool,
    chrome: bool,
    link: bool,
    figure: bool,
    article: bool,
    pre: bool,
    hint: bool,
    date: bool,
    h1: bool,
}

/// The walk's state. Everything a flushed block needs is kept incrementally (counters and
/// small stacks), so flushing costs the same at any nesting depth: the walk stays linear even
/// on pathological pages.
struct Collector {
    blocks: Vec<RawBlock>,
    frames: Vec<Frame>,
    /// Innermost block-level (or hinted inline) elements, for a block's container.
    containers: Vec<(NodeId, String)>,
    /// Hints of the open hinted elements, innermost last.
    hints: Vec<Hint>,
    buf: String,
    link_chars: usize,
    ignore: usize,
    chrome: usize,
    link: usize,
    figure: usize,
    article: usize,
    pre: usize,
    date: usize,
    h1: usize,
    root: NodeId,
}

impl Collector {
    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            self.link_chars = 0;
            return;
        }
        let (container, container_tag) = self
            .containers
            .last()
            .cloned()
            .unwrap_or((self.root, String::new()));
        // The innermost hint wins; any text inside a <figure> is about its picture.
        let hint = match self.hints.last() {
            Some(h) => *h,
            None if self.figure > 0 => Hint::Caption,
            None => Hint::Plain,
        };
        self.blocks.push(RawBlock {
            text: std::mem::take(&mut self.buf),
            link_chars: std::mem::take(&mut self.link_chars),
            container,
            container_tag,
            hint,
            date_hint: self.date > 0,
            chrome: self.chrome > 0,
            is_h1: self.h1 > 0,
        });
    }

    fn text(&mut self, t: &str) {
        if self.ignore > 0 {
            return;
        }
        let before = self.buf.len();
        if self.pre > 0 {
            // Preformatted text keeps its line breaks until normalisation.
            self.buf.push_str(t);
        } else {
            for c in t.chars() {
                self.buf.push(if c.is_whitespace() { ' ' } else { c });
            }
        }
        if self.link > 0 {
            self.link_chars += self.buf.len() - before;
        }
    }
}

/// Walks the document once, collecting text blocks with their container, hints and zone.
/// `trust_classes` off makes only tags decide what is chrome.
fn collect(doc: &Html, protected: &HashSet<NodeId>, trust_classes: bool) -> Vec<RawBlock> {
    let root = doc.tree.root();
    let mut c = Collector {
        blocks: Vec::new(),
        frames: Vec::new(),
        containers: Vec::new(),
        hints: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        ignore: 0,
        chrome: 0,
        link: 0,
        figure: 0,
        article: 0,
        pre: 0,
        date: 0,
        h1: 0,
        root: root.id(),
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => c.text(t),
                Node::Element(el) => open(&mut c, node, el, protected, trust_classes),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    close(&mut c);
                }
            }
        }
    }
    c.flush();
    c.blocks
}

fn open(
    c: &mut Collector,
    node: NodeRef<'_, Node>,
    el: &Element,
    protected: &HashSet<NodeId>,
    trust_classes: bool,
) {
    let tag = el.name();
    if tag == "br" || tag == "hr" {
        if c.pre > 0 {
            c.buf.push('\n');
        } else {
            c.flush();
        }
    }
    let hidden = el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v == "true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        });
    let ignore = IGNORED_TAGS.contains(&tag) || hidden;
    let info = class_info(el);
    let is_protected = protected.contains(&node.id());
    let structural = matches!(tag, "html" | "body" | "article" | "main");
    let chrome_by_tag = matches!(tag, "nav" | "aside" | "menu")
        || (matches!(tag, "header" | "footer") && c.article == 0 && !is_protected);
    let chrome_by_class = trust_classes
        && !structural
        && !is_protected
        && (info.strong_negative || (info.weak_negative && !info.positive));
    let chrome = chrome_by_tag || chrome_by_class;
    let block = BLOCK_TAGS.contains(&tag);
    let hint = match tag {
        "figcaption" => Some(Hint::Caption),
        _ if info.hint.is_some() => info.hint,
        "h1" => None,
        "h2" | "h3" | "h4" | "h5" | "h6" => Some(Hint::Heading),
        _ => None,
    };
    // Hinted inline elements (a byline span, a date span) are blocks of their own.
    let boundary = !block && (hint.is_some() || info.date);
    if block || boundary {
        c.flush();
    }
    let link = tag == "a";
    let figure = tag == "figure";
    let article = tag == "article";
    let pre = tag == "pre";
    let h1 = tag == "h1";
    c.ignore += usize::from(ignore);
    c.chrome += usize::from(chrome);
    c.link += usize::from(link);
    c.figure += usize::from(figure);
    c.article += usize::from(article);
    c.pre += usize::from(pre);
    c.date += usize::from(info.date);
    c.h1 += usize::from(h1);
    let container = block || boundary;
    if container {
        c.containers.push((node.id(), tag.to_owned()));
    }
    if let Some(h) = hint {
        c.hints.push(h);
    }
    c.frames.push(Frame {
        container,
        ignore,
        chrome,
        link,
        figure,
        article,
        pre,
        hint: hint.is_some(),
        date: info.date,
        h1,
    });
}

fn close(c: &mut Collector) {
    let Some(f) = c.frames.pop() else {
        return;
    };
    if f.container {
        c.flush();
        c.containers.pop();
    }
    if f.hint {
        c.hints.pop();
    }
    c.ignore -= usize::from(f.ignore);
    c.chrome -= usize::from(f.chrome);
    c.link -= usize::from(f.link);
    c.figure -= usize::from(f.figure);
    c.article -= usize::from(f.article);
    c.pre -= usize::from(f.pre);
    c.date -= usize::from(f.date);
    c.h1 -= usize::from(f.h1);
}

/// A collected block after normalisation, on one line.
#[derive(Debug)]
struct Norm {
    text: String,
    link_chars: usize,
    container: NodeId,
    container_tag: String,
    hint: Hint,
    date_hint: bool,
    chrome: bool,
    is_h1: bool,
}

impl Norm {
    fn from_raw(raw: RawBlock) -> Option<Norm> {
        // Only a <pre> kept its line breaks; a paragraph is one line for the cleaner.
        let text = normalize(&raw.text);
        let text = text
            .lines()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if text.is_empty() {
            return None;
        }
        let date_hint = raw.date_hint;
        Some(Norm {
            text,
            link_chars: raw.link_chars,
            container: raw.container,
            container_tag: raw.container_tag,
            hint: raw.hint,
            date_hint,
            chrome: raw.chrome,
            is_h1: raw.is_h1,
        })
    }

    fn link_density(&self) -> f64 {
        if self.text.is_empty() {
            0.0
        } else {
            (self.link_chars as f64 / self.text.len() as f64).min(1.0)
        }
    }
}

/// The article's headline: `og:title`, else the `<h1>`, else JSON-LD's headline, else
/// `<title>`, without a site-name suffix.
fn choose_title(meta: &Meta, blocks: &[Norm]) -> Option<String> {
    let h1 = blocks
        .iter()
        .find(|b| b.is_h1 && !b.chrome)
        .or_else(|| blocks.iter().find(|b| b.is_h1))
        .map(|b| b.text.clone());
    let raw = meta
        .og_title
        .clone()
        .or(h1.clone())
        .or_else(|| meta.ld_headline.clone())
        .or_else(|| meta.title_tag.clone())?;
    let host = meta.url.as_deref().map(host_of).unwrap_or_default();
    let t = strip_site_suffix(&raw, meta.site_name.as_deref(), &host);
    // The <h1> is the page's own wording of the headline; prefer it when it is the same title.
    if let Some(h) = h1
        && key(&h) == key(t)
    {
        return Some(h);
    }
    (!t.is_empty()).then(|| t.to_owned())
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// Words that mark a title's suffix as the name of a site rather than part of the headline.
const SITE_WORDS: &[&str] = &[
    "bao",
    "online",
    "news",
    "tap chi",
    "dien tu",
    "tin tuc",
    "cong thong tin",
    "truyen hinh",
    "dai",
    "vnexpress",
    "vietnamplus",
    "vietnamnet",
    "dan tri",
    "dantri",
    "zing",
    "vov",
    "vtv",
    "ttxvn",
    "tuoi tre",
    "thanh nien",
    "nhan dan",
    "lao dong",
    "cand",
    "qdnd",
    "plo",
    "baoquocte",
];

/// `Bộ Ngoại giao triển khai nhiệm vụ năm 2023 - VnExpress` → the headline. A dash suffix is
/// only taken for a site's name when it says so (the site's name or address, a word like
/// "Báo" or "Online", a domain): headlines end in "Việt Nam - Lào" too.
fn strip_site_suffix<'a>(title: &'a str, site: Option<&str>, host: &str) -> &'a str {
    let mut best = title;
    let host_key = key(host).replace(' ', "");
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (left, right) = (title[..pos].trim(), title[pos + sep.len()..].trim());
        if words(left) < 3 || right.is_empty() || words(right) > 5 {
            continue;
        }
        let rk = key(right);
        let rk_joined = rk.replace(' ', "");
        let names_site =
            site.is_some_and(|s| {
                let sk = key(s);
                !sk.is_empty() && (sk == rk || sk.contains(&rk) || rk.contains(&sk))
            }) || (!host_key.is_empty() && !rk_joined.is_empty() && host_key.contains(&rk_joined));
        let site_like = right.contains('.')
            || SITE_WORDS.iter().any(|w| {
                rk == *w
                    || rk.starts_with(&format!("{w} "))
                    || rk.ends_with(&format!(" {w}"))
                    || rk.contains(&format!(" {w} "))
                    || rk_joined == w.replace(' ', "")
            });
        // After a bar, a short capitalised phrase is the site's name on almost every site.
        let bar_name = sep == " | "
            && right.split_whitespace().all(crate::key::starts_upper)
            && words(right) <= 4;
        if (names_site || site_like || bar_name) && left.len() < best.len() {
            best = left;
        }
    }
    best
}

/// Tags whose text belongs to their parent container when scoring.
fn is_paragraph_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "li"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "figcaption"
            | "dd"
            | "dt"
            | "pre"
            | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "font"
            | "a"
    )
}

fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "section" => 3.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Indices of the blocks that make up the article.
fn choose_content(doc: &Html, blocks: &[Norm]) -> HashSet<usize> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    // Text and link characters under each node, over the few levels scoring looks at.
    let mut stats: HashMap<NodeId, (usize, usize)> = HashMap::new();
    let parent = |id: NodeId| doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    for b in blocks.iter().filter(|b| !b.chrome) {
        let mut cur = Some(b.container);
        for _ in 0..12 {
            let Some(id) = cur else { break };
            let e = stats.entry(id).or_insert((0, 0));
            e.0 += b.text.len();
            e.1 += b.link_chars;
            cur = parent(id);
        }
        if b.is_h1 || b.hint == Hint::Caption || b.text.chars().count() < 25 {
            continue;
        }
        let commas = b.text.matches([',', '，']).count() as f64;
        let score = 1.0 + commas + (b.text.chars().count() as f64 / 100.0).min(3.0);
        let level0 = if is_paragraph_tag(&b.container_tag) {
            parent(b.container)
        } else {
            Some(b.container)
        };
        let mut cur = level0;
        for divisor in [1.0, 2.0, 3.0] {
            let Some(id) = cur else { break };
            let entry = scores.entry(id).or_insert_with(|| initial_score(doc, id));
            *entry += score / divisor;
            cur = parent(id);
        }
    }
    let final_score = |id: &NodeId, s: f64| {
        let (chars, links) = stats.get(id).copied().unwrap_or((0, 0));
        let density = if chars == 0 {
            0.0
        } else {
            links as f64 / chars as f64
        };
        s * (1.0 - density.min(1.0))
    };
    let top = scores
        .iter()
        .map(|(id, s)| (*id, final_score(id, *s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));

    let mut included: HashSet<usize> = HashSet::new();
    let Some((top_id, top_score)) = top else {
        // No paragraph-sized text: everything outside the chrome but lists of links.
        for (i, b) in blocks.iter().enumerate() {
            if !b.chrome && b.link_density() <= 0.5 {
                included.insert(i);
            }
        }
        return included;
    };
    let mut members: HashSet<NodeId> = HashSet::new();
    if let Some(n) = doc.tree.get(top_id) {
        members.extend(n.descendants().map(|d| d.id()));
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_parent = parent(top_id);
    if let Some(p) = top_parent.and_then(|p| doc.tree.get(p)) {
        for sib in p.children().filter(|s| s.id() != top_id) {
            let worthy = scores
                .get(&sib.id())
                .is_some_and(|s| final_score(&sib.id(), *s) >= threshold);
            if worthy {
                members.extend(sib.descendants().map(|d| d.id()));
            }
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        if b.chrome {
            continue;
        }
        let inside = members.contains(&b.container);
        // A sapo or a long paragraph right beside the body (VnExpress's description).
        let beside = top_parent.is_some()
            && parent(b.container) == top_parent
            && (b.hint == Hint::Lead || (b.text.chars().count() >= 80 && b.link_density() < 0.25));
        if !(inside || beside) {
            continue;
        }
        if b.hint != Hint::Caption && b.link_density() > 0.5 {
            continue;
        }
        included.insert(i);
    }
    // The first sapo before the body, wherever the template put it.
    let first = included.iter().min().copied().unwrap_or(blocks.len());
    if let Some((i, _)) = blocks
        .iter()
        .enumerate()
        .take(first)
        .find(|(_, b)| !b.chrome && b.hint == Hint::Lead && words(&b.text) >= 8)
    {
        included.insert(i);
    }
    included
}

fn initial_score(doc: &Html, id: NodeId) -> f64 {
    let Some(Node::Element(el)) = doc.tree.get(id).map(|n| n.value()) else {
        return 0.0;
    };
    let info = class_info(el);
    let mut s = tag_weight(el.name());
    if info.positive || is_content_marker(el) {
        s += 25.0;
    }
    if info.strong_negative || info.weak_negative {
        s -= 25.0;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site_suffix(
                "Bộ Ngoại giao triển khai nhiệm vụ năm 2023 - VnExpress",
                Some("VnExpress"),
                "vnexpress.net"
            ),
            "Bộ Ngoại giao triển khai nhiệm vụ năm 2023"
        );
        assert_eq!(
            strip_site_suffix("Thủ tướng tiếp Đại sứ | Báo Thanh Niên", None, ""),
            "Thủ tướng tiếp Đại sứ"
        );
        assert_eq!(
            strip_site_suffix("Việt Nam - Lào", None, ""),
            "Việt Nam - Lào"
        );
        assert_eq!(
            strip_site_suffix(
                "Đối thoại chiến lược Việt Nam - Hoa Kỳ lần thứ 10",
                None,
                ""
            ),
            "Đối thoại chiến lược Việt Nam - Hoa Kỳ lần thứ 10"
        );
    }

    #[test]
    fn truncation() {
        assert!(looks_truncated("<html><body><p>abc"));
        assert!(!looks_truncated("<html><body><p>abc</p></body></HTML>\n"));
        assert!(!looks_truncated("<p>a fragment</p>"));
    }
}
