// Writes sheetjs_dates.xlsx with SheetJS (npm xlsx 0.18.5) and `cellDates`: dates saved
// as ISO 8601 text (`t="d"`) rather than serial numbers, each through its cell's format:
// a date (m/d/yy), a date and time and a time alone (1899-12-30) through hh:mm, and a
// date and time through 0.0. Excel and LibreOffice show 3/1/2024, 13:30, 13:30 and
// 45352.5.
//   npm install xlsx@0.18.5 && TZ=UTC node sheetjs_dates.js
const XLSX = require('xlsx');
const rows = [["User name*", "Email*", "User type", "Site"],
  ["Ada", "ada@example.com", "", new Date(Date.UTC(2024, 2, 1))],
  ["Bob", "bob@example.com", "", new Date(Date.UTC(2024, 2, 1, 13, 30))],
  ["Cy", "cy@example.com", "", new Date(Date.UTC(1899, 11, 30, 13, 30))],
  ["Di", "di@example.com", "", new Date(Date.UTC(2024, 2, 1, 12, 0))],
];
const sheet = XLSX.utils.aoa_to_sheet(rows, {cellDates: true});
sheet['D3'].z = 'hh:mm';
sheet['D4'].z = 'hh:mm';
sheet['D5'].z = '0.0';
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, "Users");
XLSX.writeFile(book, "sheetjs_dates.xlsx", {cellDates: true});
