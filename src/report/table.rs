//! The entity and event tables: their columns, defined once, and each
//! row's values. The CLI hands the rows to the `csv` crate; [`to_csv`] writes
//! the same bytes without it, for the wasm build.
//!
//! Every row starts with the article's provenance (`document`, `title`,
//! `published`, `source`), so that the tables of many articles can be
//! concatenated and joined. Values are as in the JSON document: ISO dates,
//! `true`/`false`, UTF-16 offsets; lists are joined with `"; "`.

use super::Document;
use crate::{Entity, Event, EventStatus, Participant};

/// A table the reports can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// One event a row, with its CAMEO code, so that events can be joined
    /// with event datasets (GDELT, ICEWS).
    Events,
    /// One entity mention a row.
    Entities,
}

const EVENT_COLUMNS: &[&str] = &[
    "document",
    "title",
    "published",
    "source",
    "main",
    "type",
    "cameo",
    "date",
    "time_of_day",
    "status",
    "location",
    "participants",
    "trigger",
    "sentence",
    "sentence_start",
    "sentence_end",
    "rule",
];

const ENTITY_COLUMNS: &[&str] = &[
    "document",
    "title",
    "published",
    "source",
    "type",
    "text",
    "start",
    "end",
    "canonical",
    "value",
    "roles",
    "country",
    "rule",
];

impl Table {
    /// Both tables.
    pub const ALL: &'static [Table] = &[Table::Events, Table::Entities];

    /// `events` or `entities`.
    pub fn id(self) -> &'static str {
        match self {
            Table::Events => "events",
            Table::Entities => "entities",
        }
    }

    /// The header row.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Events => EVENT_COLUMNS,
            Table::Entities => ENTITY_COLUMNS,
        }
    }

    /// The rows of one article, each as long as [`Table::columns`].
    pub fn rows(self, doc: Document) -> Vec<Vec<String>> {
        let x = doc.extraction;
        let head = [
            text(doc.name),
            text(x.title.as_deref().unwrap_or("")),
            x.published.clone().unwrap_or_default(),
            text(x.source.as_deref().unwrap_or("")),
        ];
        let with_head = |rest: Vec<String>| head.iter().cloned().chain(rest).collect();
        match self {
            Table::Events => x.events.iter().map(event_row).map(with_head).collect(),
            Table::Entities => x.entities.iter().map(entity_row).map(with_head).collect(),
        }
    }
}

fn event_row(e: &Event) -> Vec<String> {
    let people: Vec<String> = e.participants.iter().map(participant_label).collect();
    let status = match e.status {
        EventStatus::Happened => "happened",
        EventStatus::Planned => "planned",
        EventStatus::Ongoing => "ongoing",
    };
    vec![
        e.main.to_string(),
        e.kind.id().to_string(),
        e.cameo.clone(),
        e.date.clone().unwrap_or_default(),
        e.time_of_day.clone().unwrap_or_default(),
        status.to_string(),
        text(e.location.as_deref().unwrap_or("")),
        text(&people.join("; ")),
        text(&e.trigger),
        text(&e.sentence),
        e.sentence_start.to_string(),
        e.sentence_end.to_string(),
        e.rule.to_string(),
    ]
}

fn entity_row(e: &Entity) -> Vec<String> {
    vec![
        e.kind.id().to_string(),
        text(&e.text),
        e.start.to_string(),
        e.end.to_string(),
        text(&e.canonical),
        e.value.clone().unwrap_or_default(),
        text(&e.roles.join("; ")),
        text(e.country.as_deref().unwrap_or("")),
        e.rule.to_string(),
    ]
}

/// A participant as one cell part: `Name (Role, Country)`.
pub fn participant_label(p: &Participant) -> String {
    let extra: Vec<&str> = [p.role.as_deref(), p.country.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if extra.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, extra.join(", "))
    }
}

