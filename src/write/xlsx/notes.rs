//! A sheet's notes: the comments part that holds their texts, and the drawing that
//! shows each one in a box beside its cell, placed as Excel places it.

use super::parts::DECLARATION;
use super::sheet::{cell_ref, width_pixels, Note, Sheet, COLUMN_PIXELS, ROW_PIXELS};
use super::{place, push_data, text_element, MAIN_NS};
use crate::model::sheet::{SHEET_COLUMNS as COLUMNS, SHEET_ROWS as ROWS};

impl Sheet<'_> {
    /// `xl/commentsN.xml`: the notes' texts and authors.
    pub(super) fn comments(&self) -> String {
        // "Author" is the default author, always listed first.
        let mut authors = vec!["Author"];
        let ids: Vec<usize> = self
            .notes
            .values()
            .map(|note| place(&mut authors, note.author))
            .collect();
        let mut xml = String::from(DECLARATION);
        xml.push_str(&format!("<comments xmlns=\"{MAIN_NS}\"><authors>"));
        for author in &authors {
            xml.push_str("<author>");
            push_data(&mut xml, author);
            xml.push_str("</author>");
        }
        xml.push_str("</authors><commentList>");
        for ((&(row, column), note), id) in self.notes.iter().zip(ids) {
            xml.push_str(&format!(
                "<comment ref=\"{}\" authorId=\"{id}\"><text><r><rPr><sz val=\"8\"/>\
                 <color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>",
                cell_ref(row, column)
            ));
            text_element(&mut xml, &note.text);
            xml.push_str("</r></text></comment>");
        }
        xml.push_str("</commentList></comments>");
        xml
    }

    /// `xl/drawings/vmlDrawingN.vml`: the boxes that show the notes, hidden until the
    /// pointer is on the cell, each placed beside its cell as Excel places them.
    pub(super) fn vml(&self, data_id: u32, shape_base: u32) -> String {
        let blocks = u32::try_from(self.notes.len() / 1024).unwrap_or(u32::MAX);
        let ids: Vec<String> = (0..=blocks)
            .map(|block| data_id.saturating_add(block).to_string())
            .collect();
        let mut xml = format!(
            "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
             xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\">\
             <o:idmap v:ext=\"edit\" data=\"{}\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" \
             coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">\
             <v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>",
            ids.join(",")
        );
        for (z, (&(row, column), note)) in (1u32..).zip(&self.notes) {
            let place = self.place(row, column, note);
            let points = |pixels: f64| (pixels + 0.25).floor() * 72.0 / 96.0;
            xml.push_str(&format!(
                "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;\
                 margin-left:{}pt;margin-top:{}pt;width:{}pt;height:{}pt;z-index:{z};visibility:hidden\" \
                 fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>\
                 <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
                 <v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
                 <x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>\
                 <x:Anchor>{}, {}, {}, {}, {}, {}, {}, {}</x:Anchor><x:AutoFill>False</x:AutoFill>\
                 <x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>",
                shape_base.saturating_add(z),
                points(place.left as f64),
                points(place.top as f64),
                points(f64::from(note.width)),
                points(f64::from(note.height)),
                place.from.0,
                place.from.1,
                place.from.2,
                place.from.3,
                place.to.0,
                place.to.1,
                place.to.2,
                place.to.3,
            ));
        }
        xml.push_str("</xml>");
        xml
    }

    /// A column's width in pixels.
    fn column_pixels(&self, column: u32) -> u32 {
        u16::try_from(column)
            .ok()
            .and_then(|c| self.columns.get(&c))
            .map_or(COLUMN_PIXELS, |&(width, _)| width_pixels(width))
    }

    /// Pixels from the sheet's left edge to `column`'s: the set columns before it, and
    /// the default width for the rest (a sum over at most the set columns).
    fn column_offset(&self, column: u32) -> u64 {
        let (mut set, mut pixels) = (0u64, 0u64);
        for (_, &(width, _)) in self.columns.iter().filter(|(&c, _)| u32::from(c) < column) {
            set = set.saturating_add(1);
            pixels = pixels.saturating_add(u64::from(width_pixels(width)));
        }
        let defaults = u64::from(column).saturating_sub(set);
        defaults
            .saturating_mul(u64::from(COLUMN_PIXELS))
            .saturating_add(pixels)
    }

    /// Where the box of the note on (`row`, `column`) goes: one column right of the cell
    /// and one row up (nearer the edges at the sheet's last rows and columns), 15 pixels
    /// in and 10 down; then the cells its corners fall in.
    fn place(&self, row: u32, column: u16, note: &Note) -> Place {
        let column = u32::from(column);
        let (start_row, y_offset) = match ROWS.saturating_sub(row) {
            _ if row == 0 => (0, 2),
            3 => (ROWS - 7, 16),
            2 => (ROWS - 6, 16),
            1 => (ROWS - 5, 14),
            _ => (row.saturating_sub(1), 10),
        };
        let (start_column, x_offset) = match COLUMNS.saturating_sub(column) {
            3 => (COLUMNS - 6, 49),
            2 => (COLUMNS - 5, 49),
            1 => (COLUMNS - 4, 49),
            _ => (column.saturating_add(1), 15),
        };
        let left = self
            .column_offset(start_column)
            .saturating_add(u64::from(x_offset));
        let top = u64::from(start_row)
            .saturating_mul(u64::from(ROW_PIXELS))
            .saturating_add(u64::from(y_offset));
        let (mut first_column, mut x1) = (start_column, x_offset);
        while x1 >= self.column_pixels(first_column) && first_column < COLUMNS {
            x1 -= self.column_pixels(first_column);
            first_column += 1;
        }
        let (first_row, y1) = (
            start_row.saturating_add(y_offset / ROW_PIXELS),
            y_offset % ROW_PIXELS,
        );
        let (mut last_column, mut x2) = (first_column, x1.saturating_add(note.width));
        while x2 >= self.column_pixels(last_column) && last_column < COLUMNS {
            x2 -= self.column_pixels(last_column);
            last_column += 1;
        }
        let height = y1.saturating_add(note.height);
        let (last_row, y2) = (
            first_row.saturating_add(height / ROW_PIXELS),
            height % ROW_PIXELS,
        );
        Place {
            left,
            top,
            from: (first_column, x1, first_row, y1),
            to: (last_column, x2, last_row, y2),
        }
    }
}

/// A note box's position: pixels from the sheet's top left corner, and its corners as
/// (column, pixels into it, row, pixels into it).
struct Place {
    left: u64,
    top: u64,
    from: (u32, u32, u32, u32),
    to: (u32, u32, u32, u32),
}
