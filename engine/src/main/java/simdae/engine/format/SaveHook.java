package simdae.engine.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link ModelFile} after the temporary file is complete and synced, just before it is renamed over the
 * target. Tests throw from here to stand in for a crash at the worst moment.
 */
@FunctionalInterface
interface SaveHook {
    /** No-op. */
    SaveHook NONE = temp -> { };

    void beforeRename(Path temp) throws IOException;
}
