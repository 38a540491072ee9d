// Writes sheetjs_xml_spreadsheet.xls and sheetjs_web_page.xls with SheetJS (npm xlsx
// 0.18.5): a user list saved as an XML Spreadsheet 2003 and as a web page (HTML table),
// each under an .xls name, as many systems' "Export to Excel" does. Excel and
// LibreOffice open both and show the table.
//   npm install xlsx@0.18.5 && node web_exports.js
const XLSX = require('xlsx');
const rows = [["User name*", "Email*", "User type", "Site"],
              ["Ada Lovelace", "ada@example.com", "Privileged", "London"],
              ["Grace Hopper", "grace@example.com", "", "Oslo"]];
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Users");
XLSX.writeFile(book, "sheetjs_xml_spreadsheet.xls", {bookType: "xlml"});
XLSX.writeFile(book, "sheetjs_web_page.xls", {bookType: "html"});
