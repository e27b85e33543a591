//! Story ranking: corroboration, desk relevance and novelty, each in isolation.

use crate::fixture::d;
use tre_briefing::*;

fn signals(relevance: Vec<RelevanceMatch>, families: usize, first_seen: &str) -> StorySignals {
    StorySignals {
        relevance,
        families,
        first_seen: d(first_seen),
        last_briefed: None,
        new_since_briefed: 0,
    }
}

const DAY: &str = "2023-04-29";

#[test]
fn more_independent_publishers_rank_higher_all_else_equal() {
    let m = || vec![RelevanceMatch::new(MatchKind::Place, "Nhật Bản")];
    let stories = [
        signals(m(), 1, DAY),
        signals(m(), 4, DAY),
        signals(m(), 2, DAY),
    ];
    assert_eq!(rank_stories(&stories, d(DAY)), [1, 2, 0]);
    // Each further publisher adds less than the one before.
    let s = |n| score_story(&signals(m(), n, DAY), d(DAY)).total;
    assert!(s(2) - s(1) > s(3) - s(2));
}

#[test]
fn more_relevant_stories_rank_higher_all_else_equal() {
    use MatchKind::*;
    let stories = [
        signals(vec![], 2, DAY),
        signals(vec![RelevanceMatch::new(Keyword, "giao ban")], 2, DAY),
        signals(
            vec![
                RelevanceMatch::new(Place, "Nhật Bản"),
                RelevanceMatch::new(Person, "Phạm Quang Hiệu"),
            ],
            2,
            DAY,
        ),
        signals(
            vec![RelevanceMatch::new(Pillar, "Ngoại giao kinh tế")],
            2,
            DAY,
        ),
    ];
    assert_eq!(rank_stories(&stories, d(DAY)), [2, 1, 3, 0]);
    // A desk's own weight counts: a keyword it cares about twice as much outranks a pillar.
    let mut heavy = RelevanceMatch::new(Pillar, "Bảo hộ công dân");
    heavy.weight = 3.0;
    let a = score_story(&signals(vec![heavy], 1, DAY), d(DAY)).total;
    let b = score_story(
        &signals(vec![RelevanceMatch::new(Keyword, "x")], 1, DAY),
        d(DAY),
    )
    .total;
    assert!(a > b);
}

#[test]
fn relevance_outweighs_a_crowd_of_outlets_on_a_story_the_desk_does_not_follow() {
    let relevant = signals(
        vec![RelevanceMatch::new(MatchKind::Place, "Nhật Bản")],
        1,
        DAY,
    );
    let crowd = signals(vec![], 8, DAY);
    assert_eq!(rank_stories(&[crowd, relevant], d(DAY)), [1, 0]);
}

#[test]
fn old_and_already_briefed_stories_sink() {
    let m = || vec![RelevanceMatch::new(MatchKind::Place, "Nhật Bản")];
    let fresh = signals(m(), 1, DAY);
    let older = signals(m(), 1, "2023-04-25");
    let mut told = signals(m(), 1, "2023-04-28");
    told.last_briefed = Some(d("2023-04-28"));
    let mut developing = told.clone();
    developing.new_since_briefed = 3;
    let order = rank_stories(&[told.clone(), older, developing.clone(), fresh], d(DAY));
    // New today; then yesterday's, which has developed since it was briefed; then one from
    // four days ago the reader has never seen; last, yesterday's briefed with nothing new.
    assert_eq!(order, [3, 2, 1, 0]);
    assert!(explain(&told, d(DAY)).contains("chưa có tin mới"));
    assert!(explain(&developing, d(DAY)).contains("có thêm 3 bài mới"));
}

#[test]
fn the_explanation_names_what_matched_who_reports_and_how_new() {
    let s = signals(
        vec![
            RelevanceMatch::new(MatchKind::Person, "Phạm Quang Hiệu"),
            RelevanceMatch::new(MatchKind::Place, "Nhật Bản"),
        ],
        3,
        DAY,
    );
    let e = explain(&s, d(DAY));
    assert!(
        e.starts_with("Liên quan: Phạm Quang Hiệu (nhân vật), Nhật Bản (địa bàn)"),
        "{e}"
    );
    assert!(
        e.contains("3 nguồn độc lập đưa tin") && e.contains("xuất hiện lần đầu trong ngày"),
        "{e}"
    );
    assert!(e.ends_with('.'));
}

#[test]
fn spikes_need_a_history_a_count_and_a_factor() {
    let rule = SpikeRule::default();
    let series = |counts: &[u32]| -> Vec<DayCount> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &count)| DayCount {
                date: d("2023-04-01").add_days(i as i64).expect("date"),
                count,
            })
            .collect()
    };
    assert_eq!(
        detect_spike(&series(&[0, 0, 0, 0, 5]), &rule),
        Some((0.0, 6.0))
    );
    assert_eq!(
        detect_spike(&series(&[0, 0, 0, 2]), &rule),
        None,
        "two mentions are not a trend"
    );
    assert_eq!(
        detect_spike(&series(&[5, 9]), &rule),
        None,
        "no history to compare with"
    );
    assert_eq!(
        detect_spike(&series(&[10, 12, 11, 14]), &rule),
        None,
        "steady"
    );
    assert_eq!(detect_spike(&[], &rule), None);
}
