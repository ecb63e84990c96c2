//! Stage 4: the events an article reports, read from its sentences and entities.

use crate::{DocContext, Entity, EntityKind, Event, EventKind, EventStatus, Participant};

const TRIGGERS: &[(&str, EventKind, &str)] =
    &[("điện đàm", EventKind::PhoneCall, "041"), ("hội đàm", EventKind::Talks, "046")];

/// Finds the events of `text`.
pub fn find(text: &str, entities: &[Entity], _ctx: &DocContext) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '.' | '\n') || end == text.len() {
            let sentence = &text[start..end];
            let lower = sentence.to_lowercase();
            for &(cue, kind, cameo) in TRIGGERS {
                if lower.contains(cue) && !events.iter().any(|e| e.kind == kind) {
                    let participants = entities
                        .iter()
                        .filter(|e| e.kind == EntityKind::Per && e.span.start >= start && e.span.end <= end)
                        .map(|e| Participant { name: e.canonical.clone(), role: None, country: None })
                        .collect();
                    events.push(Event {
                        kind,
                        cameo: cameo.into(),
                        trigger: cue.into(),
                        date: None,
                        time_of_day: None,
                        location: None,
                        participants,
                        status: EventStatus::Happened,
                        main: events.is_empty(),
                        sentence: sentence.trim().to_string(),
                        sentence_start: 0,
                        sentence_end: 0,
                        rule: format!("skeleton/trigger:{cue}"),
                        sentence_span: start..end,
                    });
                }
            }
            start = end;
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_call_trigger_makes_an_event() {
        let ev = find("Chiều 12/12, hai bên điện đàm.", &[], &DocContext::default());
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].kind, EventKind::PhoneCall);
        assert!(ev[0].main);
    }
}
