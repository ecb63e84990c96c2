//! A unified line diff (`diff -u` style, three lines of context), for test
//! failures that must show a reviewer exactly what changed. Lines are
//! matched by a longest common subsequence after the common head and tail
//! are set aside, which keeps the table small for the usual few-line change.

/// One line of the edit script.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Edit {
    Same(usize, usize),
    Gone(usize),
    Added(usize),
}

/// The edit script turning `old` into `new`.
fn edits(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out: Vec<Edit> = (0..head).map(|i| Edit::Same(i, i)).collect();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(Edit::Same(head + i, head + j));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Lines gone before lines added, as diff -u lists them.
            out.push(Edit::Gone(head + i));
            i += 1;
        } else {
            out.push(Edit::Added(head + j));
            j += 1;
        }
    }
    out.extend((0..tail).map(|k| Edit::Same(old.len() - tail + k, new.len() - tail + k)));
    out
}

/// The unified diff from `old` to `new`, with `---`/`+++` headers naming
/// them; empty when they are equal.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    const CONTEXT: usize = 3;
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let script = edits(&a, &b);
    let changed: Vec<usize> = (0..script.len())
        .filter(|&k| !matches!(script[k], Edit::Same(..)))
        .collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    let mut k = 0;
    while k < changed.len() {
        // A hunk: changes no more than 2 × CONTEXT apart, with context around.
        let start = changed[k].saturating_sub(CONTEXT);
        let mut last = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= last + 2 * CONTEXT + 1 {
            k += 1;
            last = changed[k];
        }
        let end = (last + CONTEXT + 1).min(script.len());
        let hunk = &script[start..end];
        let first_old = hunk.iter().find_map(|e| match *e {
            Edit::Same(i, _) | Edit::Gone(i) => Some(i),
            Edit::Added(_) => None,
        });
        let first_new = hunk.iter().find_map(|e| match *e {
            Edit::Same(_, j) | Edit::Added(j) => Some(j),
            Edit::Gone(_) => None,
        });
        let n_old = hunk.iter().filter(|e| !matches!(e, Edit::Added(_))).count();
        let n_new = hunk.iter().filter(|e| !matches!(e, Edit::Gone(_))).count();
        // As diff -u writes a range: from line 1, the count left out when
        // it is one, an empty file as 0,0.
        let range = |first: Option<usize>, n: usize| match (first, n) {
            (Some(f), 1) => format!("{}", f + 1),
            (Some(f), n) => format!("{},{n}", f + 1),
            (None, n) => format!("0,{n}"),
        };
        out += &format!(
            "@@ -{} +{} @@\n",
            range(first_old, n_old),
            range(first_new, n_new)
        );
        for e in hunk {
            match *e {
                Edit::Same(i, _) => out += &format!(" {}\n", a[i]),
                Edit::Gone(i) => out += &format!("-{}\n", a[i]),
                Edit::Added(j) => out += &format!("+{}\n", b[j]),
            }
        }
        k += 1;
    }
    out
}
