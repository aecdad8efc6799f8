package no.samhandling.reporting.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import no.samhandling.reporting.figures.TableView;

/** A period report as a PDF of plain tables (A4 landscape), built only from published, protected cells. */
final class PdfReport {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float LABEL_WIDTH = 170;
    private static final float LEADING = 11;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    static byte[] write(String title, String subtitle, List<TableView> tables) {
        PdfReport report = new PdfReport();
        try {
            return report.render(title, subtitle, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] render(String title, String subtitle, List<TableView> tables) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        newPage();
        text(bold, 16, MARGIN, title);
        y -= 8;
        text(regular, 9, MARGIN, subtitle);
        y -= 6;
        for (TableView table : tables) {
            table(table);
        }
        content.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    private void table(TableView table) throws IOException {
        int columns = table.headings().size() - 1;
        float width = (PAGE.getWidth() - 2 * MARGIN - LABEL_WIDTH) / Math.max(1, columns);
        List<List<String>> headings = new ArrayList<>();
        int headingLines = 1;
        for (int i = 1; i < table.headings().size(); i++) {
            List<String> lines = wrap(bold, table.headings().get(i), width - 4, 7);
            headings.add(lines);
            headingLines = Math.max(headingLines, lines.size());
        }
        List<String> firstHeading = wrap(bold, table.headings().get(0), LABEL_WIDTH - 6, 7);
        headingLines = Math.max(headingLines, firstHeading.size());
        need(LEADING * (3 + headingLines) + 10);
        y -= 10;
        text(bold, 10, MARGIN, table.caption());
        for (int line = 0; line < headingLines; line++) {
            cell(bold, 7, MARGIN, line < firstHeading.size() ? firstHeading.get(line) : "", LABEL_WIDTH - 6, false);
            for (int i = 0; i < headings.size(); i++) {
                String text = line < headings.get(i).size() ? headings.get(i).get(line) : "";
                cell(bold, 7, MARGIN + LABEL_WIDTH + i * width, text, width - 4, true);
            }
            y -= LEADING - 2;
        }
        for (TableView.Row row : table.rows()) {
            PDType1Font font = row.total() ? bold : regular;
            // A long arena name wraps onto more lines; the figures stand on its first.
            List<String> label = wrap(font, row.label(), LABEL_WIDTH - 6, 8);
            need(LEADING * label.size() + 2);
            for (int line = 0; line < label.size(); line++) {
                cell(font, 8, MARGIN, label.get(line), LABEL_WIDTH - 6, false);
                if (line == 0) {
                    for (int i = 0; i < row.cells().size(); i++) {
                        cell(font, 8, MARGIN + LABEL_WIDTH + i * width, row.cells().get(i).text(), width - 4, true);
                    }
                }
                y -= LEADING;
            }
        }
    }

    /** One line of a cell, already wrapped to its width. */
    private void cell(PDType1Font font, float size, float x, String text, float width, boolean right) throws IOException {
        float textWidth = width(font, text, size);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(right ? x + width - textWidth : x, y);
        content.showText(text);
        content.endText();
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        for (String line : wrap(font, text, PAGE.getWidth() - 2 * MARGIN, size)) {
            need(size + 4);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(line);
            content.endText();
            y -= size + 4;
        }
    }

    /**
     * The text in lines no wider than {@code width}, broken between words; a single word wider than
     * a line is broken inside it (after a hyphen where it has one). Nothing is ever cut off.
     */
    private static List<String> wrap(PDType1Font font, String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate, size) <= width) {
                line = new StringBuilder(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line = new StringBuilder();
            String rest = word;
            while (width(font, rest, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, rest.substring(0, cut), size) > width) {
                    cut--;
                }
                int hyphen = rest.lastIndexOf('-', cut - 1);
                cut = hyphen > 0 ? hyphen + 1 : cut;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType1Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }
}
