//! What calamine 0.38 keeps of a workbook beside its cells' grids, in bytes, as the
//! records say it: calamine makes room for text as long as a record claims, whatever
//! the record holds, and keeps names and shared strings for the life of the workbook.
//! A LABEL of 14 bytes that claims 65,535 characters costs 64 KiB, so a 10 MiB file of
//! them would ask for 49 GB. Mirrored from calamine's code; the sizes of its own
//! structures are rounded up.

use super::bytes::u16_at;

/// What a sheet costs calamine besides its name: its entry among the sheets' metadata,
/// the names list and the map of sheets, and two empty grids.
const PER_SHEET: u64 = 512;
/// What a defined name costs besides its name: its formula's text (a sheet's name and a
/// range) and the list's entry.
const PER_NAME: u64 = 512;
/// What a formula cell's text costs: calamine writes each formula's text, or a sentence
/// saying why it could not.
const PER_FORMULA: u64 = 128;

/// The bytes calamine keeps for one record of a sheet, or of the workbook's globals,
/// beyond the cells' grids: a text cell's (LABEL, RSTRING) or a formula's text result's
/// (STRING) claimed length, a formula's text, a sheet's (BOUNDSHEET) or a defined
/// name's (Lbl) name, which calamine copies several times.
pub(super) fn kept_by(kind: u16, data: &[u8]) -> u64 {
    let byte = |at: usize| data.get(at).copied().map_or(0, u64::from);
    let count = |at: usize| u16_at(data, at).map_or(0, u64::from);
    match kind {
        // LABEL, RSTRING: the row, column and format, then the text's count.
        0x0204 | 0x00D6 => count(6),
        // STRING: the count first.
        0x0207 => count(0),
        0x0006 => PER_FORMULA,
        // BOUNDSHEET: the name's count at byte 6.
        0x0085 => PER_SHEET.saturating_add(byte(6).saturating_mul(5)),
        // Lbl: the name's count at byte 3.
        0x0018 => PER_NAME.saturating_add(byte(3)),
        _ => 0,
    }
}

/// The bytes calamine keeps for `strings` shared strings of `characters` characters in
/// all: a `String` each, and up to three bytes of UTF-8 a character.
pub(super) fn kept_by_shared_strings(strings: u64, characters: u64) -> u64 {
    let each = u64::try_from(std::mem::size_of::<String>()).unwrap_or(u64::MAX);
    strings
        .saturating_mul(each)
        .saturating_add(characters.saturating_mul(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_records_claim() {
        // A LABEL at A1 claiming 65,535 characters and holding one.
        let label = [0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, b'x'];
        assert_eq!(kept_by(0x0204, &label), 65_535);
        assert_eq!(kept_by(0x0207, &[3, 0, 0, b'a', b'b', b'c']), 3);
        assert_eq!(kept_by(0x0085, &[0, 0, 0, 0, 0, 0, 5, 0]), 512 + 25);
        assert_eq!(kept_by(0x0204, &[0, 0]), 0);
        assert_eq!(kept_by(0x0203, &[0; 14]), 0);
        assert_eq!(kept_by_shared_strings(2, 10), 48 + 30);
    }
}
