//! Assembly of the seed briefing: what makes the top, merging, clearance, coverage.

use crate::fixture::{self, d};
use std::collections::HashSet;
use tre_briefing::*;

#[test]
fn every_item_is_traceable_to_articles_in_the_source_list() {
    let b = fixture::briefing();
    assert_eq!(b.problems(), Vec::<String>::new());
    let ids: HashSet<&str> = b.sources.iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(ids.len(), b.sources.len(), "each source listed once");
    for (section, id) in b.citations() {
        assert!(ids.contains(id), "{section} cites {id}, not listed");
    }
    // Sources are listed in order of first citation: the first story's original comes first.
    assert_eq!(b.sources[0].article_id, "tgvn-001");
}

#[test]
fn the_briefing_carries_the_highest_classification_inside_and_never_more_than_allowed() {
    let cleared_mat = fixture::briefing();
    assert_eq!(cleared_mat.classification, Classification::mat());
    let json = to_json(&cleared_mat);
    assert!(
        !json.contains("secret-0428"),
        "a TỐI MẬT article leaked to a MẬT reader"
    );
    assert!(!json.contains("Họp về nhân sự"));
    assert!(!json.contains("Đánh giá nội bộ"));

    let unrestricted = assemble(fixture::input(), &AssemblyOptions::default());
    assert_eq!(unrestricted.classification, Classification::toi_mat());
    assert!(unrestricted.problems().is_empty());

    let cleared_thuong = assemble(
        fixture::input(),
        &AssemblyOptions {
            clearance: Some(Classification::thuong()),
            ..AssemblyOptions::default()
        },
    );
    assert_eq!(cleared_thuong.classification, Classification::thuong());
    assert!(!to_json(&cleared_thuong).contains("dsq-jp-0428"));
    // The situation classified MẬT is gone, the others stay.
    assert!(
        cleared_thuong
            .sections
            .situations
            .iter()
            .all(|s| s.id != "sit-jp-ambassador")
    );
    assert_eq!(cleared_thuong.sections.situations.len(), 2);
}

