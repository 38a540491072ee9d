// Writes sheetjs.xls (Excel 97, BIFF8) and sheetjs_biff5.xls (Excel 5.0/95) with
// SheetJS (npm xlsx 0.18.5), as a web page exports a user list: three users, Cy's Site
// 7 shown through 000, and in the BIFF8 file Bob's Site (Oslo) merged down over Cy's
// row too. SheetJS pads its compound file's FAT with "end of chain" entries, which
// Excel and LibreOffice read. LibreOffice 7.4.7 shows Ada's Site empty, Bob's Oslo, and
// Cy's 007 in the BIFF5 file (in the BIFF8 file, under the merged Oslo).
//   npm install xlsx@0.18.5 && node sheetjs_xls.js
const XLSX = require('xlsx');
const rows = [["User name", "Email", "User type", "Site"],
              ["Ada", "ada@example.com", "", null],
              ["Bob", "bob@example.com", "Privileged", "Oslo"],
              ["Cy", "cy@example.com", "", null]];
const merged = XLSX.utils.aoa_to_sheet(rows);
merged["!merges"] = [{s: {r: 2, c: 3}, e: {r: 3, c: 3}}];
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, merged, "Users");
XLSX.writeFile(book, "sheetjs.xls", {bookType: "biff8"});
const plain = XLSX.utils.aoa_to_sheet(rows);
plain["D4"] = {t: "n", v: 7, z: "000"};
const book5 = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book5, plain, "Users");
XLSX.writeFile(book5, "sheetjs_biff5.xls", {bookType: "biff5"});