/// A cell of text taken from the page. A spreadsheet would run text that
/// starts like a formula (`=`, `+`, `@`, a tab or CR, or `-` before
/// something that is not a number), so such text gets a leading
/// apostrophe. Values the core writes itself (dates, codes, numbers, rule
/// ids) follow fixed grammars and are left exactly as in the JSON.
fn text(s: &str) -> String {
    let formula = match s.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => !s[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b','),
        _ => false,
    };
    if formula {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// One CSV field: quoted when it holds a comma, a quote or a line break
/// (RFC 4180; what the `csv` crate's writer does by default).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// The table of all `docs` as CSV: the header, then each article's rows in
/// order; CRLF line ends (RFC 4180), no byte-order mark.
pub fn to_csv(table: Table, docs: &[Document]) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&field(c));
        }
        out.push_str("\r\n");
    };
    line(&mut table.columns().iter().copied());
    for doc in docs {
        for row in table.rows(*doc) {
            line(&mut row.iter().map(String::as_str));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, EventKind, Extraction};

    /// The columns every table starts with: which article a row comes from.
    const PROVENANCE: [&str; 4] = ["document", "title", "published", "source"];

    fn event() -> Event {
        Event {
            kind: EventKind::Talks,
            cameo: "046".into(),
            trigger: "hội đàm".into(),
            date: Some("--02-14".into()),
            time_of_day: None,
            location: Some("Hà Nội".into()),
            participants: vec![
                Participant {
                    name: "Trần Văn A".into(),
                    role: Some("Bộ trưởng".into()),
                    country: Some("Việt Nam".into()),
                },
                Participant {
                    name: "B".into(),
                    role: None,
                    country: None,
                },
            ],
            status: EventStatus::Happened,
            main: true,
            sentence: "Ngày 14/2, hai bên \"hội đàm\".".into(),
            sentence_start: 12,
            sentence_end: 40,
            rule: crate::RuleId::trigger(EventKind::Talks, "hội đàm"),
            sentence_span: 0..0,
        }
    }

    fn doc() -> Extraction {
        Extraction {
            title: Some("=Tiêu đề, thử".into()),
            published: Some("2025-02-14T09:30".into()),
            events: vec![event()],
            entities: vec![Entity {
                kind: EntityKind::Per,
                text: "Trần Văn A".into(),
                start: 3,
                end: 13,
                canonical: "Trần Văn A".into(),
                value: None,
                roles: vec!["Bộ trưởng".into(), "Phó Thủ tướng".into()],
                country: Some("Việt Nam".into()),
                rule: crate::Rule::PerAfterTitle.into(),
                span: 0..0,
            }],
            ..Extraction::default()
        }
    }

    #[test]
    fn every_table_starts_with_provenance_and_rows_match_the_header() {
        let x = doc();
        let d = Document {
            name: "a.txt",
            extraction: &x,
        };
        for t in Table::ALL {
            assert_eq!(t.columns()[..4], PROVENANCE, "{t:?}");
            for row in t.rows(d) {
                assert_eq!(row.len(), t.columns().len(), "{t:?}");
                assert_eq!(
                    row[..4],
                    ["a.txt", "'=Tiêu đề, thử", "2025-02-14T09:30", ""]
                );
            }
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let x = doc();
        let d = [Document {
            name: "a.txt",
            extraction: &x,
        }];
        let csv = to_csv(Table::Events, &d);
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next().unwrap(), EVENT_COLUMNS.join(","));
        assert_eq!(
            lines.next().unwrap(),
            "a.txt,\"'=Tiêu đề, thử\",2025-02-14T09:30,,true,talks,046,--02-14,,happened,Hà Nội,\
             \"Trần Văn A (Bộ trưởng, Việt Nam); B\",hội đàm,\"Ngày 14/2, hai bên \"\"hội đàm\"\".\",\
             12,40,events/trigger:talks:hội đàm"
        );
        assert_eq!(lines.collect::<Vec<_>>(), [""]);
        let csv = to_csv(Table::Entities, &d);
        assert!(csv.ends_with(
            ",PER,Trần Văn A,3,13,Trần Văn A,,Bộ trưởng; Phó Thủ tướng,Việt Nam,per.after_title\r\n"
        ));
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_is_defused_but_numbers_are_not() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("-x"), "'-x");
        assert_eq!(text("-12,5"), "-12,5");
        assert_eq!(text("Hà Nội"), "Hà Nội");
        assert_eq!(text(""), "");
    }
}
