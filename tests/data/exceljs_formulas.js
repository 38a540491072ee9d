// Writes exceljs_formulas.xlsx with ExcelJS (npm exceljs 4.4.0), as a Node service exports
// a user list: an email written as a hyperlink, a Site in rich text, a User type and a
// Site given as formulas (one with the result the program supplied, one without: ExcelJS
// calculates nothing), a boolean User type, a date, a Site 7 shown through 000 and 0.5
// through 0%. LibreOffice 7.4.7 shows London, Standard, 007, Oslo (it calculates the
// formula that has no result), TRUE, 3/1/2024, 50%.
//   npm install exceljs@4.4.0 && node exceljs_formulas.js
const ExcelJS = require('exceljs');
async function main() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Users");
  sheet.addRow(["User name", "Email", "User type", "Site"]);
  const rows = [
    ["Ada Lovelace", {text: "ada@example.com", hyperlink: "mailto:ada@example.com"}, "Privileged",
     {richText: [{text: "Lon", font: {bold: true}}, {text: "don"}]}],
    ["Bob", "bob@example.com", {formula: 'IF(1=1,"Standard","")', result: "Standard"}, 7],
    ["Cy", "cy@example.com", null, {formula: '"Os"&"lo"'}],
    ["Di", "di@example.com", true, new Date(Date.UTC(2024, 2, 1))],
    ["Fay", "fay@example.com", null, 0.5],
  ];
  rows.forEach((r, i) => {
    const row = sheet.addRow(r);
    if (i === 1) row.getCell(4).numFmt = "000";
    if (i === 4) row.getCell(4).numFmt = "0%";
  });
  await book.xlsx.writeFile("exceljs_formulas.xlsx");
}
main().catch(e => { console.error(e); process.exit(1); });
