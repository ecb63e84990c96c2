//! What the photo captions add: the day of an act the text leaves undated.
//!
//! A caption often tells the article's act again with its day ("X trong
//! cuộc điện đàm với Y chiều 15/8") where the text says only "chiều nay"
//! on a page that gives no date. The captions are read as small texts of
//! their own; an act they date lends its day to the article's event of the
//! same type with the same people, when that event has no date of its own.

use super::merge::Cluster;
use super::participants;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::text::tokens::tokenize;
use crate::values::date::EventDate;
use crate::{DocContext, EventKind, Participant};
use std::sync::LazyLock;

/// "Ảnh tư liệu", "ảnh minh họa": a photo of another occasion.
static ARCHIVE: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/archive_photos.txt"),
        Mode::AnyCase,
    )
});

/// One dated act a caption tells.
#[derive(Debug)]
pub struct Witness {
    kind: EventKind,
    date: EventDate,
    time_of_day: Option<String>,
    persons: Vec<Participant>,
}

/// The dated acts with named people that `captions` tell, read with the
/// page's date of `ctx`.
pub fn witnesses(captions: &[String], ctx: &DocContext) -> Vec<Witness> {
    let ctx = DocContext {
        anchor: ctx.anchor,
        title_span: None,
    };
    let mut out = Vec::new();
    for caption in captions.iter().filter(|c| !is_archive(c)) {
        let entities = crate::entities::find(caption, &ctx);
        for e in super::find(caption, &entities, &ctx) {
            let Some(date) = e.date.as_deref().and_then(EventDate::parse) else {
                continue;
            };
            if e.participants.is_empty() {
                continue;
            }
            out.push(Witness {
                kind: e.kind,
                date,
                time_of_day: e.time_of_day,
                persons: e.participants,
            });
        }
    }
    out
}

/// Gives each undated, untied event of `listed` (indices into `clusters`)
/// the day the captions give the same act: same type, and every person the
/// caption names among the event's people. Two captions that disagree on
/// the day give none.
pub fn date_undated(clusters: &mut [Cluster], listed: &[usize], witnesses: &[Witness]) {
    if witnesses.is_empty() {
        return;
    }
    for &c in listed {
        let cl = &clusters[c];
        if cl.date.is_some() || cl.tie.is_some() || cl.persons.is_empty() {
            continue;
        }
        let mut same_act = witnesses.iter().filter(|w| {
            w.kind == cl.kind
                && w.persons
                    .iter()
                    .all(|p| cl.persons.iter().any(|q| participants::same(q, p)))
        });
        let Some(first) = same_act.next() else {
            continue;
        };
        if same_act.any(|w| w.date != first.date) {
            continue;
        }
        let cl = &mut clusters[c];
        cl.date = Some(first.date);
        if cl.time_of_day.is_none() {
            cl.time_of_day = first.time_of_day.clone();
        }
        cl.date_from_caption = true;
    }
}

/// Whether `caption` says its photo is of another time.
fn is_archive(caption: &str) -> bool {
    let tokens = tokenize(caption, 0..caption.len());
    (0..tokens.len()).any(|i| ARCHIVE.has(&tokens, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_photos_are_told_apart() {
        assert!(is_archive(
            "Hai Bộ trưởng tại cuộc gặp năm ngoái. (Ảnh tư liệu)"
        ));
        assert!(is_archive("Ảnh minh họa"));
        assert!(!is_archive(
            "Hai Bộ trưởng tại cuộc gặp chiều 3/9. Ảnh: Mẫu"
        ));
    }
}
