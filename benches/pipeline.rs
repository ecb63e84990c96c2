//! Native benchmark of every stage and of the whole pipeline (issue 7).
//!
//! A plain program (`harness = false`, no criterion: it builds in seconds):
//!
//! ```sh
//! cargo bench --bench pipeline                       # all sizes, ~1 min
//! cargo bench --bench pipeline -- --quick            # fewer runs
//! cargo bench --bench pipeline -- --sizes 1KB,20KB   # some sizes only
//! cargo bench --bench pipeline -- --stages clean,events # some stages only
//! cargo bench --bench pipeline -- --write-inputs DIR # also write the inputs as DIR/<size>.txt
//! cargo bench --bench pipeline -- --json FILE        # also write the figures as JSON
//! cargo bench --bench pipeline -- --cold             # caches evicted before every run
//! ```
//!
//! Inputs are invented pages of 1 KB to 5 MB (`support/pages.rs`); when
//! `../shared/seeds` exists its pages are measured too (read at run time,
//! never copied). Times are this thread's CPU time on Linux (wall time
//! elsewhere), so that other work on a shared machine is not counted; each
//! figure is the best of several runs, with the median and the best wall
//! time beside it in the JSON. MB/s are megabytes (10^6 bytes) of the raw input per second, for every
//! stage, so that the stages' columns add up like their times.
//!
//! Linearity: for each stage the time at 5 MB over the time at 500 KB is
//! set against the size ratio; the exponent k in time ∝ size^k is printed,
//! and k > 1.2 is flagged as superlinear.
//!
//! Warm or cold: a small input run again and again stays in the caches
//! (its tokens, entities and the lists it probes), a 500 KB one does not,
//! so the warm figures make a linear stage look superlinear. `--cold`
//! writes over a buffer larger than the last-level cache before every
//! run (not timed): each run starts from memory, as one extraction of one
//! pasted page does (issue 16).

#[path = "support/pages.rs"]
mod pages;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use vnextract::internals::text::tokens::tokenize_all;
use vnextract::internals::{clean, entities, events, normalise, DocContext};
use vnextract::{Options, Ymd};

const STAGES: &[&str] = &[
    "normalise",
    "clean",
    "tokens",
    "entities",
    "events",
    "pipeline",
    "json",
];
/// Bytes written before each run with `--cold`: more than the caches hold.
const EVICT_BYTES: usize = 64 << 20;

/// `--cold` was given (read by [`measure`]).
static COLD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Pushes what the last run left in the caches out, by writing one byte a
/// cache line over a buffer larger than them.
fn evict_caches(buf: &mut [u8]) {
    for b in buf.iter_mut().step_by(64) {
        *b = b.wrapping_add(1);
    }
    std::hint::black_box(buf);
}

/// A single run longer than this stops that stage's larger sizes (a quadratic
/// stage would otherwise hold the bench for hours).
const TOO_SLOW: Duration = Duration::from_secs(20);

struct Args {
    quick: bool,
    sizes: Option<Vec<String>>,
    stages: Option<Vec<String>>,
    write_inputs: Option<PathBuf>,
    json: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        quick: false,
        sizes: None,
        stages: None,
        write_inputs: None,
        json: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quick" => a.quick = true,
            "--cold" => COLD.store(true, std::sync::atomic::Ordering::Relaxed),
            "--sizes" => a.sizes = it.next().map(|s| s.split(',').map(String::from).collect()),
            "--stages" => a.stages = it.next().map(|s| s.split(',').map(String::from).collect()),
            "--write-inputs" => a.write_inputs = it.next().map(PathBuf::from),
            "--json" => a.json = it.next().map(PathBuf::from),
            // `cargo bench` passes `--bench`; filters and the rest are ignored.
            _ => {}
        }
    }
    a
}

#[derive(Clone, Copy)]
struct Stats {
    /// Best and median time of one run, on the clock of [`now`].
    best: Duration,
    median: Duration,
    /// Best wall-clock time of one run.
    best_wall: Duration,
    runs: usize,
}

/// CPU time of this thread where the platform gives it (Linux), so that
/// other processes on a shared machine do not count; wall time elsewhere.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn now() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec to a valid pointer.
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return START.elapsed();
    }
    Duration::new(t.sec as u64, t.nsec as u32)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn now() -> Duration {
    START.elapsed()
}

static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

const CLOCK: &str = if cfg!(all(target_os = "linux", target_pointer_width = "64")) {
    "thread CPU time"
} else {
    "wall time"
};

/// Runs `f` until `min_time` has passed and at least `min_runs` runs were made.
fn measure(min_time: Duration, min_runs: usize, mut f: impl FnMut()) -> Stats {
    let started = Instant::now();
    let mut times = Vec::new();
    let mut best_wall = Duration::MAX;
    let mut evict = if COLD.load(std::sync::atomic::Ordering::Relaxed) {
        vec![0u8; EVICT_BYTES]
    } else {
        Vec::new()
    };
    while times.len() < min_runs || (started.elapsed() < min_time && times.len() < 100_000) {
        evict_caches(&mut evict);
        let (w, t) = (Instant::now(), now());
        f();
        let dt = now().saturating_sub(t);
        best_wall = best_wall.min(w.elapsed());
        times.push(dt);
        if dt > TOO_SLOW {
            break;
        }
    }
    times.sort();
    Stats {
        best: times[0],
        median: times[times.len() / 2],
        best_wall,
        runs: times.len(),
    }
}

