package simdae.engine.kernel;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernels} once per JVM: the Vector API kernels when {@code jdk.incubator.vector} is in the boot
 * layer, else the scalar reference, with one log line saying which and, on fallback, how to turn SIMD on.
 *
 * <p>The Vector implementation is loaded by name only after the module check passes, so a JVM started without
 * {@code --add-modules jdk.incubator.vector} never sees a class that links against it. Override with
 * {@code -Dsimdae.kernels=vector|scalar} or the {@code SIMDAE_KERNELS} environment variable.
 */
public final class KernelProvider {
    private static final Logger LOG = Logger.getLogger("simdae");
    private static final String VECTOR_CLASS = "simdae.engine.kernel.vector.VectorKernels";
    private static final String ENABLE_HINT = "run java with --add-modules jdk.incubator.vector to enable SIMD";

    private KernelProvider() {
    }

    /** The kernels chosen for this JVM (decided on first use). */
    public static Kernels get() {
        return Holder.INSTANCE;
    }

    /** Why the provider chose what it chose, e.g. {@code "vector: 512-bit FloatVector (16 lanes)"}. */
    public static String description() {
        return Holder.DESCRIPTION;
    }

    /** The scalar reference kernels (always available). */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API kernels.
     *
     * @throws UnsupportedOperationException when {@code jdk.incubator.vector} is not resolved or unusable
     */
    public static Kernels vector() {
        if (!vectorModulePresent()) {
            throw new UnsupportedOperationException("jdk.incubator.vector is not resolved: " + ENABLE_HINT);
        }
        try {
            return (Kernels) Class.forName(VECTOR_CLASS).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnsupportedOperationException("Vector kernels unavailable: " + cause, cause);
        }
    }

    /** True when the {@code jdk.incubator.vector} module is part of the boot layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The default number of threads: {@code -Dsimdae.threads}, else {@code SIMDAE_THREADS}, else every available core.
     */
    public static int defaultThreads() {
        String s = setting("simdae.threads", "SIMDAE_THREADS");
        if (s != null) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the core count
            }
            LOG.warning("ignoring simdae.threads=" + s + " (expected a positive integer)");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? null : v;
    }

    private static final class Holder {
        static final Kernels INSTANCE;
        static final String DESCRIPTION;

        static {
            String forced = setting("simdae.kernels", "SIMDAE_KERNELS");
            forced = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
            Kernels chosen;
            String why;
            if (forced.equals("scalar")) {
                chosen = ScalarKernels.INSTANCE;
                why = "scalar (forced by simdae.kernels=scalar)";
            } else {
                if (!forced.isEmpty() && !forced.equals("vector") && !forced.equals("auto")) {
                    LOG.warning("ignoring simdae.kernels=" + forced + " (expected vector, scalar or auto)");
                }
                Kernels k;
                String reason;
                try {
                    k = vector();
                    reason = null;
                } catch (UnsupportedOperationException e) {
                    k = null;
                    reason = e.getMessage();
                }
                if (k != null) {
                    chosen = k;
                    why = "vector: " + (k.laneWidth() * 32) + "-bit FloatVector (" + k.laneWidth() + " lanes)";
                } else {
                    chosen = ScalarKernels.INSTANCE;
                    why = "scalar (" + reason + ")";
                    if (forced.equals("vector")) {
                        LOG.warning("simdae.kernels=vector requested but " + reason);
                    }
                }
            }
            INSTANCE = chosen;
            DESCRIPTION = why;
            LOG.info("simdae kernels: " + why);
        }
    }
}
