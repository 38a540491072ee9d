// Writes write_excel_file_users.xlsx with write-excel-file 4.1.1 (npm), a writer many
// web pages use for "Export to Excel": a user list whose Sites are a number through
// 000, a date, an elapsed time ([h]:mm), a formula (which it saves without a result,
// and with its `=` inside the formula), a boolean, a percentage, a large number, a time
// of day, a line break, and 0.1 + 0.2.
//   npm install write-excel-file@4.1.1 && node write_excel_file.mjs
import writeExcelFile from 'write-excel-file/node'
const H = ['User name*', 'Email*', 'User type', 'Site'].map(value => ({ value, fontWeight: 'bold' }))
const data = [
  H,
  [{ value: 'José Müller' }, { value: 'jose@Example.COM' }, { value: 'Privileged' }, { value: 'Zürich' }],
  [{ value: 'Ada' }, { value: 'ada@example.com' }, null, { type: Number, value: 7, format: '000' }],
  [{ value: 'Bob' }, { value: 'bob@example.com' }, { value: 'Standard' }, { type: Date, value: new Date(Date.UTC(2024, 2, 1)), format: 'mm/dd/yyyy' }],
  [{ value: 'Cy' }, { value: 'cy@example.com' }, null, { type: Number, value: 1.5, format: '[h]:mm' }],
  [{ value: 'Di' }, { value: 'di@example.com' }, null, { type: 'Formula', value: '="Os"&"lo"' }],
  [{ value: 'Ed' }, { value: 'ed@example.com' }, null, { type: Boolean, value: true }],
  [{ value: 'Flo' }, { value: 'flo@example.com' }, null, { type: Number, value: 0.25, format: '0%' }],
  [{ value: 'Gus' }, { value: 'gus@example.com' }, null, { type: Number, value: 12345678901 }],
  [{ value: 'Hal' }, { value: 'hal@example.com' }, null, { type: Date, value: new Date(Date.UTC(2024, 2, 1, 13, 30)), format: 'hh:mm' }],
  [{ value: 'Ivy  ' }, { value: ' ivy@example.com' }, null, { value: 'Line\nbreak' }],
  [{ value: 'Jo' }, { value: 'jo@example.com' }, null, { type: Number, value: 0.1 + 0.2 }],
]
await writeExcelFile(data, { sheet: 'Users' }).toFile('write_excel_file_users.xlsx')