/// Every stage of `raw`, each on the input the pipeline gives it.
fn bench_input(raw: &str, quick: bool, skip: &[&str]) -> Vec<(&'static str, Option<Stats>)> {
    let (min_time, min_runs) = if quick {
        (Duration::from_millis(150), 1)
    } else {
        (Duration::from_millis(800), 3)
    };
    let options = Options {
        max_input_bytes: usize::MAX,
        ..Options::default()
    };
    // The inputs of each stage, made once, as `extract` makes them.
    let legacy = normalise::legacy::detect(raw);
    let text = normalise::normalise(&normalise::legacy::convert(legacy, raw));
    let article = clean::clean_text(&text);
    let (joined, title_span) = article.joined_text();
    let anchor = article
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|d| d.parse::<Ymd>().ok());
    let ctx = DocContext { anchor, title_span };
    // Tokenised once for both stages, as `extract` does.
    let toks = tokenize_all(&joined);
    let ents = entities::find_tokenised(&joined, &toks, &ctx);
    let x = vnextract::extract(raw, &options).expect("the bench inputs are within the limit");

    let mut out = Vec::new();
    for &stage in STAGES {
        if skip.contains(&stage) {
            out.push((stage, None));
            continue;
        }
        let st = match stage {
            "normalise" => measure(min_time, min_runs, || {
                let legacy = normalise::legacy::detect(raw);
                std::hint::black_box(normalise::normalise(&normalise::legacy::convert(
                    legacy, raw,
                )));
            }),
            "clean" => measure(min_time, min_runs, || {
                std::hint::black_box(clean::clean_text(std::hint::black_box(&text)).joined_text());
            }),
            "tokens" => measure(min_time, min_runs, || {
                std::hint::black_box(tokenize_all(std::hint::black_box(&joined)));
            }),
            "entities" => measure(min_time, min_runs, || {
                let joined = std::hint::black_box(&joined);
                std::hint::black_box(entities::find_tokenised(joined, &toks, &ctx));
            }),
            "events" => measure(min_time, min_runs, || {
                let joined = std::hint::black_box(&joined);
                std::hint::black_box(events::find_tokenised(joined, &toks, &ents, &[], &ctx));
            }),
            "pipeline" => measure(min_time, min_runs, || {
                std::hint::black_box(vnextract::extract(std::hint::black_box(raw), &options).ok());
            }),
            _ => measure(min_time, min_runs, || {
                std::hint::black_box(serde_json::to_string(&x).ok());
            }),
        };
        out.push((stage, Some(st)));
    }
    out
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-12)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            Some((
                format!("seed:{}", p.file_stem()?.to_str()?.get(..3)?),
                std::fs::read_to_string(&p).ok()?,
            ))
        })
        .collect()
}

fn main() {
    let mut a = args();
    if cfg!(debug_assertions) {
        // `cargo test --all-targets` runs this unoptimised: a smoke run only,
        // since figures from a debug build mean nothing.
        println!("debug build: smoke run on 1KB and 20KB only (use cargo bench for figures)");
        a.quick = true;
        a.sizes = Some(vec!["1KB".into(), "20KB".into()]);
    }
    let mut inputs: Vec<(String, String)> = pages::SIZES
        .iter()
        .filter(|(name, _)| {
            a.sizes
                .as_ref()
                .map_or(true, |s| s.iter().any(|x| x == name))
        })
        .map(|(name, bytes)| (name.to_string(), pages::input(*bytes)))
        .collect();
    if let Some(dir) = &a.write_inputs {
        std::fs::create_dir_all(dir).expect("cannot create the inputs folder");
        for (name, text) in &inputs {
            std::fs::write(dir.join(format!("{name}.txt")), text).expect("cannot write an input");
        }
    }
    let sized = inputs.len();
    inputs.extend(seeds());

    println!(
        "native, {} build; {CLOCK}, best of N runs; MB/s of raw input (10^6 B/s)\n",
        if cfg!(debug_assertions) {
            "DEBUG"
        } else {
            "release"
        }
    );
    print!("{:<10} {:>9}", "input", "bytes");
    for s in STAGES {
        print!(" {:>10}", format!("{s}"));
    }
    println!(" {:>11} {:>5}", "pipeline ms", "runs");

    let mut too_slow: Vec<&str> = STAGES
        .iter()
        .copied()
        .filter(|s| {
            a.stages
                .as_ref()
                .is_some_and(|want| !want.iter().any(|w| w == s))
        })
        .collect();
    let mut rows = Vec::new();
    for (i, (name, raw)) in inputs.iter().enumerate() {
        let res = bench_input(raw, a.quick, &too_slow);
        print!("{:<10} {:>9}", name, raw.len());
        let mut stages = serde_json::Map::new();
        for (stage, st) in &res {
            match st {
                Some(st) => {
                    print!(" {:>10.1}", mbps(raw.len(), st.best));
                    if st.best > TOO_SLOW && i < sized {
                        too_slow.push(stage);
                    }
                    stages.insert(
                        stage.to_string(),
                        json!({
                            "best_ms": ms(st.best),
                            "median_ms": ms(st.median),
                            "best_wall_ms": ms(st.best_wall),
                            "runs": st.runs,
                            "mb_per_s": mbps(raw.len(), st.best),
                        }),
                    );
                }
                None => print!(" {:>10}", "skipped"),
            }
        }
        let pipe = res
            .iter()
            .find(|(s, _)| *s == "pipeline")
            .and_then(|(_, st)| *st);
        match pipe {
            Some(p) => println!(" {:>11.3} {:>5}", ms(p.best), p.runs),
            None => println!(),
        }
        rows.push(
            json!({"name": name, "bytes": raw.len(), "generated": i < sized, "stages": stages}),
        );
    }

    let lin = linearity(&rows);
    let budget = if cfg!(debug_assertions) {
        println!("\nnative budget: not checked in a debug build");
        Value::Null
    } else {
        native_budget(&rows)
    };
    if let Some(path) = &a.json {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let doc = json!({"machine": machine(), "clock": CLOCK, "inputs": rows, "linearity": lin, "budget": budget});
        std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap_or_default())
            .expect("cannot write the JSON");
    }
}

