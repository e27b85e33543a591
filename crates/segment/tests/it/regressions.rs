//! Regressions: fidelity to the two embedded models, and the rules layered on them.

use crate::seg;
use tre_segment::Segmenter;

const SENTENCE: &str =
    "Người dân địa phương cho biết nước lũ dâng cao từ đêm qua khiến nhiều ngôi nhà bị ngập";

#[test]
fn underthesea_alone_reproduces_underthesea() {
    // underthesea 9.5.0's word_tokenize(format="text") on the same sentence.
    let uts = Segmenter::new().with_pyvi_weight(0.0);
    assert_eq!(
        uts.segment_line(SENTENCE),
        "Người_dân địa_phương cho biết nước lũ dâng cao từ đêm qua khiến nhiều ngôi nhà bị ngập"
    );
}

#[test]
fn pyvi_alone_reproduces_pyvi() {
    // pyvi 0.1.1's ViTokenizer.tokenize on the same sentence.
    let pyvi = Segmenter::new().with_pyvi_weight(1e4);
    assert_eq!(
        pyvi.segment_line(SENTENCE),
        "Người dân địa_phương cho biết nước lũ dâng cao từ đêm qua khiến nhiều ngôi nhà bị ngập"
    );
}

#[test]
fn a_name_is_not_glued_to_the_next_word() {
    let out = seg().segment_line("Ông Chương nói với Kim là hai người phải chuyển nhà");
    assert!(out.contains("Kim là"), "{out}");
    assert!(out.contains("Chương nói"), "{out}");
}

#[test]
fn capitalised_dictionary_words_stay_whole() {
    let out = seg().segment_line("Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XIII");
    assert!(out.contains("Ban_Chấp_hành"), "{out}");
    let out = seg().segment_line("Ông là Bộ trưởng Bộ Ngoại giao");
    assert!(out.contains("Bộ_trưởng"), "{out}");
}

#[test]
fn person_names_starting_with_a_surname_are_one_word() {
    let out = seg().segment_line("Theo ông Nguyễn Văn Hùng , giám đốc sở");
    assert!(out.contains("Nguyễn_Văn_Hùng"), "{out}");
    let out = seg().segment_line("Đồng chí Trần Cẩm Tú làm việc với đoàn");
    assert!(out.contains("Trần_Cẩm_Tú"), "{out}");
}
