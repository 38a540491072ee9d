//! What calamine 0.38 reads from an .xls record without looking at its length, which
//! panics on a record too short for it; a panic ends a process built with
//! `panic = "abort"`. The walk of the records ([`super::biff`]) asks here, record by
//! record, and a record that would be read past its end refuses the file as damaged
//! before calamine opens it.
//!
//! Every read is mirrored from calamine's own code, not from [MS-XLS]: what calamine
//! reads is what matters, and [MS-XLS] gives each of these fields at least the bytes
//! counted here, so no record Excel writes is refused. So is its arithmetic that
//! overflows on values Excel never writes (a panic where overflow checks are on, in
//! debug builds), but one: calamine adds 1 to a cell reference's row in 16 bits, which
//! overflows for a formula that refers to row 65,536. Such a formula is Excel's own, so
//! it is not refused; a service that turns overflow checks on in release builds should
//! not accept `.xls`.

use super::bytes::u16_at;

/// Whether a record is too short for the fixed fields calamine reads from it: BOF,
/// CODEPAGE, DATEMODE, FILEPASS and EXTERNSHEET's first two bytes, BOUNDSHEET's six, a
/// defined name's fourteen and its formula's first token, MERGECELLS' ranges, and a
/// FORMULA's tokens. `before_biff8` is the version calamine reads the record as
/// ([`before_biff8`]).
pub(super) fn too_short(kind: u16, data: &[u8], before_biff8: bool) -> bool {
    match kind {
        0x0809 | 0x0042 | 0x0022 | 0x002F | 0x0017 => data.len() < 2,
        0x0085 => data.len() < 6,
        // Lbl: the name from byte 14, its formula the last `cce` bytes.
        0x0018 => {
            let Some(cce) = u16_at(data, 4).map(usize::from) else {
                return true;
            };
            let Some(formula) = data
                .len()
                .checked_sub(14)
                .and_then(|_| data.get(data.len().checked_sub(cce)?..))
            else {
                return true;
            };
            name_too_short(formula, before_biff8)
        }
        // MERGECELLS: a count, then eight bytes a range.
        0x00E5 => {
            let ranges = u16_at(data, 0).map_or(usize::MAX, usize::from);
            data.len() < ranges.saturating_mul(8).saturating_add(2)
        }
        // MULRK: calamine counts its cells as last column - first + 1 in 16 bits, which
        // overflows when the last is before the first (or the run spans every column).
        0x00BD if data.len() >= 6 => {
            let first = u16_at(data, 2);
            let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
            match (first, last) {
                (Some(first), Some(last)) => last.checked_sub(first).is_none_or(|d| d == u16::MAX),
                _ => true,
            }
        }
        // FORMULA: calamine refuses one shorter than 20 bytes itself; its tokens follow.
        0x0006 => data
            .get(20..)
            .is_some_and(|formula| formula_too_short(formula, before_biff8)),
        _ => false,
    }
}

/// Whether a BOF record's version is one calamine reads as older than BIFF8 (Excel 97):
/// BIFF2 to BIFF5, or no version and a workbook's kind (`0x1000`), which it takes for
/// BIFF5. Any other version is BIFF8 to calamine.
pub(super) fn before_biff8(bof: &[u8]) -> bool {
    match u16_at(bof, 0) {
        Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500) => true,
        Some(0) => u16_at(bof, 2) == Some(0x1000),
        _ => false,
    }
}

/// How many functions calamine's table of built-in functions holds: a function number
/// past it is refused, and calamine reads no further.
const FUNCTIONS: u16 = 485;

/// Whether calamine's reading of a defined name's formula (only its first token, for
/// the sheet and cells it names) reads past its end.
fn name_too_short(formula: &[u8], before_biff8: bool) -> bool {
    let needs = match (formula.first(), before_biff8) {
        (None, _) => 0,
        (Some(0x3A | 0x5A | 0x7A), true) => 18,
        (Some(0x3A | 0x5A | 0x7A), false) => 7,
        (Some(0x3B | 0x5B | 0x7B), true) => 21,
        (Some(0x3B | 0x5B | 0x7B), false) => 11,
        (Some(0x3C | 0x5C | 0x7C | 0x3D | 0x5D | 0x7D), true) => 13,
        (Some(0x3C | 0x5C | 0x7C | 0x3D | 0x5D | 0x7D), false) => 3,
        (Some(_), _) => 0,
    };
    formula.len() < needs
}

