//! The `vnextract` command: reads pages from files or standard input and
//! prints vnextract's JSON document for each. It converts and does I/O only;
//! every rule lives in the library.

use std::io::{self, Read, Write};
use std::process::ExitCode;
use vnextract::report::{self, Document, Table};
use vnextract::{extract, extract_html, Extraction, Options, Warning, WarningCode, Ymd};

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
                          participants, sources: [{file, main, sentence}]};
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

exit status: 0 every input read; 1 some input could not be read (missing,
unreadable, not UTF-8, larger than --max-bytes: the message names it, and the
other inputs are still printed); 2 bad options.
";

const ONE_REPORT: &str =
    "--timeline, --events-csv and --entities-csv print different things: give one";

/// The table to print, refusing a second, different one.
fn set_table(had: Option<Table>, t: Table) -> Result<Option<Table>, String> {
    match had {
        Some(h) if h != t => Err(ONE_REPORT.into()),
        _ => Ok(Some(t)),
    }
}

struct Cli {
    options: Options,
    pretty: bool,
    html: bool,
    text: bool,
    lossy: bool,
    timeline: bool,
    table: Option<Table>,
    files: Vec<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Cli>, String> {
    let mut cli = Cli {
        options: Options::default(),
        pretty: false,
        html: false,
        text: false,
        lossy: false,
        timeline: false,
        table: None,
        files: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("vnextract {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--pretty" => cli.pretty = true,
            "--no-clean" => cli.options.clean = false,
            "--html" => cli.html = true,
            "--text" => cli.text = true,
            "--lossy" => cli.lossy = true,
            "--timeline" => cli.timeline = true,
            "--events-csv" => cli.table = set_table(cli.table, Table::Events)?,
            "--entities-csv" => cli.table = set_table(cli.table, Table::Entities)?,
            "--reference-date" => {
                let v = args
                    .next()
                    .ok_or("--reference-date needs a date, YYYY-MM-DD")?;
                cli.options.reference_date = Some(v.parse::<Ymd>().map_err(|e| e.to_string())?);
            }
            "--max-bytes" => {
                let v = args.next().ok_or("--max-bytes needs a number")?;
                cli.options.max_input_bytes = v
                    .parse()
                    .map_err(|_| format!("--max-bytes: not a number: {v:?}"))?;
            }
            "-" => cli.files.push(a),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}")),
            _ => cli.files.push(a),
        }
    }
    if cli.files.is_empty() {
        return Err("no input: give a FILE, or - for standard input".into());
    }
    if cli.html && cli.text {
        return Err("--html and --text contradict each other: give one".into());
    }
    if cli.timeline && cli.table.is_some() {
        return Err(ONE_REPORT.into());
    }
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

/// Whether text given as plain text is HTML source (a "view source" paste,
/// or a saved page under another name): it opens with a doctype or `<html>`,
/// or starts with a tag and has several block tags.
fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let opening: String = head
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if opening.starts_with("<!doctype html") || opening.starts_with("<html") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "<div", "<br", "<h1", "<h2", "<li", "<body", "<article", "<span",
    ];
    head.starts_with('<')
        && tags
            .iter()
            .map(|t| lower.matches(t).take(3).count())
            .sum::<usize>()
            >= 3
}

/// A warning for the document (as well as for the terminal).
fn warning(code: WarningCode, message: String) -> Warning {
    Warning { code, message }
}

/// Reads one input and runs the pipeline on it. Notes about the input go in
/// the document's warnings too, so they survive in JSONL output.
fn process(cli: &Cli, file: &str) -> Result<(Extraction, Vec<Warning>), String> {
    let bytes = read_input(file, cli.options.max_input_bytes)?;
    let mut notes = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if cli.lossy => {
            let at = e.utf8_error().valid_up_to();
            notes.push(warning(
                WarningCode::InvalidUtf8,
                format!("{file}: invalid UTF-8 at byte {at}; read with replacement characters (U+FFFD)"),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
        Err(e) => {
            return Err(format!(
                "{file}: not valid UTF-8 (first bad byte at offset {}); save it as UTF-8, or pass --lossy",
                e.utf8_error().valid_up_to()
            ))
        }
    };
    let lower = file.to_ascii_lowercase();
    let named_html = lower.ends_with(".html") || lower.ends_with(".htm");
    let sniffed = !cli.html && !named_html && !cli.text && looks_like_html(&text);
    if sniffed {
        notes.push(warning(
            WarningCode::HtmlSource,
            format!("{file}: the text is HTML source; it was read as HTML (--text reads it as plain text)"),
        ));
    }
    let as_html = !cli.text && (cli.html || named_html || sniffed);
    let result = if as_html {
        extract_html(&text, &cli.options)
    } else {
        extract(&text, &cli.options)
    };
    let mut x = result.map_err(|e| format!("{file}: {e}"))?;
    x.warnings.extend(notes.iter().cloned());
    Ok((x, notes))
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

fn main() -> ExitCode {
    let cli = match parse_args(std::env::args().skip(1)) {
        Ok(Some(cli)) => cli,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("vnextract: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let batch = cli.files.len() > 1;
    let mut failed = false;
    // Reports over all files keep their extractions until the end.
    let mut kept: Vec<(String, Extraction)> = Vec::new();
    for file in &cli.files {
        match process(&cli, file) {
            Ok((x, notes)) => {
                for n in notes {
                    eprintln!("vnextract: warning: {}", n.message);
                }
                if cli.timeline || cli.table.is_some() {
                    kept.push((file.clone(), x));
                    continue;
                }
                let written = if batch {
                    let mut v = serde_json::to_value(&x).expect("an Extraction always serialises");
                    v.as_object_mut()
                        .map(|o| o.insert("file".into(), file.clone().into()));
                    serde_json::to_writer(&mut out, &v)
                } else if cli.pretty {
                    serde_json::to_writer_pretty(&mut out, &x)
                } else {
                    serde_json::to_writer(&mut out, &x)
                };
                if written.is_err() || writeln!(out).is_err() {
                    return ExitCode::from(1); // stdout closed: nothing more to say
                }
            }
            Err(msg) => {
                eprintln!("vnextract: {msg}");
                failed = true;
            }
        }
    }
    let docs: Vec<Document> = kept
        .iter()
        .map(|(name, extraction)| Document { name, extraction })
        .collect();
    let reported = if let Some(table) = cli.table {
        write_csv(&mut out, table, &docs)
    } else if cli.timeline {
        write_timeline(&mut out, &docs)
    } else {
        Ok(())
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
