// Writes poi_formulas.xls with Apache POI 4.0.1 (Debian's libapache-poi-java), as a
// Java service's "export to Excel" does: the formulas are left to the spreadsheet
// program to calculate. POI saves each with the result 0, marked to be calculated when
// the file is opened, and no RECALCID; Excel and LibreOffice 7.4.7 show London and 7
// for Ada's and Grace's Sites. Alan's Site is 7 shown through 000; Edsger's Oslo is
// merged down over Donald's row.
//   CP=$(ls /usr/share/java/{poi,commons-collections4,commons-math3,commons-codec}.jar | tr '\n' ':')
//   javac -cp "$CP" PoiFormulas.java && java -cp "$CP." PoiFormulas
import java.io.FileOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

public class PoiFormulas {
    public static void main(String[] args) throws Exception {
        Workbook book = new HSSFWorkbook();
        Sheet sheet = book.createSheet("Users");
        String[][] rows = {
            {"User name*", "Email*", "User type", null},
            {"Ada Lovelace", "ada@example.com", "Privileged", null},
            {"Grace Hopper", "grace@example.com", "", null},
            {"Alan Turing", "alan@example.com", "", null},
            {"Edsger Dijkstra", "edsger@example.com", "", "Oslo"},
            {"Donald Knuth", "donald@example.com", "", null},
        };
        rows[0][3] = "Site";
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 4; c++) {
                if (rows[r][c] != null) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
        sheet.getRow(1).createCell(3).setCellFormula("\"Lon\"&\"don\"");
        sheet.getRow(2).createCell(3).setCellFormula("3+4");
        CellStyle zeros = book.createCellStyle();
        zeros.setDataFormat(book.createDataFormat().getFormat("000"));
        Cell seven = sheet.getRow(3).createCell(3);
        seven.setCellValue(7);
        seven.setCellStyle(zeros);
        sheet.addMergedRegion(new CellRangeAddress(4, 5, 3, 3));
        try (FileOutputStream out = new FileOutputStream("poi_formulas.xls")) {
            book.write(out);
        }
    }
}