/// What calamine does with one token of a cell's formula.
enum Token {
    /// Reads `usize` bytes of fields after the token's byte, then goes on after them.
    Fields(usize),
    /// Refuses the formula (an unknown token, function or error): it reads no further.
    Refused,
}

/// Whether calamine's reading of a FORMULA's tokens (`cce`, then the tokens) reads past
/// their end: it takes `cce` bytes without checking that they are there, then each
/// token's fields, most without checking either.
///
/// Tokens are followed as calamine follows them, to the first it refuses. Its stack of
/// operands is not: where calamine refuses a formula whose operands do not add up, this
/// goes on, so a formula that is both broken and too short is refused here when
/// calamine might have stopped in time. No formula Excel writes is either.
fn formula_too_short(formula: &[u8], before_biff8: bool) -> bool {
    !walk_formula(formula, before_biff8, |_, _| {})
}

/// Follows a formula's tokens (`cce`, then the tokens: a FORMULA record's data from
/// byte 20) as calamine reads them, to the end or the first it refuses, handing each
/// token and its fields to `each`. `false` where calamine would read past them.
pub(super) fn walk_formula(
    formula: &[u8],
    before_biff8: bool,
    mut each: impl FnMut(u8, &[u8]),
) -> bool {
    let Some(cce) = u16_at(formula, 0).map(usize::from) else {
        return false;
    };
    let Some(mut tokens) = formula.get(2..).and_then(|rest| rest.get(..cce)) else {
        return false;
    };
    while let Some((&token, rest)) = tokens.split_first() {
        let fields = match token_fields(token, rest, before_biff8) {
            Some(Token::Fields(fields)) => fields,
            Some(Token::Refused) => return true,
            None => return false,
        };
        let (Some(these), Some(after)) = (rest.get(..fields), rest.get(fields..)) else {
            return false;
        };
        each(token, these);
        tokens = after;
    }
    true
}

/// How many bytes of fields token `token` has in calamine's reading, `rest` being the
/// bytes after it; `None` when calamine reads past `rest` to find out.
fn token_fields(token: u8, rest: &[u8], before_biff8: bool) -> Option<Token> {
    let by_version = |before: usize, after: usize| if before_biff8 { before } else { after };
    let fields = match token {
        // PtgRef3d, PtgRefErr3d; PtgArea3d, PtgAreaErr3d.
        0x3A | 0x5A | 0x7A | 0x3C | 0x5C | 0x7C => 6,
        0x3B | 0x5B | 0x7B | 0x3D | 0x5D | 0x7D => 10,
        // PtgExp: calamine checks its four bytes itself.
        0x01 if rest.len() < 4 => return Some(Token::Refused),
        0x01 => 4,
        // Operators, the missing argument, percent, parentheses.
        0x03..=0x16 => 0,
        // PtgStr: a count and its characters, which calamine checks.
        0x17 => return string_fields(rest, before_biff8),
        0x18 => 5,
        // PtgAttr: its kind, then fields by kind.
        0x19 => {
            let kind = *rest.first()?;
            let after = rest.get(1..)?;
            match kind {
                0x01 | 0x02 | 0x08 | 0x10 | 0x20 | 0x21 => 3,
                // PtgAttrChoose: a count, then one offset more than it says.
                0x04 => {
                    let count = usize::from(u16_at(after, 0)?).saturating_add(1);
                    count.saturating_mul(2).saturating_add(3)
                }
                // PtgAttrSpace: the kind of space is checked, then its count read.
                0x40 | 0x41 => match after.first()? {
                    0x00..=0x06 => 3,
                    _ => return Some(Token::Refused),
                },
                _ => return Some(Token::Refused),
            }
        }
        // PtgErr: an error calamine does not know is refused.
        0x1C => match rest.first()? {
            0x00 | 0x07 | 0x0F | 0x17 | 0x1D | 0x24 | 0x2A | 0x2B => 1,
            _ => return Some(Token::Refused),
        },
        0x1D => 1,
        0x1E => 2,
        0x1F => 8,
        // PtgArray.
        0x20 | 0x40 | 0x60 => 7,
        // PtgFunc: a function number, refused past calamine's table.
        0x21 | 0x41 | 0x61 => match u16_at(rest, 0)? {
            function if function >= FUNCTIONS => return Some(Token::Refused),
            _ => 2,
        },
        // PtgFuncVar: the argument count, then a function number.
        0x22 | 0x42 | 0x62 => match u16_at(rest, 1)? {
            function if function >= FUNCTIONS => return Some(Token::Refused),
            _ => 3,
        },
        // PtgName: a 1-based number, from which calamine takes 1.
        0x23 | 0x43 | 0x63 => match rest.get(..4)? {
            [0, 0, 0, 0] => return None,
            _ => 4,
        },
        // PtgRef, PtgArea, PtgRefErr, PtgAreaErr: shorter before BIFF8.
        0x24 | 0x44 | 0x64 | 0x2A | 0x4A | 0x6A => by_version(3, 4),
        0x25 | 0x45 | 0x65 | 0x2B | 0x4B | 0x6B => by_version(6, 8),
        // PtgNameX.
        0x39 | 0x59 => 6,
        _ => return Some(Token::Refused),
    };
    Some(Token::Fields(fields))
}

