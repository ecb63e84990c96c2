//! Events as CSV, one row an event, with CAMEO codes, so that they can be
//! joined with event datasets (GDELT, ICEWS). JSON needs nothing here: every
//! event in vnextract's JSON carries its `cameo`.

use crate::{Event, Participant};

/// The header row.
pub const CSV_HEADER: &str =
    "file,main,date,time_of_day,type,cameo,status,location,participants,trigger,rule,sentence\n";

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

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The rows for the events of one file (no header).
pub fn csv_rows(file: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for e in events {
        let people: Vec<String> = e.participants.iter().map(participant_label).collect();
        let status = match e.status {
            crate::EventStatus::Happened => "happened",
            crate::EventStatus::Planned => "planned",
            crate::EventStatus::Ongoing => "ongoing",
        };
        let row = [
            cell(file),
            e.main.to_string(),
            cell(e.date.as_deref().unwrap_or("")),
            cell(e.time_of_day.as_deref().unwrap_or("")),
            e.kind.id().to_string(),
            cell(&e.cameo),
            status.to_string(),
            cell(e.location.as_deref().unwrap_or("")),
            cell(&people.join("; ")),
            cell(&e.trigger),
            cell(&e.rule),
            cell(&e.sentence),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventKind, EventStatus};

    #[test]
    fn rows_quote_what_needs_quoting() {
        let e = Event {
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
            sentence_start: 0,
            sentence_end: 0,
            rule: "events/trigger:talks:hội đàm".into(),
            sentence_span: 0..0,
        };
        let row = csv_rows("a.txt", &[e]);
        assert_eq!(
            row,
            "a.txt,true,--02-14,,talks,046,happened,Hà Nội,\"Trần Văn A (Bộ trưởng, Việt Nam); B\",hội đàm,events/trigger:talks:hội đàm,\"Ngày 14/2, hai bên \"\"hội đàm\"\".\"\n"
        );
        assert_eq!(CSV_HEADER.trim_end().split(',').count(), 12);
    }
}
