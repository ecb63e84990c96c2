//! The command itself: arguments (lexopt), reading files, printing
//! documents (serde_json) and reports (csv), batches on all cores (rayon).

use rayon::prelude::*;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;
use vnextract::report::{self, Document, Table};
use vnextract::{ErrorKind, Extraction, Options, Ymd};
use vnextract::{Format, Input};

const USAGE: &str = "\
usage: vnextract [OPTIONS] FILE...      (FILE may be - for standard input)

Prints the JSON document for each page: one document for one file, one JSON
object per line (JSONL, with a \"file\" field) for several.

options:
  --pretty                indent the JSON (one file only)
  --no-clean              skip the cleaner: entities and events on the text as given
  --html                  read the input as HTML (implied for .html/.htm files,
                          and for text that is HTML source: a warning says so)
  --text                  read the input as plain text, even if it looks like HTML
  --reference-date DATE   YYYY-MM-DD: the year for dates the page gives without one
  --max-bytes N           refuse inputs larger than N bytes (default 8388608)
  --lossy                 read invalid UTF-8 with U+FFFD instead of refusing it
                          (an `invalid-utf8` warning in the document says so)
  --timeline              instead of the documents, one merged timeline of the
                          events of all FILEs, as JSON lines: one event a line,
                          {date, time_of_day, type, cameo, status, location,
                          participants, sources: [{file, title, main, sentence}]};
                          the same event in several files is one line; dates
                          with a year first, then open years (--MM-DD), then
                          undated events
  --events-csv            instead of the documents, the events of all FILEs as
                          CSV with CAMEO codes: document,title,published,source,
                          main,type,cameo,date,time_of_day,status,location,
                          participants,trigger,sentence,sentence_start,
                          sentence_end,rule
  --entities-csv          instead of the documents, the entities of all FILEs
                          as CSV: document,title,published,source,type,text,
                          start,end,canonical,value,roles,country,rule
  -h, --help              this text
  -V, --version           the version

Several FILEs are read on all cores; RAYON_NUM_THREADS=N sets how many.

exit status: 0 every input read; 1 some input could not be read (missing,
unreadable, not UTF-8, larger than --max-bytes: the message names it, and the
other inputs are still printed); 2 bad options.
";

/// What the command line asks for.
struct Cli {
    options: Options,
    pretty: bool,
    format: Format,
    lossy: bool,
    report: Option<Report>,
    files: Vec<OsString>,
}

/// One output over all files instead of a document each.
#[derive(Clone, Copy, PartialEq)]
enum Report {
    Timeline,
    Csv(Table),
}

const ONE_REPORT: &str =
    "--timeline, --events-csv and --entities-csv print different things: give one";

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Cli>, String> {
    use lexopt::prelude::*;
    let mut cli = Cli {
        options: Options::default(),
        pretty: false,
        format: Format::Auto,
        lossy: false,
        report: None,
        files: Vec::new(),
    };
    let (mut html, mut text) = (false, false);
    let set_report = |cli: &mut Cli, r: Report| match cli.report {
        Some(had) if had != r => Err(ONE_REPORT.to_string()),
        _ => {
            cli.report = Some(r);
            Ok(())
        }
    };
    let mut p = lexopt::Parser::from_iter(std::iter::once(OsString::from("vnextract")).chain(args));
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("vnextract {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Long("pretty") => cli.pretty = true,
            Long("no-clean") => cli.options.clean = false,
            Long("html") => html = true,
            Long("text") => text = true,
            Long("lossy") => cli.lossy = true,
            Long("timeline") => set_report(&mut cli, Report::Timeline)?,
            Long("events-csv") => set_report(&mut cli, Report::Csv(Table::Events))?,
            Long("entities-csv") => set_report(&mut cli, Report::Csv(Table::Entities))?,
            Long("reference-date") => {
                let v = p
                    .value()
                    .map_err(|_| "--reference-date needs a date, YYYY-MM-DD")?;
                let v = v.to_string_lossy();
                cli.options.reference_date = Some(v.parse::<Ymd>().map_err(|e| e.to_string())?);
            }
            Long("max-bytes") => {
                let v = p.value().map_err(|_| "--max-bytes needs a number")?;
                let v = v.to_string_lossy();
                cli.options.max_input_bytes = v
                    .parse()
                    .map_err(|_| format!("--max-bytes: not a number: {v:?}"))?;
            }
            Value(file) => cli.files.push(file),
            Short(c) => return Err(format!("unknown option \"-{c}\"")),
            Long(o) => return Err(format!("unknown option \"--{o}\"")),
        }
    }
    if cli.files.is_empty() {
        return Err("no input: give a FILE, or - for standard input".into());
    }
    cli.format = match (html, text) {
        (true, true) => return Err("--html and --text contradict each other: give one".into()),
        (true, false) => Format::Html,
        (false, true) => Format::Text,
        (false, false) => Format::Auto,
    };
    Ok(Some(cli))
}