/// The fields of a PtgStr: a count, then (from BIFF8 on) a flag for two bytes a
/// character, then the characters. calamine refuses a string its bytes do not hold.
fn string_fields(rest: &[u8], before_biff8: bool) -> Option<Token> {
    let Some(&count) = rest.first() else {
        return Some(Token::Refused);
    };
    let count = usize::from(count);
    let fields = if before_biff8 {
        count.saturating_add(1)
    } else {
        let Some(&flags) = rest.get(1) else {
            return Some(Token::Refused);
        };
        let width = if flags & 1 == 1 { 2 } else { 1 };
        count.saturating_mul(width).saturating_add(2)
    };
    if rest.len() < fields {
        return Some(Token::Refused);
    }
    Some(Token::Fields(fields))
}

/// The most CONTINUE records calamine is let read after the shared strings (SST): it
/// takes each off the front of a list, so its time grows with the square of their
/// number. Excel fills each record to 8,224 bytes: a 10 MiB workbook has fewer than
/// 1,300.
const MOST_SST_CONTINUES: usize = 4096;

/// How many shared strings calamine reads (the SST record's data, then each
/// CONTINUE's), and how many characters they say they have; `None` when its reading
/// fails: reads a string's fields past its record, or a CONTINUE that is empty where a
/// string's characters go on, either of which panics, or ends with an error, with which
/// calamine refuses the workbook too. `None` too for more CONTINUE records than
/// [`MOST_SST_CONTINUES`].
///
/// Each string is followed as calamine follows it: a count, flags, the formatting runs'
/// count and the phonetic block's size if the flags say so (read from the record the
/// string starts in), the characters (a CONTINUE goes on with its own flag of width),
/// then the runs and the block skipped, across records.
pub(super) fn shared_strings(fragments: &[&[u8]]) -> Option<(u64, u64)> {
    if fragments.len() > MOST_SST_CONTINUES.saturating_add(1) {
        return None;
    }
    let mut rest = fragments.iter().copied();
    let mut data = rest.next()?.get(8..)?;
    let (mut strings, mut characters) = (0u64, 0u64);
    loop {
        if data.is_empty() {
            match rest.next() {
                Some(next) => data = next,
                None => return Some((strings, characters)),
            }
            continue;
        }
        let (after, count) = sst_string(data, &mut rest)?;
        data = after;
        strings = strings.saturating_add(1);
        characters = characters.saturating_add(u64::from(count));
    }
}

/// Reads one shared string from `data` as calamine does, going on into the records of
/// `rest` as it needs; what is left of the record it ends in and the string's count of
/// characters, or `None` where calamine fails.
fn sst_string<'d>(
    data: &'d [u8],
    rest: &mut impl Iterator<Item = &'d [u8]>,
) -> Option<(&'d [u8], u16)> {
    let characters = u16_at(data, 0)?;
    let count = usize::from(characters);
    let flags = *data.get(2)?;
    let mut data = data.get(3..)?;
    let mut runs = 0usize;
    if flags & 0x08 != 0 {
        runs = usize::from(u16_at(data, 0)?);
        data = data.get(2..)?;
    }
    let mut phonetic = 0usize;
    if flags & 0x04 != 0 {
        let size = i32::from_le_bytes(data.get(..4)?.try_into().ok()?);
        // calamine takes a negative size as a huge one, and fails skipping it.
        phonetic = usize::try_from(size).unwrap_or(usize::MAX);
        data = data.get(4..)?;
    }
    // The characters: a record that ends before them takes the string on in the next,
    // whose first byte says how wide they are there.
    let (mut left, mut wide) = (count, flags & 0x01 != 0);
    loop {
        let here = if wide { data.len() / 2 } else { data.len() }.min(left);
        data = data.get(if wide { here.saturating_mul(2) } else { here }..)?;
        left = left.saturating_sub(here);
        if left == 0 {
            break;
        }
        let (&flag, next) = rest.next()?.split_first()?;
        wide = flag & 0x01 != 0;
        data = next;
    }
    // The formatting runs, four bytes each, and the phonetic block, skipped.
    for mut skip in [runs.saturating_mul(4), phonetic] {
        while skip > 0 {
            if data.is_empty() {
                data = rest.next()?;
            }
            let here = skip.min(data.len());
            data = data.get(here..)?;
            skip = skip.saturating_sub(here);
        }
    }
    Some((data, characters))
}

