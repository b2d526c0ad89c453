package simdae.cli.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and reports them, at most every 256 KiB so a listener is not flooded. */
final class ProgressInputStream extends FilterInputStream {
    private static final long STEP = 256 * 1024;
    private final ProgressListener listener;
    private final String task;
    private final long total;
    private long done;
    private long reported;

    ProgressInputStream(InputStream in, ProgressListener listener, String task, long total) {
        super(in);
        this.listener = listener;
        this.task = task;
        this.total = total;
        listener.progress(task, 0, total);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        count(r);
        return r;
    }

    private void count(int r) {
        if (r < 0) {
            if (reported != done || done == 0) listener.progress(task, done, total);
            reported = done;
            return;
        }
        done += r;
        if (done - reported >= STEP || done == total) {
            reported = done;
            listener.progress(task, done, total);
        }
    }
}
