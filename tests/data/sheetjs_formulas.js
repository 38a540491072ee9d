// Writes sheetjs_formulas.ods with SheetJS (npm xlsx 0.18.5): formula cells, which
// SheetJS stores with a placeholder (empty text, 0, FALSE) instead of their result.
// LibreOffice 7.4.7 recalculates them on open and shows Privileged, LONDON, TRUE, 101.
//   npm install xlsx@0.18.5 && node sheetjs_formulas.js
const XLSX = require('xlsx');
const ws = XLSX.utils.aoa_to_sheet([["User name","Email","User type","Site"],["Ada","ada@example.com","",""]]);
ws["C2"] = {t:"s", f:'IF(1,"Privileged","Standard")'};
ws["D2"] = {t:"n", f:'UPPER("london")'};
ws["A3"] = {t:"s", v:"Bob"}; ws["B3"]={t:"s",v:"bob@example.com"};
ws["D3"] = {t:"n", f:'100+1'};
ws["C3"] = {t:"b", f:'TRUE()'};
ws["!ref"]="A1:D3";
const wb = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(wb, ws, "Users");
XLSX.writeFile(wb, "sheetjs_formulas.ods");
