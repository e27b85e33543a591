//! `tre show ID`

use crate::open::Place;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;
use tre_store::Article;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article's id (as `tre search` prints it).
    pub id: String,
    /// Print the stored article as JSON.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    let store = place.store().await?;
    let mut article = store.article(&args.id).await?;
    if article.is_none()
        && let Some(id) = tre_ingest::article_id(&args.id)
    {
        article = store.article(&id).await?;
    }
    let Some(a) = article else {
        output::error(&format!(
            "no article with id {:?} in {}; `tre search` prints the ids of what is stored",
            args.id,
            store.location()
        ));
        return Ok(ExitCode::from(1));
    };
    if args.json {
        crate::out!("{}", serde_json::to_string_pretty(&a)?);
    } else {
        crate::out!("{}", render(&a).trim_end());
    }
    Ok(ExitCode::SUCCESS)
}

/// The article as a reader would want it: title, provenance, lead, body, photos, byline.
pub fn render(a: &Article) -> String {
    let mut out = String::new();
    out.push_str(&output::bold(&a.title));
    out.push('\n');
    let mut meta = vec![format!("id {}", a.id)];
    if let Some(o) = &a.outlet {
        meta.push(o.clone());
    }
    if let Some(s) = &a.section {
        meta.push(s.clone());
    }
    match &a.published {
        Some(p) => meta.push(format!("published {p}")),
        None => meta.push("publication date not stated".to_owned()),
    }
    if let Some(p) = &a.page_date {
        meta.push(format!("page dated {p}"));
    }
    out.push_str(&output::dim(&meta.join(" · ")));
    out.push('\n');
    out.push_str(&output::dim(&format!(
        "source: {}",
        a.url.as_deref().unwrap_or(&a.source)
    )));
    out.push_str("\n\n");
    if let Some(l) = &a.lead {
        out.push_str(&output::bold(l));
        out.push_str("\n\n");
    }
    for p in &a.paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    if let Some(b) = &a.byline {
        out.push_str(b);
        out.push('\n');
    }
    if let Some(s) = &a.source_line {
        out.push_str(s);
        out.push('\n');
    }
    if !a.captions.is_empty() || !a.credits.is_empty() {
        out.push('\n');
        out.push_str(&output::dim("Photos:"));
        out.push('\n');
        for c in &a.captions {
            out.push_str(&format!("  · {c}\n"));
        }
        if !a.credits.is_empty() {
            out.push_str(&output::dim(&format!(
                "  credits: {}",
                a.credits.join("; ")
            )));
            out.push('\n');
        }
    }
    out
}
