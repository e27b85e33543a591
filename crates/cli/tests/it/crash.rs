//! Killing ingest with SIGKILL mid-run, then running it again, stores every article once.

use crate::support::{Tre, prose};
use std::io::Write;
use std::time::{Duration, Instant};

#[test]
fn sigkill_mid_ingest_then_rerun_stores_every_article_exactly_once() {
    let t = Tre::new();
    let dir = t.inputs("big");
    let n = 20_000;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("big.jsonl")).unwrap());
        for i in 0..n {
            let rec = serde_json::json!({
                "id": format!("a{i:05}"),
                "title": format!("Bản tin số {i}"),
                "text": prose(i, &format!("Mã riêng maso{i:05}x.")),
            });
            writeln!(f, "{rec}").unwrap();
        }
    }
    let path = dir.join("big.jsonl");
    // Start, wait until some but not all articles are committed, kill without warning.
    let mut child = t
        .command()
        .args(["ingest", path.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let db = t.data().join("tre.db");
    let start = Instant::now();
    let mut killed_mid_run = false;
    while start.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if db.exists() {
            let s = t.run(&["stats", "--json"]);
            if s.code == 0 {
                let stored = s.json()["articles"].as_i64().unwrap_or(0);
                if stored > 0 && stored < n as i64 {
                    child.kill().unwrap(); // SIGKILL on Unix
                    killed_mid_run = true;
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.wait();
    assert!(
        killed_mid_run,
        "the ingest finished before it could be killed; make the input larger"
    );

    let r = t.run(&["ingest", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let s = t.stats();
    assert_eq!(s["articles"], n, "every article stored: {s}");
    assert_eq!(s["index"]["documents"], n, "and indexed once: {s}");
    // A few articles, each found exactly once by its unique token.
    for i in [0, 1, n / 2, n - 1] {
        let ids = t.search_ids(&format!("maso{i:05}x"), &[]);
        assert_eq!(ids, [format!("a{i:05}")]);
    }
}
