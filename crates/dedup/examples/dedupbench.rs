//! Throughput, time, peak memory and quality figures of tre-dedup on the bulk corpus.
//!
//! ```text
//! cargo run --release -p tre-dedup --example dedupbench -- \
//!     --bulk ../shared/corpus/bulk/vntc-train.jsonl.zst [--eval /work/eval/dedup] [--dump FILE]
//! ```

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;
use tre_dedup::{
    DedupIndex, Params, Publishers, Similarity, StoryArticle, StoryParams, cluster_stories,
    signatures,
};

struct Doc {
    key: String,
    title: String,
    text: String,
    outlet: String,
}

fn open(path: &str) -> Result<Box<dyn BufRead>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let read: Box<dyn Read> = if path.ends_with(".zst") {
        Box::new(zstd::Decoder::new(file).map_err(|e| format!("{path}: {e}"))?)
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::new(read)))
}

fn read_docs(path: &str) -> Result<Vec<Doc>, String> {
    let mut out = Vec::new();
    for (n, line) in open(path)?.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        out.push(Doc {
            key: s("id"),
            title: s("title"),
            text: tre_text::normalize(&s("text")),
            outlet: s("outlet"),
        });
    }
    Ok(out)
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("dedupbench: {e}");
        std::process::exit(2);
    }
}

fn parse_params(args: &[String]) -> Result<Params, String> {
    let mut p = Params::default();
    let mut i = 0;
    while i < args.len() {
        let v = || args.get(i + 1).ok_or(format!("{} needs a value", args[i]));
        let f = |s: &String| s.parse::<f64>().map_err(|e| format!("{s}: {e}"));
        let u = |s: &String| s.parse::<usize>().map_err(|e| format!("{s}: {e}"));
        match args[i].as_str() {
            "--shingle" => p.shingle_len = u(v()?)?,
            "--bands" => p.bands = u(v()?)?,
            "--rows" => p.rows = u(v()?)?,
            "--head-len" => p.head_len = u(v()?)?,
            "--min-jaccard" => p.min_jaccard = f(v()?)?,
            "--min-containment" => p.min_containment = f(v()?)?,
            "--containment-min-jaccard" => p.containment_min_jaccard = f(v()?)?,
            "--max-teaser" => p.max_teaser = u(v()?)?,
            "--head-bands" => p.head_bands = u(v()?)?,
            "--head-rows" => p.head_rows = u(v()?)?,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    Ok(p)
}

/// A labelled pair of the evaluation set: (a, b, label, kind, split).
type Pair = (String, String, bool, String, String);

fn read_pairs(path: &str) -> Result<Vec<Pair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            return Err(format!("{path}: bad line {line:?}"));
        }
        out.push((
            f[0].into(),
            f[1].into(),
            f[2] == "1",
            f[3].into(),
            f[4].into(),
        ));
    }
    Ok(out)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, truth: bool, said: bool) {
        match (truth, said) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let bulk = arg("--bulk").ok_or("usage: dedupbench --bulk FILE [--eval DIR] [--dump FILE]")?;
    let params = parse_params(&args)?;
    let t0 = Instant::now();
    let mut docs = read_docs(&bulk)?;
    let n_bulk = docs.len();
    let eval = arg("--eval");
    if let Some(dir) = &eval {
        docs.extend(read_docs(&format!("{dir}/docs.jsonl"))?);
    }
    let read_s = t0.elapsed().as_secs_f64();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "read {} articles ({} bulk, {:.1} MB) in {read_s:.2} s",
        docs.len(),
        n_bulk,
        bytes as f64 / 1e6
    );

    let t1 = Instant::now();
    let input: Vec<(u64, &str)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (i as u64, d.text.as_str()))
        .collect();
    let sigs = signatures(&params, &input);
    let sig_s = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let mut index = DedupIndex::new(params.clone());
    let mut edges = Vec::new();
    for (id, sig) in sigs {
        let found = index
            .add_signature(id, sig)
            .map_err(|e| format!("signature: {e}"))?;
        edges.extend(found.into_iter().map(|o| (o, id)));
    }
    let groups = index.duplicate_groups();
    let index_s = t2.elapsed().as_secs_f64();
    println!(
        "near-duplicates: signatures {sig_s:.2} s ({:.1} MB/s, {:.0} articles/s), index+groups {index_s:.2} s; \
         {} pairs, {} groups holding {} articles; peak RSS {:.0} MiB",
        bytes as f64 / 1e6 / sig_s,
        docs.len() as f64 / sig_s,
        edges.len(),
        groups.len(),
        groups.iter().map(|g| g.len()).sum::<usize>(),
        peak_rss_mib()
    );
    if let Some(dir) = &eval {
        let pairs = read_pairs(&format!("{dir}/pairs.tsv"))?;
        let pos: HashMap<&str, u64> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.key.as_str(), i as u64))
            .collect();
        let mut group_of: HashMap<u64, usize> = HashMap::new();
        for (g, members) in index.groups().iter().enumerate() {
            for &m in members {
                group_of.insert(m, g);
            }
        }
        let mut by_split: std::collections::BTreeMap<String, Counts> = Default::default();
        let mut by_kind: std::collections::BTreeMap<(String, String), Counts> = Default::default();
        let mut errors = Vec::new();
        for (a, b, truth, kind, split) in &pairs {
            let (Some(&x), Some(&y)) = (pos.get(a.as_str()), pos.get(b.as_str())) else {
                return Err(format!("pair {a} {b}: unknown document"));
            };
            let said = group_of.get(&x) == group_of.get(&y);
            by_split.entry(split.clone()).or_default().add(*truth, said);
            by_kind
                .entry((split.clone(), kind.clone()))
                .or_default()
                .add(*truth, said);
            if *truth != said {
                errors.push((
                    split.clone(),
                    kind.clone(),
                    a.clone(),
                    b.clone(),
                    *truth,
                    x,
                    y,
                ));
            }
        }
        for (split, c) in &by_split {
            println!(
                "duplicate pairs, {split}: precision {:.3} recall {:.3} (tp {} fp {} fn {} tn {})",
                c.precision(),
                c.recall(),
                c.tp,
                c.fp,
                c.fn_,
                c.tn
            );
        }
        for ((split, kind), c) in &by_kind {
            println!(
                "  {split:8} {kind:26} tp {:4} fp {:3} fn {:3} tn {:4}",
                c.tp, c.fp, c.fn_, c.tn
            );
        }
        if args.iter().any(|a| a == "--errors") {
            for (split, kind, a, b, truth, x, y) in &errors {
                let s = match (index.signature_of(*x), index.signature_of(*y)) {
                    (Some(p), Some(q)) => Similarity::of(p, q),
                    _ => continue,
                };
                let (sx, sy) = (index.signature_of(*x), index.signature_of(*y));
                println!(
                    "  error {split} {kind} truth={truth} {a} {b} J={:.3} C={:.3} HC={:.3} n={:?}/{:?}",
                    s.jaccard,
                    s.containment,
                    s.head_containment,
                    sx.map(|s| s.shingles),
                    sy.map(|s| s.shingles)
                );
            }
        }
    }
    if let Some(path) = arg("--dump") {
        let mut out = String::new();
        for &(a, b) in &edges {
            let (da, db) = (&docs[a as usize], &docs[b as usize]);
            let s = match (index.signature_of(a), index.signature_of(b)) {
                (Some(x), Some(y)) => Similarity::of(x, y),
                _ => continue,
            };
            out.push_str(&format!(
                "{:.3}\t{:.3}\t{:.3}\t{}\t{}\t{}\t{}\n",
                s.jaccard, s.containment, s.head_containment, da.key, db.key, da.outlet, db.outlet
            ));
        }
        std::fs::write(&path, out).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    if !args.iter().any(|a| a == "--no-stories") {
        stories(&docs[..n_bulk], &args)?;
    }
    Ok(())
}

