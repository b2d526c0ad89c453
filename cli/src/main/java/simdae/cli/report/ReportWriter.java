package simdae.cli.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a report directory: the figures whose data is present (see {@link FigureFile}), {@code summary.json} and
 * {@code index.html}, which shows them all.
 *
 * <pre>{@code
 * ReportInput in = ReportInput.builder("simdae report: MNIST test", errors, threshold.value())
 *         .threshold(threshold).source("mnist:test").put("Model", "784-128-64-32-64-128-784")
 *         .images(ImageGrid.of(x, xHat, 28, 28, flags)).training(model.trainingInfo()).build();
 * List<Path> files = ReportWriter.write(in, Path.of("report"));
 * }</pre>
 *
 * <p>Rendering runs headless ({@code java.awt.headless=true} unless set). All files are rendered and staged first,
 * then moved into place, {@code index.html} last, so a failure never leaves a half-written report. Figures of an
 * earlier report in the same directory that this one does not have are deleted, so the folder matches its page.
 */
public final class ReportWriter {
    /** The page's file name. */
    public static final String INDEX = "index.html";
    /** The JSON summary's file name. */
    public static final String SUMMARY = "summary.json";

    private ReportWriter() {
    }

    /**
     * Writes the report for {@code in} into {@code dir}, creating it if needed.
     *
     * @return the files written: the figures in page order, then {@code summary.json}, then {@code index.html}
     * @throws IOException when {@code dir} is an existing file, or on a write failure (nothing is left half-written)
     */
    public static List<Path> write(ReportInput in, Path dir) throws IOException {
        return write(in, dir, ReportWriter::png);
    }

    /** Encodes one figure; a seam so tests can make a write fail half-way. */
    interface Encoder {
        byte[] encode(Figure f) throws IOException;
    }

    static List<Path> write(ReportInput in, Path dir, Encoder encoder) throws IOException {
        Headless.ensure();
        ReportNumbers nums = ReportNumbers.of(in);
        List<Figure> figures = figures(in, nums);
        try (StagingDirectory staging = StagingDirectory.in(dir)) {
            for (Figure f : figures) staging.stage(f.file().fileName(), encoder.encode(f));
            staging.stage(SUMMARY, SummaryJson.render(in, nums, figures).getBytes(StandardCharsets.UTF_8));
            staging.stage(INDEX, HtmlPage.render(in, nums, figures).getBytes(StandardCharsets.UTF_8));
            List<Path> written = staging.commit();
            removeStale(staging.directory(), figures);
            return written;
        }
    }

    /** Renders the figures whose data is present, in page order, without writing anything. */
    static List<Figure> figures(ReportInput in, ReportNumbers nums) {
        List<Figure> out = new ArrayList<>();
        if (nums.stats() != null) out.add(HistogramFigure.figure(in, nums));
        in.images().ifPresent(g -> out.add(ReconstructionGrid.figure(in, g)));
        in.training().ifPresent(h -> out.add(TrainingCurvesFigure.figure(h)));
        in.evaluation().ifPresent(r -> {
            out.add(CurveFigures.roc(r));
            out.add(CurveFigures.pr(r));
        });
        if (!nums.classes().isEmpty()) out.add(ClassErrorsFigure.figure(in, nums));
        if (!in.oneClass().isEmpty()) out.add(OneClassFigure.figure(in.oneClass()));
        return out;
    }

    private static byte[] png(Figure f) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(f.image(), "png", bytes)) throw new IOException("no PNG encoder for " + f.file().fileName());
        return bytes.toByteArray();
    }

    private static void removeStale(Path dir, List<Figure> written) throws IOException {
        for (FigureFile kind : FigureFile.values()) {
            boolean present = written.stream().anyMatch(f -> f.file() == kind);
            if (!present) Files.deleteIfExists(dir.resolve(kind.fileName()));
        }
    }
}
