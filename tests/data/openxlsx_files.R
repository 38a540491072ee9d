# Writes openxlsx_duplicate_format.xlsx with R's openxlsx 4.2.5.2 (Debian's
# r-cran-openxlsx), the way a script fills a user list and stamps it:
#
#     Rscript openxlsx_files.R
#
# The Sites are site codes through the format 0000 (0042, 0007). Loading that workbook
# again and writing a date on a second sheet makes openxlsx define number format 165 a
# second time, as mm/dd/yyyy (openxlsx issue 330). Excel, LibreOffice 7.4.7 and Gnumeric
# 1.12.55 read a number defined twice as its last definition: every cell of format 165,
# the site codes too, shows a date (LibreOffice: 02/10/1900 and 01/06/1900, its dates
# before March 1900 a day before Excel's).
library(openxlsx)

wb <- createWorkbook()
addWorksheet(wb, "Users")
users <- data.frame(
  `User name*` = c("Ada Lovelace", "Alan Turing"),
  `Email*` = c("ada@example.com", "alan@example.com"),
  `User type` = c("Privileged", ""),
  Site = c(42, 7),
  check.names = FALSE
)
writeData(wb, "Users", users)
addStyle(wb, "Users", createStyle(numFmt = "0000"), rows = 2:3, cols = 4)
first <- tempfile(fileext = ".xlsx")
saveWorkbook(wb, first, overwrite = TRUE)

wb <- loadWorkbook(first)
addWorksheet(wb, "Export")
writeData(wb, "Export", data.frame(Exported = as.Date("2024-03-01")))
saveWorkbook(wb, "openxlsx_duplicate_format.xlsx", overwrite = TRUE)
