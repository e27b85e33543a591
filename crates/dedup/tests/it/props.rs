use proptest::prelude::*;
use std::collections::BTreeSet;
use tre_dedup::{DedupIndex, near_duplicate_groups};

const SYLLABLES: &[&str] = &[
    "Việt",
    "Nam",
    "hợp",
    "tác",
    "Bộ",
    "trưởng",
    "ngoại",
    "giao",
    "Hà",
    "Nội",
    "kinh",
    "tế",
    "đầu",
    "tư",
    "năm",
    "2024",
    "thăm",
    "chính",
    "thức",
    "Nhật",
    "Bản",
    "đối",
    "tác",
    "và",
    "của",
    "các",
    "đã",
    "sẽ",
    "hội",
    "đàm",
    "với",
    ",",
    ".",
    "quan",
    "hệ",
    "nhân",
    "dân",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SYLLABLES), 1..120).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn groups_partition_the_ids(texts in prop::collection::vec(text(), 0..25)) {
        let mut index = DedupIndex::default();
        for (i, t) in texts.iter().enumerate() {
            index.add(i as u64 * 3, t);
        }
        let groups = index.groups();
        let all: Vec<u64> = groups.iter().flatten().copied().collect();
        let set: BTreeSet<u64> = all.iter().copied().collect();
        prop_assert_eq!(all.len(), set.len(), "an id in two groups");
        prop_assert_eq!(set, (0..texts.len() as u64).map(|i| i * 3).collect::<BTreeSet<_>>());
        prop_assert!(groups.iter().all(|g| g.windows(2).all(|w| w[0] < w[1])));
        prop_assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]));
    }

    #[test]
    fn a_text_is_a_duplicate_of_an_exact_copy_of_itself(t in text(), others in prop::collection::vec(text(), 0..8)) {
        let mut docs: Vec<(u64, &str)> = others.iter().enumerate().map(|(i, o)| (i as u64 + 10, o.as_str())).collect();
        docs.push((1, t.as_str()));
        docs.push((2, t.as_str()));
        let groups = near_duplicate_groups(docs);
        prop_assert!(groups.iter().any(|g| g.contains(&1) && g.contains(&2)));
    }

    #[test]
    fn any_text_is_safe_input(t in ".{0,400}") {
        let mut index = DedupIndex::default();
        index.add(1, &t);
        index.add(2, &t);
        prop_assert_eq!(index.len(), 2);
    }
}