fn stories(docs: &[Doc], args: &[String]) -> Result<(), String> {
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let mut params = StoryParams::default();
    if let Some(v) = arg("--min-similarity") {
        params.min_similarity = v.parse().map_err(|e| format!("--min-similarity: {e}"))?;
    }
    let input: Vec<StoryArticle> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // VNTC's text repeats the title on its first line.
            let body = d.text.trim_start().split_once('\n').map_or("", |(_, b)| b);
            StoryArticle {
                id: i as u64,
                title: d.title.clone(),
                text: body.to_string(),
                published: None,
                outlet: d.outlet.clone(),
                source: None,
                entities: Vec::new(),
            }
        })
        .collect();
    let t = Instant::now();
    let stories = cluster_stories(&input, &Publishers::builtin(), &params);
    let secs = t.elapsed().as_secs_f64();
    let multi: Vec<_> = stories.iter().filter(|s| s.articles.len() > 1).collect();
    let largest = stories.iter().map(|s| s.articles.len()).max().unwrap_or(0);
    println!(
        "stories: {} articles in {secs:.2} s ({:.0} articles/s): {} stories, {} with several articles \
         (holding {}), largest {largest}, {} corroborated by 2+ families; peak RSS {:.0} MiB",
        input.len(),
        input.len() as f64 / secs,
        stories.len(),
        multi.len(),
        multi.iter().map(|s| s.articles.len()).sum::<usize>(),
        multi.iter().filter(|s| s.corroboration > 1).count(),
        peak_rss_mib()
    );
    if let Some(path) = arg("--stories-out") {
        let mut out = String::new();
        for s in &stories {
            let keys: Vec<&str> = s
                .articles
                .iter()
                .map(|&i| docs[i as usize].key.as_str())
                .collect();
            out.push_str(&format!("{}\t{}\n", keys.join(" "), s.title));
        }
        std::fs::write(&path, out).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    if let Some(path) = arg("--story-gold") {
        story_eval(&path, docs, &stories)?;
    }
    Ok(())
}

/// Pairwise precision and recall of stories on hand-checked clusters: a TSV of
/// `cluster<TAB>article key`. Only pairs of two labelled articles count.
fn story_eval(path: &str, docs: &[Doc], stories: &[tre_dedup::Story]) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let pos: HashMap<&str, u64> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.as_str(), i as u64))
        .collect();
    let mut story_of: HashMap<u64, u64> = HashMap::new();
    for s in stories {
        for &a in &s.articles {
            story_of.insert(a, s.id);
        }
    }
    let mut gold: Vec<(String, u64)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (c, key) = line
            .split_once('\t')
            .ok_or(format!("{path}: bad line {line:?}"))?;
        let id = pos
            .get(key.trim())
            .ok_or(format!("{path}: unknown article {key}"))?;
        gold.push((c.to_string(), *id));
    }
    let mut c = Counts::default();
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let truth = gold[i].0 == gold[j].0;
            let said = story_of.get(&gold[i].1) == story_of.get(&gold[j].1);
            c.add(truth, said);
        }
    }
    let clusters: std::collections::BTreeSet<&str> = gold.iter().map(|g| g.0.as_str()).collect();
    println!(
        "story pairs ({} articles in {} hand-checked clusters): precision {:.3} recall {:.3} \
         (tp {} fp {} fn {} tn {})",
        gold.len(),
        clusters.len(),
        c.precision(),
        c.recall(),
        c.tp,
        c.fp,
        c.fn_,
        c.tn
    );
    Ok(())
}
