//! Near-duplicate detection and story clustering for tre.
//!
//! - **Near-duplicates** ([`DedupIndex`], [`near_duplicate_groups`]): the same text reprinted
//!   by several outlets, lightly edited, abridged, or teased (title and lead of a full
//!   article) is one item with N reprints. MinHash over four-syllable shingles with LSH
//!   banding; see [`Params`] for every threshold and the crate README for how they were chosen
//!   and what they measure.
//! - **Stories** ([`cluster_stories`]): different articles about the same event, over days,
//!   with the original named where it can be told and corroboration counted by independent
//!   publisher families ([`Publishers`]), not by feeds.
//!
//! ```
//! use tre_dedup::{Day, Publishers, StoryArticle, StoryParams, cluster_stories};
//! let a = |id, title: &str, outlet: &str| StoryArticle {
//!     id,
//!     title: title.into(),
//!     text: "Chiều 29/3, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với \
//!            Ngoại trưởng Australia Penny Wong về hợp tác năng lượng và giáo dục."
//!         .into(),
//!     published: Day::parse("2024-03-29"),
//!     outlet: outlet.into(),
//!     ..Default::default()
//! };
//! let stories = cluster_stories(
//!     &[
//!         a(1, "Bộ trưởng Bùi Thanh Sơn hội đàm với Ngoại trưởng Australia", "VietnamPlus"),
//!         a(2, "Việt Nam - Australia thúc đẩy hợp tác năng lượng", "Báo Tin tức"),
//!     ],
//!     &Publishers::builtin(),
//!     &StoryParams::default(),
//! );
//! assert_eq!(stories.len(), 1);
//! assert_eq!(stories[0].articles, vec![1, 2]);
//! assert_eq!(stories[0].corroboration, 1); // one family: TTXVN
//! ```
//!
//! **Architecture invariant:** pure code: no I/O, no async, no global mutable state (threads
//! only to spread hashing and segmentation over the cores). Callers read files (a user's
//! publisher list) and pass their text in.

mod day;
mod index;
mod minhash;
mod publishers;
mod shingle;
mod stories;

pub use day::Day;
pub use index::{DedupIndex, near_duplicate_groups, signatures};
pub use minhash::{Hasher, Params, Signature, SignatureError, Similarity};
pub use publishers::{PublisherError, Publishers};
pub use stories::{Story, StoryArticle, StoryParams, cluster_stories};