/// The data of a FORMULA record of BIFF8 at A1 whose tokens are `tokens`, `cce` their
/// length (for the tests of what calamine does with formulas).
#[cfg(test)]
pub(super) fn formula_record(tokens: &[u8]) -> Vec<u8> {
    let mut data = vec![0u8; 20];
    let cce = u16::try_from(tokens.len()).unwrap_or(u16::MAX);
    data.extend_from_slice(&cce.to_le_bytes());
    data.extend_from_slice(tokens);
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_too_short_for_their_fields() {
        assert!(too_short(0x0017, &[], false));
        assert!(!too_short(0x0017, &[0, 0], false));
        assert!(too_short(0x0085, &[0; 5], false));
        assert!(!too_short(0x0085, &[0; 8], false));
        // A defined name whose formula is said to be longer than the record.
        let mut name = vec![0u8; 16];
        name[4] = 17;
        assert!(too_short(0x0018, &name, false));
        name[4] = 2;
        assert!(!too_short(0x0018, &name, false));
        // Its formula a PtgRef3d: seven bytes in BIFF8, eighteen before.
        name[4] = 7;
        name.extend_from_slice(&[0x3A, 0, 0, 0, 0, 0, 0]);
        assert!(!too_short(0x0018, &name, false));
        assert!(too_short(0x0018, &name, true));
        assert!(too_short(0x00E5, &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0], false));
        // A MULRK whose last column is before its first; one of two cells, B and C.
        assert!(too_short(0x00BD, &[0, 0, 2, 0, 1, 0], false));
        let mulrk = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0];
        assert!(!too_short(0x00BD, &mulrk, false));
    }

    use super::formula_record as formula;

    #[test]
    fn formulas_whose_tokens_fit() {
        // =A1+1: PtgRef, PtgInt, PtgAdd.
        assert!(!too_short(
            0x0006,
            &formula(&[0x24, 0, 0, 0, 0xC0, 0x1E, 1, 0, 0x03]),
            false
        ));
        // =SUM(A1:A3) with PtgAttrSum: PtgArea, PtgAttr 0x10.
        let sum = [0x25, 0, 0, 2, 0, 0, 0xC0, 0, 0xC0, 0x19, 0x10, 0, 0];
        assert!(!too_short(0x0006, &formula(&sum), false));
        // ="ab" in both widths.
        assert!(!too_short(
            0x0006,
            &formula(&[0x17, 2, 0, b'a', b'b']),
            false
        ));
        assert!(!too_short(0x0006, &formula(&[0x17, 1, 1, b'a', 0]), false));
        assert!(!too_short(0x0006, &formula(&[0x17, 2, b'a', b'b']), true));
        // A record of fewer than 20 bytes calamine refuses itself; no tokens is a
        // formula calamine refuses for its empty stack.
        assert!(!too_short(0x0006, &[0; 19], false));
        assert!(!too_short(0x0006, &formula(&[]), false));
        // A token calamine does not know stops its reading: what follows is not read.
        assert!(!too_short(0x0006, &formula(&[0x29, 0x24]), false));
        // So does a function past its table, and a PtgStr that its bytes do not hold.
        assert!(!too_short(
            0x0006,
            &formula(&[0x21, 0xFF, 0x01, 0x24]),
            false
        ));
        assert!(!too_short(0x0006, &formula(&[0x17, 9, 0, b'a']), false));
    }

    #[test]
    fn formulas_calamine_would_read_past() {
        // cce longer than the record, and a record without it.
        let mut data = formula(&[0x1E, 1, 0]);
        data.truncate(data.len() - 1);
        assert!(too_short(0x0006, &data, false));
        assert!(too_short(0x0006, &[0; 21], false));
        // Each token cut short.
        for tokens in [
            &[0x24, 0, 0, 0][..],
            &[0x25, 0, 0, 0, 0, 0, 0, 0],
            &[0x1F, 0, 0, 0],
            &[0x3A, 0, 0, 0, 0, 0],
            &[0x19],
            &[0x19, 0x04, 3, 0, 0, 0],
            &[0x19, 0x40],
            &[0x1C],
            &[0x22, 1, 0],
            &[0x23, 1, 0, 0],
            &[0x20, 0, 0],
            // A PtgName numbered 0, from which calamine takes 1.
            &[0x23, 0, 0, 0, 0],
        ] {
            assert!(too_short(0x0006, &formula(tokens), false), "{tokens:?}");
        }
        // Before BIFF8 a PtgRef is three bytes, a PtgArea six.
        assert!(!too_short(0x0006, &formula(&[0x24, 0, 0, 0]), true));
        assert!(!too_short(
            0x0006,
            &formula(&[0x25, 0, 0, 0, 0, 0, 0]),
            true
        ));
    }

    fn sst_unreadable(fragments: &[&[u8]]) -> bool {
        shared_strings(fragments).is_none()
    }

    /// An SST record's data: the counts, then `strings`.
    fn sst(strings: &[u8]) -> Vec<u8> {
        let mut data = vec![0u8; 8];
        data.extend_from_slice(strings);
        data
    }

    #[test]
    fn shared_strings_calamine_reads() {
        // "ab", then "é" two bytes wide.
        let data = sst(&[2, 0, 0, b'a', b'b', 1, 0, 1, 0xE9, 0]);
        assert_eq!(shared_strings(&[&data]), Some((2, 3)));
        // "abcd" going on in a CONTINUE, whose first byte says its characters are wide.
        let data = sst(&[4, 0, 0, b'a', b'b']);
        assert!(!sst_unreadable(&[&data, &[1, b'c', 0, b'd', 0]]));
        // Two formatting runs and a phonetic block of 3 bytes, skipped across records.
        let data = sst(&[1, 0, 0x0C, 2, 0, 3, 0, 0, 0, b'a', 0, 0, 0, 0]);
        assert!(!sst_unreadable(&[&data, &[0, 0, 0, 0, 9, 9, 9]]));
        // Empty records between strings are passed over.
        assert!(!sst_unreadable(&[&sst(&[]), &[], &[1, 0, 0, b'a']]));
    }

    #[test]
    fn shared_strings_calamine_fails_on() {
        // The runs' count, then the phonetic block's size, cut off by the record's end.
        assert!(sst_unreadable(&[&sst(&[1, 0, 0x08, 2])]));
        assert!(sst_unreadable(&[&sst(&[1, 0, 0x04, 2, 0, 0])]));
        // Characters going on in an empty CONTINUE, or in none.
        let data = sst(&[4, 0, 0, b'a', b'b']);
        assert!(sst_unreadable(&[&data, &[]]));
        assert!(sst_unreadable(&[&data]));
        // A negative phonetic size, which calamine skips as a huge one.
        assert!(sst_unreadable(&[&sst(&[
            0, 0, 0x04, 0xFF, 0xFF, 0xFF, 0xFF
        ])]));
        // A record without the counts.
        assert!(sst_unreadable(&[&[0; 7]]));
        // More CONTINUE records than calamine is let take one by one.
        let mut fragments: Vec<&[u8]> = vec![&[0; 8]];
        fragments.extend(std::iter::repeat_n(&[][..], MOST_SST_CONTINUES));
        assert!(!sst_unreadable(&fragments));
        fragments.push(&[]);
        assert!(sst_unreadable(&fragments));
    }

    #[test]
    fn versions_as_calamine_reads_them() {
        assert!(before_biff8(&[0x00, 0x05, 0x10, 0x00]));
        assert!(before_biff8(&[0x00, 0x04]));
        assert!(before_biff8(&[0x00, 0x00, 0x00, 0x10]));
        assert!(!before_biff8(&[0x00, 0x00, 0x10, 0x00]));
        assert!(!before_biff8(&[0x00, 0x06, 0x10, 0x00]));
        assert!(!before_biff8(&[0x34, 0x12]));
    }
}
