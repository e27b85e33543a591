//! Running `tre` against a temporary data directory, and making test articles.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds");

/// A scratch data directory and the `tre` binary pointed at it.
pub struct Tre {
    pub dir: tempfile::TempDir,
    pub database: Option<String>,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Tre {
    pub fn new() -> Tre {
        Tre {
            dir: tempfile::tempdir().expect("temp dir"),
            database: None,
        }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A folder inside the scratch directory for input files.
    pub fn inputs(&self, name: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(&p).unwrap();
        p
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tre"));
        c.arg("--data").arg(self.data());
        c.env_remove("TRE_DATABASE_URL").env_remove("TRE_DATA");
        if let Some(db) = &self.database {
            c.arg("--database").arg(db);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command().args(args).output().expect("run tre").into()
    }

    /// Runs and insists on success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "tre {args:?} failed:\n{}\n{}",
            r.stdout, r.stderr
        );
        r
    }

    pub fn ingest(&self, path: &Path) -> Run {
        self.run(&["ingest", path.to_str().unwrap()])
    }

    pub fn search_ids(&self, query: &str, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["search", "--json", "--limit", "50"];
        args.extend_from_slice(extra);
        args.push("--");
        args.push(query);
        let v = self.ok(&args).json();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect()
    }

    pub fn stats(&self) -> Value {
        self.ok(&["stats", "--json"]).json()
    }
}

/// A test article: (id, title, text, published, outlet).
pub type Row<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

/// Writes a JSON Lines file of articles.
pub fn write_jsonl(path: &Path, articles: &[Row<'_>]) {
    let mut s = String::new();
    for (id, title, text, published, outlet) in articles {
        let mut o = serde_json::json!({"id": id, "title": title, "text": text});
        if let Some(p) = published {
            o["published"] = (*p).into();
        }
        if let Some(x) = outlet {
            o["outlet"] = (*x).into();
        }
        s.push_str(&o.to_string());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

/// Deterministic filler prose (from the seeds' vocabulary) that mentions `topic`.
pub fn prose(i: usize, topic: &str) -> String {
    const SENTENCES: &[&str] = &[
        "Các cơ quan đại diện cần tăng cường công tác nghiên cứu.",
        "Ngành ngoại giao triển khai đồng bộ các nhiệm vụ được giao.",
        "Hoạt động đối ngoại góp phần giữ vững môi trường hòa bình, ổn định.",
        "Công tác bảo hộ công dân tiếp tục được quan tâm.",
        "Ngoại giao kinh tế được xác định là trung tâm.",
        "Các đại biểu thảo luận về phương hướng thời gian tới.",
    ];
    let mut out = String::new();
    for k in 0..4 {
        out.push_str(SENTENCES[(i + k) % SENTENCES.len()]);
        out.push(' ');
    }
    out.push_str(topic);
    out.push_str("\nĐoạn hai của bài. ");
    out.push_str(SENTENCES[(i * 7) % SENTENCES.len()]);
    out
}
