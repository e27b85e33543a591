//! Input written to break renderers: markup, a script URL, control characters.

use crate::fixture;
use tre_briefing::*;

pub const HOSTILE_TITLE: &str =
    "Tin <script>alert(1)</script> & *đậm* [bấm](javascript:alert(2)) \"trích\" 'x' \u{1}\u{FFFE}#";

/// The fixture with a hostile top story, article, outlet, desk name and recipient.
pub fn briefing() -> Briefing {
    let mut input = fixture::input();
    input.desk.name = format!("Bàn <b>{HOSTILE_TITLE}</b>");
    input.header.recipients.push("</w:t><w:p>chèn".to_string());
    if let Some(a) = input.articles.iter_mut().find(|a| a.id == "vov-0428") {
        a.url = Some("javascript:alert(3)".to_string());
        a.outlet = Some("VOV <img src=x onerror=alert(4)>\u{7}".to_string());
    }
    if let Some(s) = input
        .stories
        .iter_mut()
        .find(|s| s.id == "story-0428-trưởng-cqđd")
    {
        s.title = HOSTILE_TITLE.to_string();
    }
    assemble(input, &AssemblyOptions::default())
}