#[test]
fn stories_rank_by_relevance_corroboration_and_novelty_and_split_clusters_merge() {
    let b = fixture::briefing();
    let ids: Vec<&str> = b
        .sections
        .top_stories
        .iter()
        .map(|t| t.story_id.as_str())
        .collect();
    assert_eq!(ids[0], "story-0428-trưởng-cqđd", "{ids:?}");
    // The VOV report the clusterer split off joined the story it belongs to.
    assert!(!ids.contains(&"story-0428-vov"), "{ids:?}");
    let top = &b.sections.top_stories[0];
    let sources: Vec<&str> = top.sources.iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(
        sources,
        ["tgvn-001", "vov-0428", "mofa-001"],
        "original first, then by date"
    );
    assert_eq!(top.original.as_deref(), Some("tgvn-001"));
    // TG&VN and the ministry's portal are one publisher family: two, not three.
    assert_eq!(top.corroboration, 2);
    assert!(
        top.why.contains("Nhật Bản (địa bàn)") && top.why.contains("2 nguồn độc lập"),
        "{}",
        top.why
    );
    // Stories already briefed with nothing new sink below today's.
    let pos = |id: &str| ids.iter().position(|x| *x == id).unwrap_or(usize::MAX);
    assert!(pos("story-0329-ubkt") > pos("story-bdntw"), "{ids:?}");
    assert!(pos("story-hnng") > pos("story-xdd"), "{ids:?}");
    let scores: Vec<f64> = b.sections.top_stories.iter().map(|t| t.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn summaries_have_two_or_three_sentences_none_repeated_none_residue() {
    let b = fixture::briefing();
    let mut seen: Vec<String> = Vec::new();
    for t in &b.sections.top_stories {
        assert!(
            (2..=3).contains(&t.summary.len()),
            "{}: {:?}",
            t.headline,
            t.summary
        );
        for s in &t.summary {
            assert!(!is_boilerplate(&s.text), "{}", s.text);
            for bad in [
                "(Ảnh",
                "Theo CPV",
                "Phương Diệp",
                "0:00",
                "Bạn đang xem",
                "FormShield",
                "\u{FFFD}",
                "http",
            ] {
                assert!(!s.text.contains(bad), "{bad} in {}", s.text);
            }
            assert!(t.sources.iter().any(|r| r.article_id == s.article_id));
            assert!(!seen.contains(&s.text), "repeated: {}", s.text);
            seen.push(s.text.clone());
        }
    }
    // The Japan desk's story quotes the sentence about the ambassador to Japan, from the
    // outlet that put it near its top (VOV), once although both outlets printed it.
    let top = &b.sections.top_stories[0];
    let hieu: Vec<_> = top
        .summary
        .iter()
        .filter(|s| s.text.contains("Đại sứ Việt Nam tại Nhật Bản"))
        .collect();
    assert_eq!(hieu.len(), 1, "{:?}", top.summary);
    assert!(
        top.summary[0]
            .text
            .starts_with("Tối ngày 28/4, tại Nhà khách Chính phủ"),
        "{:?}",
        top.summary
    );
}

#[test]
fn one_fact_written_several_times_is_one_item_with_all_its_articles() {
    let b = fixture::briefing();
    let s = &b.sections;
    // Events: the meeting TG&VN and VOV both reported is one event; the January conference is
    // outside the window; the 4 May meeting is coming.
    assert_eq!(s.events_today.len(), 2);
    let meeting = s
        .events_today
        .iter()
        .find(|e| e.kind == "làm việc")
        .expect("the 28/4 meeting");
    let mut arts = meeting.articles.clone();
    arts.sort();
    assert_eq!(arts, ["mofa-001", "tgvn-001", "vov-0428"]);
    assert!(
        s.events_today
            .iter()
            .chain(&s.events_upcoming)
            .all(|e| e.date != Some(d("2023-01-10")))
    );
    assert_eq!(s.events_upcoming.len(), 1);
    assert_eq!(s.events_upcoming[0].date, Some(d("2023-05-04")));

    // People: the appointment and the new title of one person and post are one item, the
    // appointment; the contradiction comes first.
    assert_eq!(s.people.len(), 2);
    assert!(matches!(
        s.people[0].change,
        PostChangeKind::Contradiction { .. }
    ));
    let hieu = &s.people[1];
    assert_eq!(hieu.person, "Phạm Quang Hiệu");
    assert!(matches!(hieu.change, PostChangeKind::Appointment { .. }));
    assert_eq!(hieu.articles.len(), 2);

    // Documents: 34-NQ/TW cited by two articles is one item, listed first, with its date.
    assert_eq!(s.documents.len(), 4);
    assert_eq!(s.documents[0].number, "34-NQ/TW");
    assert_eq!(s.documents[0].articles.len(), 2);
    assert_eq!(s.documents[0].issued_on, Some(d("2023-01-09")));
}

#[test]
fn spikes_are_flagged_against_the_usual_level_and_steady_series_are_not() {
    let b = fixture::briefing();
    let spikes = &b.sections.spikes;
    let names: Vec<&str> = spikes.iter().map(|k| k.entity.as_str()).collect();
    assert_eq!(names, ["Phạm Quang Hiệu", "Nhật Bản"]);
    let hieu = &spikes[0];
    assert_eq!(hieu.last_count(), 6);
    assert!(
        (hieu.baseline - 4.0 / 13.0).abs() < 1e-9,
        "{}",
        hieu.baseline
    );
    assert!((hieu.factor - 7.0 / (1.0 + 4.0 / 13.0)).abs() < 1e-9);
    assert_eq!(hieu.series.len(), 14);
    assert_eq!(hieu.series.last().map(|d| d.date), Some(d("2023-04-29")));
}

#[test]
fn situations_put_what_needs_doing_first_and_coverage_names_the_silent() {
    let b = fixture::briefing();
    let status: Vec<SituationStatus> = b.sections.situations.iter().map(|s| s.status).collect();
    assert_eq!(
        status,
        [
            SituationStatus::ActionRequired,
            SituationStatus::Following,
            SituationStatus::Closed
        ]
    );
    let c = &b.sections.coverage;
    let silent: Vec<&str> = c.silent.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(silent, ["Báo Nhân Dân", "Báo Tuổi Trẻ"]);
    assert_eq!(c.delivered[0].name, "Báo Thế giới & Việt Nam");
    assert_eq!(c.delivered.len(), 5);
    assert_eq!(c.extraction_failures.len(), 1);
    assert_eq!(c.stories_considered, 7);
}

#[test]
fn an_empty_day_still_gives_every_section_and_says_it_is_empty() {
    let mut input = fixture::input();
    input.stories.clear();
    input.events.clear();
    input.people.clear();
    input.documents.clear();
    input.series.clear();
    input.situations.clear();
    input.feeds.iter_mut().for_each(|f| f.articles = 0);
    let b = assemble(input, &AssemblyOptions::default());
    assert!(b.sources.is_empty());
    assert_eq!(b.classification, Classification::thuong());
    let md = to_markdown(&b);
    for s in [
        "I. TIN NỔI BẬT",
        "VII. PHẠM VI NGUỒN TIN",
        "Không có tin nào liên quan",
        "Không ghi nhận thay đổi",
        "Không có tin từ:",
    ] {
        assert!(md.contains(s), "{s}");
    }
    assert!(to_docx(&b).is_ok());
}

#[test]
fn assembly_and_rendering_are_deterministic() {
    let a = fixture::briefing();
    let b = fixture::briefing();
    assert_eq!(a, b);
    assert_eq!(to_markdown(&a), to_markdown(&b));
    assert_eq!(to_html(&a), to_html(&b));
    assert_eq!(to_docx(&a).ok(), to_docx(&b).ok());
}

#[test]
fn json_is_the_model() {
    let b = fixture::briefing();
    let v: serde_json::Value = serde_json::from_str(&to_json(&b)).expect("valid JSON");
    assert_eq!(v["date"], "2023-04-29");
    assert_eq!(v["generated_at"], "2023-04-29T06:30");
    assert_eq!(v["classification"]["name"], "Mật");
    assert_eq!(
        v["sections"]["top_stories"][0]["sources"][0]["article_id"],
        "tgvn-001"
    );
    assert_eq!(
        v["sections"]["people"][0]["change"]["kind"],
        "contradiction"
    );
    assert_eq!(v["sections"]["situations"][0]["status"], "action_required");
}