/// Reads one input, at most `max` bytes of it: a larger input is refused
/// whole (never cut short), with its size when the file system knows it.
fn read_input(file: &str, max: usize) -> Result<Vec<u8>, String> {
    let limit = max.saturating_add(1) as u64;
    let mut bytes = Vec::new();
    let known_len = if file == "-" {
        io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("standard input: {e}"))?;
        None
    } else {
        let f = std::fs::File::open(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
        let len = f.metadata().ok().map(|m| m.len());
        f.take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{file}: cannot read: {e}"))?;
        len
    };
    if bytes.len() > max {
        let size = known_len.map_or_else(String::new, |n| format!("{n} bytes, "));
        return Err(format!(
            "{file}: the input is {size}more than the limit of {max} bytes; it was not processed \
             (never cut short): split it, or raise the limit with --max-bytes"
        ));
    }
    Ok(bytes)
}

/// What one file gave: its document, or the message why not, and the notes
/// on how it was read (for the terminal; they are in the document too).
struct Done {
    result: Result<Extraction, String>,
    notes: Vec<String>,
}

/// Reads one input and runs the pipeline on it.
fn process(cli: &Cli, file: &str) -> Done {
    let input = read_input(file, cli.options.max_input_bytes).and_then(|bytes| {
        Input::from_bytes(bytes, Some(file), cli.format, cli.lossy).map_err(|e| {
            let hint = if e.kind() == ErrorKind::InvalidUtf8 {
                " (--lossy)"
            } else {
                ""
            };
            format!("{file}: {e}{hint}")
        })
    });
    let input = match input {
        Ok(i) => i,
        Err(msg) => {
            return Done {
                result: Err(msg),
                notes: Vec::new(),
            }
        }
    };
    let notes = input
        .warnings
        .iter()
        .map(|w| format!("{file}: {}", w.message))
        .collect();
    Done {
        result: input
            .extract(&cli.options)
            .map_err(|e| format!("{file}: {e}")),
        notes,
    }
}

/// One document as the line(s) to print.
fn render(cli: &Cli, batch: bool, file: &str, x: &Extraction) -> Vec<u8> {
    let mut buf = if batch {
        let mut v = serde_json::to_value(x).expect("an Extraction always serialises");
        v.as_object_mut()
            .map(|o| o.insert("file".into(), file.into()));
        serde_json::to_vec(&v)
    } else if cli.pretty {
        serde_json::to_vec_pretty(x)
    } else {
        serde_json::to_vec(x)
    }
    .expect("an Extraction always serialises");
    buf.push(b'\n');
    buf
}

/// A table as CSV: the header, then the rows of every document.
fn write_csv(out: &mut impl Write, table: Table, docs: &[Document]) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(table.columns())?;
    for doc in docs {
        for row in table.rows(*doc) {
            w.write_record(&row)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The merged timeline, one entry a line.
fn write_timeline(out: &mut impl Write, docs: &[Document]) -> io::Result<()> {
    for entry in report::timeline(docs) {
        serde_json::to_writer(&mut *out, &entry)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn main() -> ExitCode {
    let cli = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(cli)) => cli,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("vnextract: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files: Vec<String> = cli
        .files
        .iter()
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    let batch = files.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    // Reports over all files keep their extractions until the end.
    let mut kept: Vec<(&str, Extraction)> = Vec::new();
    // Files go to the cores a window at a time, and each window is printed
    // in order before the next starts: order kept, memory bounded.
    let window = rayon::current_num_threads() * 16;
    for chunk in files.chunks(window) {
        let done: Vec<(Done, Option<Vec<u8>>)> = chunk
            .par_iter()
            .map(|file| {
                let d = process(&cli, file);
                let line = match (&d.result, cli.report) {
                    (Ok(x), None) => Some(render(&cli, batch, file, x)),
                    _ => None,
                };
                (d, line)
            })
            .collect();
        for (file, (d, line)) in chunk.iter().zip(done) {
            for n in &d.notes {
                eprintln!("vnextract: warning: {n}");
            }
            match d.result {
                Ok(x) => {
                    if let Some(line) = line {
                        if out.write_all(&line).is_err() {
                            return ExitCode::from(1); // stdout closed: nothing more to say
                        }
                    } else {
                        kept.push((file, x));
                    }
                }
                Err(msg) => {
                    eprintln!("vnextract: {msg}");
                    failed = true;
                }
            }
        }
    }
    let docs: Vec<Document> = kept
        .iter()
        .map(|(name, extraction)| Document { name, extraction })
        .collect();
    let reported = match cli.report {
        Some(Report::Csv(table)) => write_csv(&mut out, table, &docs),
        Some(Report::Timeline) => write_timeline(&mut out, &docs),
        None => Ok(()),
    };
    if reported.is_err() || out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
