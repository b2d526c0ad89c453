package simdae.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import simdae.engine.nn.Network;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff out.json}) into a markdown table with GFLOP/s, the fraction of
 * this CPU's measured FMA peak ({@code PeakFlopsBench.peak1} in the same file, or {@code --peak GFLOPS}) and
 * images/s where a benchmark counts images.
 *
 * <p>The {@code % peak} column compares against the one-thread peak times the threads the benchmark used (its
 * {@code threads} parameter, {@code max} = the cores of the machine that ran {@code peakAll}, times JMH's own
 * thread count), so a 2-thread epoch at 100% would run both cores at their FMA peak.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar simdae.bench.Report out.json [--peak GFLOPS] [--machine "line"]}
 */
public final class Report {
    private Report() {
    }

    /** One row. */
    record Row(String bench, String method, Map<String, Object> params, int jmhThreads, String mode,
               double score, double error, String unit, double flopsPerSec, double imagesPerSec) {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Report out.json [--peak GFLOPS] [--machine \"line\"]");
            System.exit(2);
        }
        double peakArg = Double.NaN;
        String machine = null;
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals("--peak")) peakArg = Double.parseDouble(args[++a]);
            else if (args[a].equals("--machine")) machine = args[++a];
        }
        System.out.print(render(Files.readString(Path.of(args[0])), peakArg, machine));
    }

    /** The markdown for a JMH JSON document. */
    @SuppressWarnings("unchecked")
    public static String render(String json, double peakArg, String machine) {
        List<Object> results = (List<Object>) Json.parse(json);
        List<Row> rows = new ArrayList<>();
        for (Object o : results) rows.add(row((Map<String, Object>) o));

        double peak1 = peakArg;
        int cores = 0;
        double peakAll = Double.NaN;
        for (Row r : rows) {
            if (r.bench.equals("PeakFlopsBench") && r.method.equals("peak1") && Double.isNaN(peakArg)) peak1 = r.flopsPerSec / 1e9;
            if (r.bench.equals("PeakFlopsBench") && r.method.equals("peakAll")) {
                cores = r.jmhThreads;
                peakAll = r.flopsPerSec / 1e9;
            }
        }
        if (cores == 0) cores = Runtime.getRuntime().availableProcessors();

        StringBuilder b = new StringBuilder();
        if (machine != null) b.append("Machine: ").append(machine).append("\n\n");
        if (!Double.isNaN(peak1)) {
            b.append(String.format(Locale.ROOT, "Measured FMA peak: %.1f GFLOP/s per thread", peak1));
            if (!Double.isNaN(peakAll)) {
                b.append(String.format(Locale.ROOT, "; %.1f GFLOP/s on %d threads (%.1f per thread)", peakAll, cores, peakAll / cores));
            }
            b.append("\n\n");
        } else {
            b.append("No PeakFlopsBench.peak1 in this file and no --peak given: the % peak column is empty.\n\n");
        }
        b.append("| benchmark | parameters | score | unit | GFLOP/s | % peak | images/s |\n");
        b.append("|---|---|---:|---|---:|---:|---:|\n");
        for (Row r : rows) {
            int used = r.jmhThreads * threadsParam(r.params, cores);
            double gf = r.flopsPerSec / 1e9;
            double pct = Double.isNaN(peak1) || Double.isNaN(gf) ? Double.NaN : 100 * gf / (peak1 * used);
            b.append("| ").append(r.bench).append('.').append(r.method)
                    .append(" | ").append(params(r.params, r.jmhThreads))
                    .append(" | ").append(fmt(r.score)).append(Double.isNaN(r.error) ? "" : " ± " + fmt(r.error))
                    .append(" | ").append(r.unit)
                    .append(" | ").append(Double.isNaN(gf) ? "" : String.format(Locale.ROOT, "%.2f", gf))
                    .append(" | ").append(Double.isNaN(pct) ? "" : String.format(Locale.ROOT, "%.1f%%", pct))
                    .append(" | ").append(Double.isNaN(r.imagesPerSec) ? "" : String.format(Locale.ROOT, "%,.0f", r.imagesPerSec))
                    .append(" |\n");
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<String, Object> r) {
        String full = (String) r.get("benchmark");
        int dot = full.lastIndexOf('.');
        String method = full.substring(dot + 1);
        String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
        Map<String, Object> params = r.get("params") == null ? Map.of() : (Map<String, Object>) r.get("params");
        Map<String, Object> pm = (Map<String, Object>) r.get("primaryMetric");
        Map<String, Object> sec = r.get("secondaryMetrics") == null ? Map.of() : (Map<String, Object>) r.get("secondaryMetrics");
        double flops = perSecond(sec.get("flops"));
        if (Double.isNaN(flops) && cls.equals("EpochBench")) {
            // JMH drops aux counters in SingleShot mode: one op is one 60,000-sample epoch (EpochBench's own count).
            double secPerOp = 1 / perSecond(pm);
            flops = EpochHarness.epochFlops(Network.autoencoder(784, 128, 64, 32), 60_000, 0) / secPerOp;
        }
        double images = perSecond(sec.get("images"));
        return new Row(cls, method, params, ((Number) r.get("threads")).intValue(), (String) r.get("mode"),
                num(pm.get("score")), num(pm.get("scoreError")), (String) pm.get("scoreUnit"), flops, images);
    }

    /** A JMH counter metric as events per second: rates ({@code ops/us}) directly, times ({@code us/op}) inverted. */
    @SuppressWarnings("unchecked")
    static double perSecond(Object metric) {
        if (metric == null) return Double.NaN;
        Map<String, Object> m = (Map<String, Object>) metric;
        double v = num(m.get("score"));
        String unit = (String) m.get("scoreUnit");
        if (Double.isNaN(v) || unit == null) return Double.NaN;
        if (unit.startsWith("ops/")) return v / seconds(unit.substring(4));
        if (unit.endsWith("/op")) return v == 0 || Double.isInfinite(v) ? Double.NaN : 1 / (v * seconds(unit.substring(0, unit.length() - 3)));
        return Double.NaN;
    }

    private static double seconds(String u) {
        switch (u) {
            case "s": return 1;
            case "ms": return 1e-3;
            case "us": return 1e-6;
            case "ns": return 1e-9;
            case "min": return 60;
            default: throw new IllegalArgumentException("unknown time unit " + u);
        }
    }

    private static int threadsParam(Map<String, Object> params, int cores) {
        Object t = params.get("threads");
        if (t == null) return 1;
        String s = t.toString();
        return s.equals("max") ? cores : Integer.parseInt(s);
    }

    private static String params(Map<String, Object> params, int jmhThreads) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (b.length() > 0) b.append(' ');
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        if (jmhThreads > 1) b.append(b.length() > 0 ? " " : "").append("jmh-threads=").append(jmhThreads);
        return b.toString();
    }

    private static double num(Object o) {
        if (o instanceof Number) return ((Number) o).doubleValue();
        if (o instanceof String) {
            String s = (String) o;
            if (s.equals("NaN")) return Double.NaN;
            if (s.equals("+INF") || s.equals("Infinity")) return Double.POSITIVE_INFINITY;
            if (s.equals("-INF")) return Double.NEGATIVE_INFINITY;
            return Double.parseDouble(s);
        }
        return Double.NaN;
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v)) return "NaN";
        if (a >= 100) return String.format(Locale.ROOT, "%,.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.3f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
