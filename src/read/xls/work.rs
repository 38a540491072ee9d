//! How much work calamine 0.38 does writing a formula's text, which it does for every
//! formula cell when it opens a workbook. It builds the text token by token, and some
//! tokens insert into it or cut it (a unary minus, parentheses, an operator, a
//! function's arguments, and one insertion for each of a PtgAttrSpace's up to 255
//! spaces), each moving the text after that place: work that grows with the square of
//! the formula. A 28 KB file of one formula of spaces kept calamine busy for 10 s.
//! Counted here as an upper bound: the text's longest length, times the operations that
//! move it.

use super::unchecked::walk_formula;

/// The longest names a formula's text can hold, in bytes of UTF-8: a sheet's (3-D
/// references) and a defined name's.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Longest {
    pub(super) sheet_name: u64,
    pub(super) defined_name: u64,
}

/// The most bytes calamine is let move writing a workbook's formulas: 4 GiB, about
/// 40 ms of copying. Of the 532 public .xls files of calamine's, SheetJS's and Apache
/// POI's tests, the most is 1.4 million (POI's external_name.xls).
pub(super) const MOST_WORK: u64 = 1 << 32;

/// The most text a function call adds: its name, parentheses and a comma between each
/// of up to 255 arguments.
const FUNCTION_TEXT: u64 = 320;
/// The most text a cell or range reference adds (`$XFD$1048576:$XFD$1048576`).
const REFERENCE_TEXT: u64 = 32;

/// An upper bound of the bytes calamine moves writing the text of a FORMULA record
/// (its data), `0` for one it does not read.
pub(super) fn formula_work(data: &[u8], before_biff8: bool, longest: Longest) -> u64 {
    let Some(formula) = data.get(20..) else {
        return 0;
    };
    let (mut text, mut moves) = (0u64, 0u64);
    walk_formula(formula, before_biff8, |token, fields| {
        let (added, moving) = token_text(token, fields, longest);
        text = text.saturating_add(added);
        moves = moves.saturating_add(moving);
    });
    text.saturating_mul(moves)
}

/// The most text a token adds to a formula's, and how many times it moves what is
/// already there.
fn token_text(token: u8, fields: &[u8], longest: Longest) -> (u64, u64) {
    let byte = |at: usize| fields.get(at).copied().map_or(0, u64::from);
    match token {
        // 3-D references: a sheet's name, `!`, the cells.
        0x3A..=0x3D | 0x5A..=0x5D | 0x7A..=0x7D => {
            (longest.sheet_name.saturating_add(REFERENCE_TEXT), 0)
        }
        // Binary operators cut off the second operand and write it back after the sign.
        0x03..=0x11 => (2, 1),
        // Unary plus and minus, and parentheses, insert before the operand.
        0x12 | 0x13 => (1, 1),
        0x14 => (1, 0),
        0x15 => (2, 1),
        // A string: its characters (up to three bytes each) in quotes.
        0x17 => (byte(0).saturating_mul(3).saturating_add(2), 0),
        0x19 => match byte(0) {
            // SUM(…) around the operand.
            0x10 => (5, 1),
            // Spaces, each inserted before the operand on its own.
            0x40 | 0x41 => (byte(2), byte(2)),
            _ => (0, 0),
        },
        0x1C => (13, 0),
        0x1D | 0x1E => (5, 0),
        // A number, written out in full (1e300 as 301 digits).
        0x1F => {
            let number = fields
                .get(..8)
                .and_then(|b| b.try_into().ok())
                .map_or(0.0, f64::from_le_bytes);
            (
                u64::try_from(number.to_string().len()).unwrap_or(u64::MAX),
                0,
            )
        }
        0x20 | 0x40 | 0x60 => (10, 0),
        // Functions cut off their arguments and write them back inside the call.
        0x21 | 0x22 | 0x41 | 0x42 | 0x61 | 0x62 => (FUNCTION_TEXT, 2),
        0x23 | 0x43 | 0x63 => (longest.defined_name.max(5), 0),
        0x24 | 0x25 | 0x2A | 0x2B | 0x44 | 0x45 | 0x4A | 0x4B | 0x64 | 0x65 | 0x6A | 0x6B => {
            (REFERENCE_TEXT, 0)
        }
        0x39 | 0x59 => (10, 0),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::xls::unchecked::formula_record as formula;

    #[test]
    fn the_work_of_a_formula() {
        let longest = Longest::default();
        // =1+2: two numbers of 5 bytes at most, a sign; one move.
        let plus = formula(&[0x1E, 1, 0, 0x1E, 2, 0, 0x03]);
        assert_eq!(formula_work(&plus, false, longest), 12);
        // =-1 with 255 spaces: 255 moves of a text of up to 261 bytes, then one more.
        let spaces = formula(&[0x1E, 1, 0, 0x19, 0x40, 0, 255, 0x13]);
        assert_eq!(formula_work(&spaces, false, longest), 261 * 256);
        // A number written out in full.
        let big = formula(&[&[0x1F][..], &1e300_f64.to_le_bytes(), &[0x12]].concat());
        assert_eq!(formula_work(&big, false, longest), 302);
        // A formula calamine reads past is not read.
        assert_eq!(formula_work(&formula(&[0x1E, 1]), false, longest), 0);
        assert_eq!(formula_work(&[0; 10], false, longest), 0);
    }
}
