package io.jenkins.plugins.gitproviders.core.client.http;

import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses the HTTP proxy of the {@link HttpSettings} for every host except those matching a no-proxy pattern
 * ({@code host}, {@code *.example.com}, {@code .example.com}, or a pattern with {@code *} anywhere).
 */
public final class NoProxyAwareSelector extends ProxySelector {
    private final Proxy proxy;
    private final List<Pattern> noProxy;

    public NoProxyAwareSelector(String proxyHost, int proxyPort, List<String> noProxyHosts) {
        this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyHost, proxyPort));
        this.noProxy = noProxyHosts.stream()
                .map(String::trim)
                .filter(pattern -> !pattern.isEmpty())
                .map(NoProxyAwareSelector::compile)
                .toList();
    }

    private static Pattern compile(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".")) {
            lower = "*" + lower;
        }
        return Pattern.compile(Arrays.stream(lower.split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*")));
    }

    /** Tells whether a host is reached directly. */
    public boolean bypasses(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return noProxy.stream().anyMatch(pattern -> pattern.matcher(lower).matches());
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host == null || bypasses(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to remember: the request fails and the diagnosis names the proxy.
    }
}
