//! The templates a person fills in: .xlsx and .csv, generated from the Column table.

use rust_xlsxwriter::{Format as CellFormat, Workbook};

use crate::Column;

/// Writes the default .xlsx template.
pub(crate) fn xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Users")?;
    let bold = CellFormat::new().set_bold();
    for (index, column) in (0u16..).zip(Column::ALL) {
        sheet.write_string_with_format(0, index, column.template_header(), &bold)?;
    }
    workbook.save_to_buffer()
}

/// The CSV template: UTF-8 with a byte order mark, so that Excel shows accents right,
/// and the header row alone.
pub(crate) fn csv() -> Vec<u8> {
    let headers: Vec<&str> = Column::ALL.iter().map(|c| c.template_header()).collect();
    format!("\u{FEFF}{}\r\n", headers.join(",")).into_bytes()
}
