package simdae.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * MNIST from a public HTTPS mirror that serves the gzip files ({@code <base><name>.gz}). The connect timeout is
 * short so an offline machine falls through to the next source in seconds.
 */
public final class HttpMirrorSource implements MnistSource {
    /** The mirror torchvision uses. */
    public static final String TORCHVISION = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    /** The original site. */
    public static final String LECUN = "https://yann.lecun.com/exdb/mnist/";

    private final String base;
    private final Duration connectTimeout;
    private HttpClient client;

    /** @param base URL ending in "/" @param connectTimeout how long to wait for a connection */
    public HttpMirrorSource(String base, Duration connectTimeout) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String description() {
        return base;
    }

    /** Connection failures often carry a null message; the class names along the cause chain say what happened. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 200; t = t.getCause()) {
            if (sb.length() > 0) sb.append(" <- ");
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
            if (t.getCause() == t) break;
        }
        return sb.toString();
    }

    @Override
    public InputStream open(MnistFile file, ProgressListener listener) throws IOException {
        if (client == null) client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        URI uri = URI.create(base + file.fileName + ".gz");
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        } catch (IOException e) {
            throw new IOException(describe(e), e);
        }
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new IOException("HTTP " + resp.statusCode() + " for " + uri);
        }
        long total = resp.headers().firstValueAsLong("content-length").orElse(-1);
        return new ProgressInputStream(resp.body(), listener, file.fileName + " from " + base, total);
    }
}