/// Time at the larger size over time at the smaller, against the size
/// ratio, for 20 KB -> 500 KB and 500 KB -> 5 MB.
fn linearity(rows: &[Value]) -> Value {
    let find = |n: &str| {
        rows.iter()
            .find(|r| r["name"] == n && r["generated"] == true)
    };
    let mut out = serde_json::Map::new();
    for (from, to) in [("20KB", "500KB"), ("500KB", "5MB")] {
        let (Some(small), Some(big)) = (find(from), find(to)) else {
            println!("\nlinearity {from} -> {to}: needs both inputs");
            continue;
        };
        let size_ratio =
            big["bytes"].as_f64().unwrap_or(1.0) / small["bytes"].as_f64().unwrap_or(1.0);
        println!(
            "\nlinearity, {from} -> {to} (size x{size_ratio:.2}); time ∝ size^k, k > 1.2 flagged"
        );
        let mut pair = serde_json::Map::new();
        for s in STAGES {
            let (Some(t1), Some(t2)) = (
                small["stages"][s]["best_ms"].as_f64(),
                big["stages"][s]["best_ms"].as_f64(),
            ) else {
                println!("  {s:<10} not measured at both sizes (too slow?)");
                pair.insert(s.to_string(), json!({"superlinear": Value::Null}));
                continue;
            };
            let ratio = t2 / t1.max(1e-9);
            let k = ratio.ln() / size_ratio.ln();
            let flag = k > 1.2;
            let verdict = match (flag, *s) {
                (true, "json") => "SUPERLINEAR (output writing, not a stage)",
                (true, _) => "SUPERLINEAR",
                _ => "linear",
            };
            println!(
                "  {s:<10} {t1:>9.2} ms -> {t2:>9.2} ms  time x{ratio:>6.2}  k = {k:.2}  {verdict}"
            );
            pair.insert(
                s.to_string(),
                json!({"time_ratio": ratio, "size_ratio": size_ratio, "k": k, "superlinear": flag}),
            );
        }
        out.insert(format!("{from}->{to}"), Value::Object(pair));
    }
    Value::Object(out)
}

/// The native speed budget: the whole pipeline at 20 MB/s or more on every
/// generated input of 20 KB and up (smaller ones are dominated by fixed costs).
fn native_budget(rows: &[Value]) -> Value {
    const FLOOR: f64 = 20.0;
    let worst = rows
        .iter()
        .filter(|r| r["generated"] == true && r["bytes"].as_u64().unwrap_or(0) >= 19_000)
        .filter_map(|r| {
            Some((
                r["name"].as_str()?.to_string(),
                r["stages"]["pipeline"]["mb_per_s"].as_f64()?,
            ))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match worst {
        Some((name, v)) => {
            let pass = v >= FLOOR;
            println!("\n{} native pipeline >= {FLOOR} MB/s (inputs >= 20 KB): slowest {v:.1} MB/s at {name}", if pass { "PASS" } else { "FAIL" });
            json!({"floor_mb_per_s": FLOOR, "slowest_mb_per_s": v, "at": name, "pass": pass})
        }
        None => Value::Null,
    }
}

fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|s| {
        s.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split(':').nth(1))
            .map(|s| s.trim().to_string())
    });
    json!({
        "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "cpu": cpu,
    })
}
