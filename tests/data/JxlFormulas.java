// Writes jxl_formulas.xls with JExcelAPI 2.6.12 (Debian's libjexcelapi-java), the Java
// library behind many older systems' Excel exports. Its compound file lists the
// directory out of name order, which Excel, LibreOffice and calamine read and cfb
// refuses; and it saves each formula with the result 4, marked to be calculated when
// the file is opened, and no RECALCID. LibreOffice 7.4.7 shows OSLO and 7 for Ada's and
// Grace's Sites, 007 for Alan's, and Oslo merged over Edsger's and Donald's.
//   javac -cp /usr/share/java/jxl.jar JxlFormulas.java
//   java -cp /usr/share/java/jxl.jar:. JxlFormulas
import java.io.File;
import jxl.Workbook;
import jxl.write.Formula;
import jxl.write.Label;
import jxl.write.NumberFormat;
import jxl.write.WritableCellFormat;
import jxl.write.WritableSheet;
import jxl.write.WritableWorkbook;

public class JxlFormulas {
    public static void main(String[] args) throws Exception {
        WritableWorkbook book = Workbook.createWorkbook(new File("jxl_formulas.xls"));
        WritableSheet sheet = book.createSheet("Users", 0);
        String[][] rows = {
            {"User name*", "Email*", "User type", "Site"},
            {"Ada Lovelace", "ada@example.com", "Privileged"},
            {"Grace Hopper", "grace@example.com", ""},
            {"Alan Turing", "alan@example.com", ""},
            {"Edsger Dijkstra", "edsger@example.com", ""},
            {"Donald Knuth", "donald@example.com", ""},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                sheet.addCell(new Label(c, r, rows[r][c]));
            }
        }
        sheet.addCell(new Formula(3, 1, "UPPER(\"oslo\")"));
        sheet.addCell(new Formula(3, 2, "3+4"));
        WritableCellFormat zeros = new WritableCellFormat(new NumberFormat("000"));
        sheet.addCell(new jxl.write.Number(3, 3, 7, zeros));
        sheet.addCell(new Label(3, 4, "Oslo"));
        sheet.mergeCells(3, 4, 3, 5);
        book.write();
        book.close();
    }
}
