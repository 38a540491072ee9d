//! The merged ranges of an .xlsx sheet (`<mergeCells>`, which Excel writes after the
//! rows), read as [`Merge`]s for the rows kept until then to be spread.

use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::column_of;
use crate::read::merged::Merge;
use crate::read::sheet::WorkbookProblem;

/// A range from its reference (`D2:D5`); `None` for a single cell or a reference that
/// names no cell of a sheet.
pub(super) fn merge_of(reference: &str) -> Option<Merge> {
    let (from, to) = reference.trim().split_once(':')?;
    Merge::new(cell_of(from)?, cell_of(to)?)
}

/// A cell reference such as `BC12`: (row 12, column 54).
fn cell_of(reference: &str) -> Option<(u32, u32)> {
    let column = column_of(reference)?;
    let digits = reference.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    Some((digits.parse().ok()?, column))
}

/// Reads what follows `</sheetData>` up to the end of the list of merged ranges: the
/// ranges, in the order the file gives them.
pub(super) fn read_merges<R: BufRead>(
    reader: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<Vec<Merge>, WorkbookProblem> {
    let mut merges = Vec::new();
    loop {
        match crate::read::zip::next_event(reader, buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                let reference = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "ref");
                if let Some(merge) = reference.and_then(|a| merge_of(&a.value)) {
                    merges.push(merge);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "mergeCells" => return Ok(merges),
            Event::Eof => return Ok(merges),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let range = |one, other| Merge::new(one, other);
        assert_eq!(merge_of("D2:D5"), range((2, 3), (5, 3)));
        assert_eq!(merge_of("C3:A1"), range((1, 0), (3, 2)));
        assert_eq!(
            merge_of("A1:XFD1048576"),
            range((1, 0), (1_048_576, 16_383))
        );
        assert!(merge_of("D2:D5").is_some());
        assert_eq!(merge_of("A1:A1"), None);
        assert_eq!(merge_of("A1"), None);
        assert_eq!(merge_of("A0:A2"), None);
        assert_eq!(merge_of("A1:A1048577"), None);
        assert_eq!(merge_of("A1:XFE2"), None);
        assert_eq!(merge_of("1:2"), None);
    }
}
