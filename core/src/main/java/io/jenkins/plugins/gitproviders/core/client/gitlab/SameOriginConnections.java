package io.jenkins.plugins.gitproviders.core.client.gitlab;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpHost;
import org.apache.http.conn.ConnectionRequest;
import org.apache.http.conn.HttpClientConnectionManager;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * Opens connections to the GitLab API's own origin only. GitLab4J makes its HTTP client follow redirects on every
 * request, and the client repeats the {@code PRIVATE-TOKEN} header on the redirected request; refusing the connection
 * to any other origin stops the token before a byte is sent, and remembers where the redirect pointed so the
 * diagnosis can say so. Its connections never log headers (see {@link UnloggedConnections}).
 */
final class SameOriginConnections implements HttpClientConnectionManager {
    /** Pools connections that log nothing: HttpClient's own connections log every header, the token included. */
    private final PoolingHttpClientConnectionManager delegate =
            new PoolingHttpClientConnectionManager(new UnloggedConnections());
    private final Origin origin;
    @CheckForNull
    private volatile String refusedOrigin;

    SameOriginConnections(URI apiUrl) {
        this.origin = Origin.of(apiUrl).orElseThrow(() -> new IllegalArgumentException("no origin"));
    }

    /** Returns the origin of the last connection refused, if any. */
    Optional<String> refusedOrigin() {
        return Optional.ofNullable(refusedOrigin);
    }

    /** Tells whether a target belongs to the API's origin. */
    boolean allows(HttpHost target) {
        return origin.equals(new Origin(target.getSchemeName(), target.getHostName(),
                Origin.port(target.getSchemeName(), target.getPort())));
    }

    @Override
    public ConnectionRequest requestConnection(HttpRoute route, Object state) {
        HttpHost target = route.getTargetHost();
        if (allows(target)) {
            return delegate.requestConnection(route, state);
        }
        String origin = target.getSchemeName() + "://" + target.getHostName()
                + (target.getPort() < 0 ? "" : ":" + target.getPort());
        refusedOrigin = origin;
        return new ConnectionRequest() {
            @Override
            public HttpClientConnection get(long timeout, TimeUnit unit) throws ExecutionException {
                throw new ExecutionException(new IOException("Not connecting to " + origin
                        + ": it is not the GitLab API's origin, so the token is not sent there."));
            }

            @Override
            public boolean cancel() {
                return true;
            }
        };
    }

    @Override
    public void releaseConnection(HttpClientConnection conn, Object newState, long validDuration, TimeUnit timeUnit) {
        delegate.releaseConnection(conn, newState, validDuration, timeUnit);
    }

    @Override
    public void connect(HttpClientConnection conn, HttpRoute route, int connectTimeout, HttpContext context)
            throws IOException {
        delegate.connect(conn, route, connectTimeout, context);
    }

    @Override
    public void upgrade(HttpClientConnection conn, HttpRoute route, HttpContext context) throws IOException {
        delegate.upgrade(conn, route, context);
    }

    @Override
    public void routeComplete(HttpClientConnection conn, HttpRoute route, HttpContext context) throws IOException {
        delegate.routeComplete(conn, route, context);
    }

    @Override
    public void closeIdleConnections(long idletime, TimeUnit timeUnit) {
        delegate.closeIdleConnections(idletime, timeUnit);
    }

    @Override
    public void closeExpiredConnections() {
        delegate.closeExpiredConnections();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
