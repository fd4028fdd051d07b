package io.jenkins.plugins.gitproviders.core.client.gitlab;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.config.ConnectionConfig;
import org.apache.http.conn.HttpConnectionFactory;
import org.apache.http.conn.ManagedHttpClientConnection;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.conn.DefaultHttpResponseParserFactory;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;
import org.apache.http.impl.io.DefaultHttpRequestWriterFactory;

/**
 * Creates HttpClient connections that never log what they send or receive. HttpClient's own factory wraps every
 * connection in one that writes each request header to the {@code org.apache.http.headers} and
 * {@code org.apache.http.wire} loggers at debug level, {@code PRIVATE-TOKEN} included, as soon as someone turns those
 * loggers on (in Jenkins: a log recorder at FINE, or ALL on the root logger). The token must not reach any log.
 */
final class UnloggedConnections implements HttpConnectionFactory<HttpRoute, ManagedHttpClientConnection> {
    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection create(HttpRoute route, @CheckForNull ConnectionConfig given) {
        ConnectionConfig config = Objects.requireNonNullElse(given, ConnectionConfig.DEFAULT);
        CharsetDecoder decoder = null;
        CharsetEncoder encoder = null;
        Charset charset = config.getCharset();
        if (charset != null) {
            CodingErrorAction malformed = Objects.requireNonNullElse(config.getMalformedInputAction(),
                    CodingErrorAction.REPORT);
            CodingErrorAction unmappable = Objects.requireNonNullElse(config.getUnmappableInputAction(),
                    CodingErrorAction.REPORT);
            decoder = charset.newDecoder().onMalformedInput(malformed).onUnmappableCharacter(unmappable);
            encoder = charset.newEncoder().onMalformedInput(malformed).onUnmappableCharacter(unmappable);
        }
        return new DefaultManagedHttpClientConnection("git-providers-" + COUNTER.getAndIncrement(),
                config.getBufferSize(), config.getFragmentSizeHint(), decoder, encoder,
                config.getMessageConstraints(), null, null, DefaultHttpRequestWriterFactory.INSTANCE,
                DefaultHttpResponseParserFactory.INSTANCE);
    }
}
